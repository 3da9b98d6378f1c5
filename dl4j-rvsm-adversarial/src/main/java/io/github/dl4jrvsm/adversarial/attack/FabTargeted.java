package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackLoss;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.adversarial.model.HostArrays;
import io.github.dl4jrvsm.adversarial.model.LossGradient;
import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Map;

/**
 * FAB-T, the targeted Fast Adaptive Boundary attack (Croce and Hein, ICML 2020), as AutoAttack runs it from the
 * authors' {@code fab_base.py}: a minimum-norm attack that, for the target {@code t}, linearises
 * {@code z_t - z_y} at the current point, projects both the current point and the clean image onto that hyperplane
 * inside [0, 1] ({@link HyperplaneProjection}), and moves to a mix of the two projections biased towards the clean image
 * ({@code alpha <= 0.1}) with overshoot {@code eta = 1.05}; once misclassified, it keeps the closest such point and steps
 * back towards the clean image by {@code beta = 0.9}. The targets are the classes ranked 2nd to 10th on the clean image,
 * each tried on the examples still robust. An example counts as broken only if its closest adversarial point lies
 * within epsilon, as in AutoAttack.
 *
 * <p>Defaults are AutoAttack's standard version: 100 iterations, one restart, 9 targets.
 */
public final class FabTargeted extends FixedEpsilonAttack {

    public static final double ALPHA_MAX = 0.1;
    public static final double ETA = 1.05;
    public static final double BETA = 0.9;

    private final int iterations;
    private final int restarts;
    private final int targetClasses;

    private FabTargeted(Norm norm, double epsilon, int iterations, int restarts, int targetClasses, long seed) {
        super(norm, epsilon, Criterion.MISCLASSIFICATION, seed);
        this.iterations = Validate.atLeastOne("iterations", iterations);
        this.restarts = Validate.atLeastOne("restarts", restarts);
        this.targetClasses = Validate.atLeastOne("targetClasses", targetClasses);
    }

    public static FabTargeted of(Norm norm, double epsilon) {
        return new FabTargeted(norm, epsilon, AutoPgd.DEFAULT_ITERATIONS, 1,
                AutoPgdTargeted.DEFAULT_TARGET_CLASSES, 0);
    }

    public FabTargeted withIterations(int n) {
        return new FabTargeted(norm(), epsilon(), n, restarts, targetClasses, seed());
    }

    /** Restarts after the first start from a random point at half epsilon, as the authors' class does. */
    public FabTargeted withRestarts(int n) {
        return new FabTargeted(norm(), epsilon(), iterations, n, targetClasses, seed());
    }

    public FabTargeted withTargetClasses(int n) {
        return new FabTargeted(norm(), epsilon(), iterations, restarts, n, seed());
    }

    @Override
    public FabTargeted withSeed(long s) {
        return new FabTargeted(norm(), epsilon(), iterations, restarts, targetClasses, s);
    }

    @Override
    protected INDArray perturb(AttackRun run) {
        int classes = (int) run.labels().size(1);
        INDArray adv = run.x().dup();
        boolean[] robust = Rows.not(run.success(run.x()));
        for (int rank = 1; rank <= Math.min(targetClasses, classes - 1); rank++) {
            for (int r = 0; r < restarts; r++) {
                int[] rows = Rows.where(robust);
                if (rows.length == 0) {
                    return adv;
                }
                INDArray x = Rows.take(run.x(), rows), y = Rows.take(run.labels(), rows);
                INDArray target = Targets.ranked(run.model().logits(x), rank);
                INDArray found = search(run, x, y, target, r > 0);
                boolean[] fooled = run.success(found);
                double[] distance = norm().distances(found, x);
                for (int j = 0; j < rows.length; j++) {
                    fooled[j] &= distance[j] <= epsilon() * (1 + 1e-6);
                }
                Rows.markBroken(robust, rows, fooled);
                Rows.put(adv, rows, found, fooled);
            }
        }
        return adv;
    }

