package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Random;

/**
 * The one entry point of every attack of the library. {@link #run} is final and does, once, what each attack would
 * otherwise repeat: it checks the batch and the class count, seeds a {@link Random} from the attack's seed (ND4J's
 * global generator is left alone, so an attack does not change what the rest of the program draws), lets the attack
 * work, bounds the result (the epsilon ball of a {@link FixedEpsilonAttack}, [0, 1] for all), checks success with the
 * criterion on the bounded result, and counts the forward and backward passes the attack cost.
 *
 * <p>An attack implements {@link #perturb} only: its inner loop. Because the bound and the success check happen here,
 * no attack can report a success outside its budget.
 */
public abstract class AttackBase extends AttackValue {

    private final Criterion criterion;
    private final long seed;

    protected AttackBase(Criterion criterion, long seed) {
        this.criterion = criterion == null ? Criterion.MISCLASSIFICATION : criterion;
        this.seed = seed;
    }

    @Override
    public final AttackResult run(AttackModel model, INDArray x, INDArray labels) {
        AttackInputs.batch(x, labels);
        long forward = model.forwardPasses(), backward = model.backwardPasses();
        if (x.size(0) > 0) {
            // one example is enough to know the class count, and costs one example's pass
            AttackInputs.classes(labels, model.probabilities(x.get(NDArrayIndex.interval(0, 1))));
        }
        AttackRun attackRun = new AttackRun(model, x, labels, criterion, new Random(seed));
        INDArray adversarial = x.size(0) == 0 ? x.dup() : bound(perturb(attackRun), x);
        boolean[] success = x.size(0) == 0 ? new boolean[0] : criterion.isMet(model.probabilities(adversarial), labels);
        return new AttackResult(adversarial, success, model.forwardPasses() - forward,
                model.backwardPasses() - backward);
    }

    /**
     * The attack's inner loop: adversarial candidates for {@code run.x()}, same shape. They need not be bounded or
     * checked: {@link #run} does both.
     */
    protected abstract INDArray perturb(AttackRun run);

    /** The result moved into the attack's budget; here [0, 1] only (minimisation attacks have no epsilon). */
    protected INDArray bound(INDArray adversarial, INDArray x) {
        return Perturbations.clip01(adversarial.dup());
    }

    public Criterion criterion() {
        return criterion;
    }

    /** The seed of the attack's random choices (0 for attacks without any). */
    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return name() + settings();
    }
}
