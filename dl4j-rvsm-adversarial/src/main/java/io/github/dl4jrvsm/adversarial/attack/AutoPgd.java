package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackLoss;
import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * Auto-PGD (Croce and Hein, ICML 2020): PGD without a step size to tune, with momentum and a step size that halves at
 * checkpoints when progress stalls (see {@link ApgdLoop}), on the cross-entropy or the DLR loss, in L-infinity or L2.
 * Restarts run only on the examples not yet broken, as in the authors' {@code autopgd_base.py}; an example that no
 * restart breaks is returned unchanged.
 *
 * <p>Defaults are AutoAttack's: 100 iterations, rho 0.75, one restart (its standard version; the authors' class
 * default is 5), seed 0. For randomised models give the {@link io.github.dl4jrvsm.adversarial.model.AttackModel} EOT
 * samples ({@code withEot(20)} in AutoAttack's rand version): every gradient then averages them.
 */
public final class AutoPgd extends FixedEpsilonAttack {

    public static final int DEFAULT_ITERATIONS = 100;
    public static final double DEFAULT_RHO = 0.75;

    private final AttackLoss loss;
    private final int iterations;
    private final int restarts;
    private final double rho;

    private AutoPgd(Norm norm, double epsilon, AttackLoss loss, int iterations, int restarts, double rho,
                    Criterion criterion, long seed) {
        super(norm, epsilon, criterion, seed);
        Validate.check(loss == AttackLoss.CROSS_ENTROPY || loss == AttackLoss.DLR, () -> "APGD runs on CROSS_ENTROPY "
                + "or DLR, got " + loss + "; the targeted DLR belongs to AutoPgdTargeted");
        Validate.check(loss == AttackLoss.CROSS_ENTROPY || !criterion().isTargeted(), () -> "APGD-DLR is untargeted "
                + "(criterion MISCLASSIFICATION); for targets use AutoPgdTargeted or APGD-CE");
        this.loss = loss;
        this.iterations = Validate.atLeastOne("iterations", iterations);
        this.restarts = Validate.atLeastOne("restarts", restarts);
        this.rho = Validate.inRange("rho", rho, rho > 0 && rho < 1, "(0, 1), the share of rising steps below which "
                + "the step size halves (0.75 in the paper)");
    }

    /** APGD-CE: Auto-PGD on the cross-entropy, the first attack of AutoAttack. */
    public static AutoPgd ce(Norm norm, double epsilon) {
        return new AutoPgd(norm, epsilon, AttackLoss.CROSS_ENTROPY, DEFAULT_ITERATIONS, 1, DEFAULT_RHO,
                Criterion.MISCLASSIFICATION, 0);
    }

    /** APGD-DLR: Auto-PGD on the difference of logits ratio, robust to a rescaled or saturated output. */
    public static AutoPgd dlr(Norm norm, double epsilon) {
        return new AutoPgd(norm, epsilon, AttackLoss.DLR, DEFAULT_ITERATIONS, 1, DEFAULT_RHO,
                Criterion.MISCLASSIFICATION, 0);
    }

    public AutoPgd withIterations(int n) {
        return new AutoPgd(norm(), epsilon(), loss, n, restarts, rho, criterion(), seed());
    }

    public AutoPgd withRestarts(int n) {
        return new AutoPgd(norm(), epsilon(), loss, iterations, n, rho, criterion(), seed());
    }

    public AutoPgd withRho(double r) {
        return new AutoPgd(norm(), epsilon(), loss, iterations, restarts, r, criterion(), seed());
    }

    /** With {@link Criterion#TARGETED_MISCLASSIFICATION} (CE only) the labels are targets and the loss is descended. */
    public AutoPgd withCriterion(Criterion c) {
        return new AutoPgd(norm(), epsilon(), loss, iterations, restarts, rho, c, seed());
    }

    @Override
    public AutoPgd withSeed(long s) {
        return new AutoPgd(norm(), epsilon(), loss, iterations, restarts, rho, criterion(), s);
    }

    public int iterations() {
        return iterations;
    }

    @Override
    protected INDArray perturb(AttackRun run) {
        INDArray adv = run.x().dup();
        boolean[] robust = Rows.not(run.success(run.x()));
        ApgdLoop loop = new ApgdLoop(norm(), epsilon(), iterations, rho);
        for (int r = 0; r < restarts; r++) {
            int[] rows = Rows.where(robust);
            if (rows.length == 0) {
                break;
            }
            INDArray y = Rows.take(run.labels(), rows);
            ApgdLoop.Outcome o = loop.run(run.model(), Rows.take(run.x(), rows), y, y, loss,
                    run.criterion().lossSign(), run.criterion(), run.random());
            Rows.put(adv, rows, o.adversarial(), o.fooled());
            Rows.markBroken(robust, rows, o.fooled());
        }
        return adv;
    }

    @Override
    public String name() {
        return loss == AttackLoss.DLR ? "APGD-DLR" : "APGD-CE";
    }

    @Override
    public Map<String, Object> settings() {
        return Settings.of("norm", norm().name(), "epsilon", epsilon(), "loss", loss.name(), "iterations", iterations,
                "restarts", restarts, "rho", rho, "criterion", criterion().name(), "seed", seed());
    }
}