    /** One run towards {@code target}: the closest adversarial point found, or the clean image. */
    private INDArray search(AttackRun run, INDArray x, INDArray y, INDArray target, boolean randomStart) {
        AttackModel model = run.model();
        int n = (int) x.size(0);
        INDArray pairs = AttackLoss.pairLabels(y, target);
        double[][] clean = flat(x);
        INDArray current = randomStart ? randomStart(x, run) : x.dup();
        INDArray best = x.dup();
        double[] bestDistance = new double[n];
        Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
        for (int it = 0; it < iterations; it++) {
            LossGradient lg = model.lossAndGradient(current, pairs, AttackLoss.LOGIT_DIFFERENCE);
            double[][] point = flat(current), w = flat(lg.gradient());
            double[] f = lg.losses().toDoubleVector();
            double[][] next = new double[n][];
            for (int e = 0; e < n; e++) {
                double b = -f[e];
                for (int i = 0; i < w[e].length; i++) {
                    b += w[e][i] * point[e][i];
                }
                double[] fromCurrent = HyperplaneProjection.project(norm(), point[e], w[e], b);
                double[] fromClean = HyperplaneProjection.project(norm(), clean[e], w[e], b);
                double a1 = Math.max(length(fromCurrent), 1e-8), a2 = Math.max(length(fromClean), 1e-8);
                double alpha = Math.min(Math.max(a1 / (a1 + a2), 0), ALPHA_MAX);
                next[e] = new double[w[e].length];
                for (int i = 0; i < next[e].length; i++) {
                    double v = (point[e][i] + ETA * fromCurrent[i]) * (1 - alpha) + (clean[e][i] + ETA * fromClean[i]) * alpha;
                    next[e][i] = Math.min(1, Math.max(0, v));
                }
            }
            current = Nd4j.create(next).castTo(x.dataType()).reshape(x.shape());
            boolean[] adversarial = Criterion.MISCLASSIFICATION.isMet(model.probabilities(current), y);
            double[] distance = norm().distances(current, x);
            boolean[] closer = new boolean[n];
            double[] back = new double[n];
            for (int e = 0; e < n; e++) {
                closer[e] = adversarial[e] && distance[e] < bestDistance[e];
                bestDistance[e] = closer[e] ? distance[e] : bestDistance[e];
                back[e] = adversarial[e] ? BETA : 1;
            }
            Rows.copyWhere(best, current, closer);
            // from an adversarial point, step back towards the clean image to look for a closer one
            current = x.add(Margins.scaleRows(current.sub(x), back));
        }
        return best;
    }

    private INDArray randomStart(INDArray x, AttackRun run) {
        INDArray t = norm() == Norm.LINF ? Perturbations.uniform(x, 1, run.random())
                : Perturbations.gaussian(x.shape(), x.dataType(), run.random());
        double[] length = norm().distances(t, t.mul(0));
        double[] scale = new double[length.length];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = 0.5 * epsilon() / (length[i] + 1e-12);
        }
        return Perturbations.clip01(x.add(Margins.scaleRows(t, scale)));
    }

    private double length(double[] d) {
        double out = 0;
        for (double v : d) {
            out = norm() == Norm.LINF ? Math.max(out, Math.abs(v)) : out + v * v;
        }
        return norm() == Norm.LINF ? out : Math.sqrt(out);
    }

    private static double[][] flat(INDArray a) {
        return HostArrays.rows(a.reshape(a.size(0), a.length() / a.size(0)));
    }

    @Override
    public String name() {
        return "FAB-T";
    }

    @Override
    public Map<String, Object> settings() {
        return Settings.of("norm", norm().name(), "epsilon", epsilon(), "iterations", iterations, "restarts", restarts,
                "targetClasses", targetClasses, "alphaMax", ALPHA_MAX, "eta", ETA, "beta", BETA, "seed", seed());
    }
}
