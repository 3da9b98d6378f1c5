package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackLoss;
import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * APGD-T (Croce and Hein 2020): Auto-PGD on the targeted DLR loss, run in turn towards the classes the model ranks
 * second, third, ... on the clean image (9 of them by default, all of CIFAR-10's other classes), each time only on the
 * examples still not misclassified. The target changes the direction of the search; success stays plain
 * misclassification of the true labels, so the criterion is {@link Criterion#MISCLASSIFICATION}.
 *
 * <p>Defaults are AutoAttack's standard version: 100 iterations, rho 0.75, one restart per target, 9 targets.
 */
public final class AutoPgdTargeted extends FixedEpsilonAttack {

    public static final int DEFAULT_TARGET_CLASSES = 9;

    private final int iterations;
    private final int restarts;
    private final int targetClasses;
    private final double rho;

    private AutoPgdTargeted(Norm norm, double epsilon, int iterations, int restarts, int targetClasses, double rho,
                            long seed) {
        super(norm, epsilon, Criterion.MISCLASSIFICATION, seed);
        this.iterations = Validate.atLeastOne("iterations", iterations);
        this.restarts = Validate.atLeastOne("restarts", restarts);
        this.targetClasses = Validate.atLeastOne("targetClasses", targetClasses);
        this.rho = Validate.inRange("rho", rho, rho > 0 && rho < 1, "(0, 1) (0.75 in the paper)");
    }

    public static AutoPgdTargeted of(Norm norm, double epsilon) {
        return new AutoPgdTargeted(norm, epsilon, AutoPgd.DEFAULT_ITERATIONS, 1, DEFAULT_TARGET_CLASSES,
                AutoPgd.DEFAULT_RHO, 0);
    }

    public AutoPgdTargeted withIterations(int n) {
        return new AutoPgdTargeted(norm(), epsilon(), n, restarts, targetClasses, rho, seed());
    }

    public AutoPgdTargeted withRestarts(int n) {
        return new AutoPgdTargeted(norm(), epsilon(), iterations, n, targetClasses, rho, seed());
    }

    /** How many of the top-ranked other classes to aim at (capped at the number of other classes). */
    public AutoPgdTargeted withTargetClasses(int n) {
        return new AutoPgdTargeted(norm(), epsilon(), iterations, restarts, n, rho, seed());
    }

    @Override
    public AutoPgdTargeted withSeed(long s) {
        return new AutoPgdTargeted(norm(), epsilon(), iterations, restarts, targetClasses, rho, s);
    }

    @Override
    protected INDArray perturb(AttackRun run) {
        int classes = (int) run.labels().size(1);
        Validate.check(classes >= 4, () -> "APGD-T's targeted DLR loss needs at least 4 classes, the labels have "
                + classes);
        INDArray adv = run.x().dup();
        boolean[] robust = Rows.not(run.success(run.x()));
        ApgdLoop loop = new ApgdLoop(norm(), epsilon(), iterations, rho);
        int targets = Math.min(targetClasses, classes - 1);
        for (int rank = 1; rank <= targets; rank++) {
            for (int r = 0; r < restarts; r++) {
                int[] rows = Rows.where(robust);
                if (rows.length == 0) {
                    return adv;
                }
                INDArray x = Rows.take(run.x(), rows), y = Rows.take(run.labels(), rows);
                INDArray target = Targets.ranked(run.model().probabilities(x), rank);
                ApgdLoop.Outcome o = loop.run(run.model(), x, y, AttackLoss.pairLabels(y, target),
                        AttackLoss.TARGETED_DLR, 1, Criterion.MISCLASSIFICATION, run.random());
                Rows.put(adv, rows, o.adversarial(), o.fooled());
                Rows.markBroken(robust, rows, o.fooled());
            }
        }
        return adv;
    }

    @Override
    public String name() {
        return "APGD-T";
    }

    @Override
    public Map<String, Object> settings() {
        return Settings.of("norm", norm().name(), "epsilon", epsilon(), "iterations", iterations, "restarts", restarts,
                "targetClasses", targetClasses, "rho", rho, "seed", seed());
    }
}
