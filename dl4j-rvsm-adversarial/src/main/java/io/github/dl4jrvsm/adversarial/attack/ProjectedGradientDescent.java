package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackLoss;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Map;
import java.util.Random;

/**
 * L-infinity projected gradient sign ascent, the one loop behind FGSM, iterative FGSM, PGD and C&amp;W-Linf: from
 * {@code x} (or a uniform random point of the ball), repeat {@code x <- Proj(x + alpha * sign(grad loss))}, where
 * {@code Proj} clips into the epsilon ball and [0, 1]. With restarts, each example keeps the first successful run,
 * otherwise the run with the highest loss.
 *
 * <p>Use the factories: {@link #fgsm}, {@link #iterativeFgsm}, {@link #pgd}, {@link #cwLinf}.
 */
public final class ProjectedGradientDescent extends AttackValue {

    private final String name;
    private final double epsilon;
    private final double stepSize;
    private final int steps;
    private final boolean randomStart;
    private final int restarts;
    private final AttackLoss loss;
    private final boolean targeted;
    private final boolean earlyStop;
    private final long seed;

    private ProjectedGradientDescent(String name, double epsilon, double stepSize, int steps, boolean randomStart,
                                     int restarts, AttackLoss loss, boolean targeted, boolean earlyStop, long seed) {
        this.name = name;
        this.epsilon = AttackInputs.epsilon(epsilon);
        this.stepSize = Validate.positive("step size alpha", stepSize);
        this.steps = Validate.atLeastOne("steps", steps);
        this.restarts = Validate.atLeastOne("restarts", restarts);
        this.randomStart = randomStart;
        this.loss = loss == null ? AttackLoss.CROSS_ENTROPY : loss;
        this.targeted = targeted;
        this.earlyStop = earlyStop;
        this.seed = seed;
    }

    /** One step of size epsilon from the clean image (Goodfellow et al. 2015). */
    public static ProjectedGradientDescent fgsm(double epsilon) {
        return new ProjectedGradientDescent("FGSM", epsilon, Math.max(epsilon, Double.MIN_VALUE), 1, false, 1,
                AttackLoss.CROSS_ENTROPY, false, false, 0);
    }

    /** {@code steps} sign steps of size {@code alpha} from the clean image (Kurakin et al. 2017). */
    public static ProjectedGradientDescent iterativeFgsm(double epsilon, double alpha, int steps) {
        return new ProjectedGradientDescent("IFGSM-" + steps, epsilon, alpha, steps, false, 1,
                AttackLoss.CROSS_ENTROPY, false, false, 0);
    }

    /** PGD with a uniform random start (Madry et al. 2018); the dissertation trains with (8/255, 2/255, 10). */
    public static ProjectedGradientDescent pgd(double epsilon, double alpha, int steps) {
        return new ProjectedGradientDescent("PGD-" + steps, epsilon, alpha, steps, true, 1,
                AttackLoss.CROSS_ENTROPY, false, false, 0);
    }

    /** C&amp;W-Linf: PGD on the Carlini-Wagner margin of the logits. */
    public static ProjectedGradientDescent cwLinf(double epsilon, double alpha, int steps) {
        return new ProjectedGradientDescent("CW-Linf-" + steps, epsilon, alpha, steps, true, 1, AttackLoss.MARGIN,
                false, false, 0);
    }

    public ProjectedGradientDescent withRestarts(int n) {
        return new ProjectedGradientDescent(name, epsilon, stepSize, steps, randomStart, n, loss, targeted, earlyStop, seed);
    }

    /** Labels become target classes; the attack succeeds when the model predicts them. */
    public ProjectedGradientDescent targeted(boolean t) {
        return new ProjectedGradientDescent(name, epsilon, stepSize, steps, randomStart, restarts, loss, t, earlyStop, seed);
    }

    /** Stop moving an example once the attack has succeeded on it (faster; keeps the first adversarial found). */
    public ProjectedGradientDescent earlyStop(boolean e) {
        return new ProjectedGradientDescent(name, epsilon, stepSize, steps, randomStart, restarts, loss, targeted, e, seed);
    }

    @Override
    public ProjectedGradientDescent withSeed(long s) {
        return new ProjectedGradientDescent(name, epsilon, stepSize, steps, randomStart, restarts, loss, targeted, earlyStop, s);
    }

    public ProjectedGradientDescent withLoss(AttackLoss l) {
        return new ProjectedGradientDescent(name, epsilon, stepSize, steps, randomStart, restarts, l, targeted, earlyStop, seed);
    }

    public ProjectedGradientDescent withRandomStart(boolean r) {
        return new ProjectedGradientDescent(name, epsilon, stepSize, steps, r, restarts, loss, targeted, earlyStop, seed);
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public AttackResult run(AttackModel model, INDArray x, INDArray labels) {
        AttackInputs.batch(x, labels);
        AttackInputs.classes(labels, model.probabilities(x.get(NDArrayIndex.interval(0, 1))));
        Random random = new Random(seed);
        Nd4j.getRandom().setSeed(seed); // random layers (EnResNet noise) and dropout draw from ND4J's generator
        int n = (int) x.size(0);
        INDArray best = x.dup();
        boolean[] bestSuccess = new boolean[n];
        INDArray bestLoss = null;
        for (int r = 0; r < restarts; r++) {
            INDArray adv = randomStart ? Perturbations.project(x.add(Perturbations.uniform(x, epsilon, random)), x, epsilon)
                    : x.dup();
            boolean[] done = new boolean[n];
            for (int s = 0; s < steps && epsilon > 0; s++) {
                INDArray direction = Transforms.sign(model.gradient(adv, labels, loss), false);
                if (targeted) {
                    direction.negi();
                }
                if (earlyStop) {
                    direction.muli(Perturbations.exampleMask(negate(done), adv).broadcast(adv.shape()));
                }
                adv = Perturbations.project(adv.addi(direction.muli(stepSize)), x, epsilon);
                if (earlyStop) {
                    done = Perturbations.success(model, adv, labels, targeted);
                }
            }
            if (restarts == 1) {
                // nothing to choose between: skip the bookkeeping passes (they cost a forward pass each)
                return new AttackResult(adv, Perturbations.success(model, adv, labels, targeted));
            }
            boolean[] success = Perturbations.success(model, adv, labels, targeted);
            INDArray lossNow = model.losses(adv, labels, loss);
            boolean[] take = new boolean[n];
            for (int i = 0; i < n; i++) {
                boolean higher = bestLoss == null || (targeted ? lossNow.getDouble(i) < bestLoss.getDouble(i)
                        : lossNow.getDouble(i) > bestLoss.getDouble(i));
                take[i] = r == 0 || (!bestSuccess[i] && (success[i] || higher));
            }
            Perturbations.takeWhere(best, adv, take);
            bestLoss = bestLoss == null ? lossNow.dup() : bestLoss;
            for (int i = 0; i < n; i++) {
                if (take[i]) {
                    bestSuccess[i] = success[i];
                    bestLoss.putScalar(i, lossNow.getDouble(i));
                }
            }
        }
        return new AttackResult(best, Perturbations.success(model, best, labels, targeted));
    }

    private static boolean[] negate(boolean[] b) {
        boolean[] out = new boolean[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = !b[i];
        }
        return out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> settings() {
        return Settings.of("epsilon", epsilon, "stepSize", stepSize, "steps", steps, "randomStart", randomStart,
                "restarts", restarts, "loss", loss.name(), "targeted", targeted, "earlyStop", earlyStop, "seed", seed);
    }

    @Override
    public String toString() {
        return name + settings();
    }
}
