package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackLoss;
import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * Projected steepest ascent, the one loop behind FGSM, iterative FGSM, PGD and C&amp;W-Linf: from {@code x} (or a
 * uniform random point of the ball), repeat {@code x <- Proj(x + alpha * direction(grad loss))}, where the
 * {@link Norm} gives the direction (the gradient's sign for L-infinity, the gradient scaled to unit length for L2) and
 * {@code Proj} moves into the epsilon ball and [0, 1]. With restarts, each example keeps the first successful run,
 * otherwise the run with the highest loss.
 *
 * <p>Use the factories: {@link #fgsm}, {@link #iterativeFgsm}, {@link #pgd}, {@link #cwLinf}.
 */
public final class ProjectedGradientDescent extends FixedEpsilonAttack {

    private final String name;
    private final double stepSize;
    private final int steps;
    private final boolean randomStart;
    private final int restarts;
    private final AttackLoss loss;
    private final boolean earlyStop;

    private ProjectedGradientDescent(String name, Norm norm, double epsilon, double stepSize, int steps,
                                     boolean randomStart, int restarts, AttackLoss loss, Criterion criterion,
                                     boolean earlyStop, long seed) {
        super(norm, epsilon, criterion, seed);
        this.name = name;
        this.stepSize = Validate.positive("step size alpha", stepSize);
        this.steps = Validate.atLeastOne("steps", steps);
        this.restarts = Validate.atLeastOne("restarts", restarts);
        this.randomStart = randomStart;
        this.loss = loss == null ? AttackLoss.CROSS_ENTROPY : loss;
        this.earlyStop = earlyStop;
    }

    /** One step of size epsilon from the clean image (Goodfellow et al. 2015). */
    public static ProjectedGradientDescent fgsm(double epsilon) {
        return fgsm(Norm.LINF, epsilon);
    }

    /** One step of size epsilon in {@code norm}; with L2 this is the fast gradient method (FGM). */
    public static ProjectedGradientDescent fgsm(Norm norm, double epsilon) {
        return new ProjectedGradientDescent(norm == Norm.L2 ? "FGM-L2" : "FGSM", norm, epsilon,
                Math.max(epsilon, Double.MIN_VALUE), 1, false, 1, AttackLoss.CROSS_ENTROPY, null, false, 0);
    }

    /** {@code steps} sign steps of size {@code alpha} from the clean image (Kurakin et al. 2017). */
    public static ProjectedGradientDescent iterativeFgsm(double epsilon, double alpha, int steps) {
        return new ProjectedGradientDescent("IFGSM-" + steps, Norm.LINF, epsilon, alpha, steps, false, 1,
                AttackLoss.CROSS_ENTROPY, null, false, 0);
    }

    /** PGD with a uniform random start (Madry et al. 2018); the dissertation trains with (8/255, 2/255, 10). */
    public static ProjectedGradientDescent pgd(double epsilon, double alpha, int steps) {
        return pgd(Norm.LINF, epsilon, alpha, steps);
    }

    /** PGD in {@code norm}: for L2, normalised gradient steps of length {@code alpha} and the L2-ball projection. */
    public static ProjectedGradientDescent pgd(Norm norm, double epsilon, double alpha, int steps) {
        return new ProjectedGradientDescent("PGD-" + steps + (norm == Norm.L2 ? "-L2" : ""), norm, epsilon, alpha,
                steps, true, 1, AttackLoss.CROSS_ENTROPY, null, false, 0);
    }

    /** C&amp;W-Linf: PGD on the Carlini-Wagner margin of the logits. */
    public static ProjectedGradientDescent cwLinf(double epsilon, double alpha, int steps) {
        return new ProjectedGradientDescent("CW-Linf-" + steps, Norm.LINF, epsilon, alpha, steps, true, 1,
                AttackLoss.MARGIN, null, false, 0);
    }

    public ProjectedGradientDescent withRestarts(int n) {
        return new ProjectedGradientDescent(name, norm(), epsilon(), stepSize, steps, randomStart, n, loss,
                criterion(), earlyStop, seed());
    }

    /** Labels become target classes under {@link Criterion#TARGETED_MISCLASSIFICATION}: the loss is descended. */
    public ProjectedGradientDescent withCriterion(Criterion c) {
        return new ProjectedGradientDescent(name, norm(), epsilon(), stepSize, steps, randomStart, restarts, loss, c,
                earlyStop, seed());
    }

    /** Stop moving an example once the attack has succeeded on it (faster; keeps the first adversarial found). */
    public ProjectedGradientDescent earlyStop(boolean e) {
        return new ProjectedGradientDescent(name, norm(), epsilon(), stepSize, steps, randomStart, restarts, loss,
                criterion(), e, seed());
    }

    @Override
    public ProjectedGradientDescent withSeed(long s) {
        return new ProjectedGradientDescent(name, norm(), epsilon(), stepSize, steps, randomStart, restarts, loss,
                criterion(), earlyStop, s);
    }

    public ProjectedGradientDescent withLoss(AttackLoss l) {
        return new ProjectedGradientDescent(name, norm(), epsilon(), stepSize, steps, randomStart, restarts, l,
                criterion(), earlyStop, seed());
    }

    public ProjectedGradientDescent withRandomStart(boolean r) {
        return new ProjectedGradientDescent(name, norm(), epsilon(), stepSize, steps, r, restarts, loss, criterion(),
                earlyStop, seed());
    }

    @Override
    protected INDArray perturb(AttackRun run) {
        INDArray x = run.x(), labels = run.labels();
        int n = run.examples();
        INDArray best = x.dup();
        boolean[] bestSuccess = new boolean[n];
        INDArray bestLoss = null;
        for (int r = 0; r < restarts; r++) {
            INDArray adv = climb(run);
            if (restarts == 1) {
                // nothing to choose between: the base checks success once, without extra passes here
                return adv;
            }
            boolean[] success = run.success(adv);
            INDArray lossNow = run.model().losses(adv, labels, loss);
            boolean[] take = new boolean[n];
            for (int i = 0; i < n; i++) {
                boolean better = bestLoss == null
                        || run.criterion().lossSign() * (lossNow.getDouble(i) - bestLoss.getDouble(i)) > 0;
                take[i] = r == 0 || (!bestSuccess[i] && (success[i] || better));
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
        return best;
    }

    /** One run of the loop from a (random) start. */
    private INDArray climb(AttackRun run) {
        INDArray x = run.x(), labels = run.labels();
        double eps = epsilon();
        INDArray adv = randomStart ? norm().randomStart(x, eps, run.random()) : x.dup();
        boolean[] done = new boolean[run.examples()];
        for (int s = 0; s < steps && eps > 0; s++) {
            INDArray direction = norm().direction(run.model().gradient(adv, labels, loss));
            direction.muli(run.criterion().lossSign() * stepSize);
            if (earlyStop) {
                direction.muli(Perturbations.exampleMask(Rows.not(done), adv).broadcast(adv.shape()));
            }
            adv = norm().project(adv.addi(direction), x, eps);
            if (earlyStop) {
                done = run.success(adv);
            }
        }
        return adv;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> settings() {
        return Settings.of("norm", norm().name(), "epsilon", epsilon(), "stepSize", stepSize, "steps", steps,
                "randomStart", randomStart, "restarts", restarts, "loss", loss.name(), "criterion", criterion().name(),
                "earlyStop", earlyStop, "seed", seed());
    }
}
