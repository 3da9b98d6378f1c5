package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.adversarial.model.HostArrays;
import io.github.dl4jrvsm.core.internal.ImageLayout;
import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Map;

/**
 * The Square attack (Andriushchenko, Croce, Flammarion and Hein, ECCV 2020): a score-based random search that never
 * reads a gradient, so gradient masking cannot stop it. Each query tries one square-window change (see
 * {@link SquareProposals}) on every example still not broken and keeps it where the loss fell or the example became
 * misclassified. The loss is the logit margin {@code z_y - max_{i != y} z_i} (untargeted) or the cross-entropy of
 * the target (targeted), read from {@link AttackModel#logits}; the search stops for an example once its margin is at
 * most 0.
 *
 * <p>Defaults are AutoAttack's: 5000 queries, {@code p_init} 0.8, one restart, the schedule of {@code p} not rescaled
 * to the query budget. Needs images {@code [n, channels, height, width]}, or {@code [n, height, width, channels]} for a
 * network whose convolutions are NHWC (as Keras {@code channels_last} models import).
 */
public final class SquareAttack extends FixedEpsilonAttack {

    public static final int DEFAULT_QUERIES = 5000;
    public static final double DEFAULT_P_INIT = 0.8;

    private final int queries;
    private final double pInit;
    private final int restarts;
    private final boolean rescaleSchedule;

    private SquareAttack(Norm norm, double epsilon, int queries, double pInit, int restarts, boolean rescaleSchedule,
                         Criterion criterion, long seed) {
        super(norm, epsilon, criterion, seed);
        this.queries = Validate.atLeastOne("queries", queries);
        this.pInit = Validate.inRange("pInit", pInit, pInit > 0 && pInit <= 1, "(0, 1], the share of pixels the first "
                + "windows cover (0.8 in AutoAttack)");
        this.restarts = Validate.atLeastOne("restarts", restarts);
        this.rescaleSchedule = rescaleSchedule;
    }

    public static SquareAttack of(Norm norm, double epsilon) {
        return new SquareAttack(norm, epsilon, DEFAULT_QUERIES, DEFAULT_P_INIT, 1, false, Criterion.MISCLASSIFICATION, 0);
    }

    public SquareAttack withQueries(int n) {
        return new SquareAttack(norm(), epsilon(), n, pInit, restarts, rescaleSchedule, criterion(), seed());
    }

    public SquareAttack withPInit(double p) {
        return new SquareAttack(norm(), epsilon(), queries, p, restarts, rescaleSchedule, criterion(), seed());
    }

    public SquareAttack withRestarts(int n) {
        return new SquareAttack(norm(), epsilon(), queries, pInit, n, rescaleSchedule, criterion(), seed());
    }

    /** Stretches the schedule of {@code p} over the query budget as if it were 10 000 (the authors' class default). */
    public SquareAttack withRescaledSchedule(boolean r) {
        return new SquareAttack(norm(), epsilon(), queries, pInit, restarts, r, criterion(), seed());
    }

    public SquareAttack withCriterion(Criterion c) {
        return new SquareAttack(norm(), epsilon(), queries, pInit, restarts, rescaleSchedule, c, seed());
    }

    @Override
    public SquareAttack withSeed(long s) {
        return new SquareAttack(norm(), epsilon(), queries, pInit, restarts, rescaleSchedule, criterion(), s);
    }

    @Override
    public boolean usesGradients() {
        return false;
    }

    @Override
    protected INDArray perturb(AttackRun run) {
        INDArray x = run.x();
        Validate.check(x.rank() == 4, () -> "the Square attack needs images [n, channels, height, width] (NCHW) or "
                + "[n, height, width, channels] (NHWC), got shape " + Arrays.toString(x.shape()));
        int n = run.examples(), d = (int) (x.length() / n);
        double[] clean = HostArrays.of(x), adv = clean.clone();
        int[] labels = HostArrays.argMax(run.labels());
        boolean[] robust = Rows.not(run.success(x));
        SquareProposals proposals = new SquareProposals(norm(), epsilon(), pInit, queries, rescaleSchedule,
                run.random(), x.shape(), ImageLayout.channelsLast(run.model().model()));
        for (int r = 0; r < restarts; r++) {
            int[] rows = Rows.where(robust);
            if (rows.length == 0) {
                break;
            }
            Found found = search(run, proposals, gather(clean, rows, d), pick(labels, rows), x.shape());
            for (int j = 0; j < rows.length; j++) {
                if (found.fooled()[j]) {
                    System.arraycopy(found.best(), j * d, adv, rows[j] * d, d);
                }
            }
            Rows.markBroken(robust, rows, found.fooled());
        }
        return HostArrays.create(adv, x.shape(), x.dataType());
    }

    /** The best point of each example of a search (flat rows) and whether it meets the criterion. */
    private record Found(double[] best, boolean[] fooled) {
    }

    /** One run of the search on the clean images {@code x} (flat rows) with true or target classes {@code labels}. */
    private Found search(AttackRun run, SquareProposals proposals, double[] x, int[] labels, long[] shape) {
        int n = labels.length, d = x.length / n;
        double[] best = proposals.start(x, n);
        double[][] scored = score(run, best, labels, shape);
        double[] margin = scored[0], loss = scored[1];
        int[] active = Rows.where(positive(margin));
        double[] xa = gather(x, active, d), ba = gather(best, active, d);
        int[] ya = pick(labels, active);
        double[] marginA = pick(margin, active), lossA = pick(loss, active);
        for (int i = 0; i < queries && active.length > 0; i++) {
            double[] candidate = proposals.next(i, xa, ba, active.length);
            double[][] s = score(run, candidate, ya, shape);
            for (int j = 0; j < active.length; j++) {
                boolean lower = s[1][j] < lossA[j];
                lossA[j] = lower ? s[1][j] : lossA[j];
                if (lower || s[0][j] <= 0) {
                    marginA[j] = s[0][j];
                    System.arraycopy(candidate, j * d, ba, j * d, d);
                }
            }
            boolean[] keep = positive(marginA);
            int[] stay = Rows.where(keep);
            if (stay.length < active.length) {
                // a broken example leaves the search: write it back and shrink the batch the model sees
                for (int j = 0; j < active.length; j++) {
                    margin[active[j]] = marginA[j];
                    System.arraycopy(ba, j * d, best, active[j] * d, d);
                }
                active = pick(active, stay);
                xa = gather(xa, stay, d);
                ba = gather(ba, stay, d);
                ya = pick(ya, stay);
                marginA = pick(marginA, stay);
                lossA = pick(lossA, stay);
            }
        }
        for (int j = 0; j < active.length; j++) {
            margin[active[j]] = marginA[j];
            System.arraycopy(ba, j * d, best, active[j] * d, d);
        }
        return new Found(best, Rows.not(positive(margin)));
    }

    /** Margin (at most 0 when the criterion holds) and loss to lower, per example, from the logits. */
    private double[][] score(AttackRun run, double[] points, int[] labels, long[] shape) {
        long[] batch = shape.clone();
        batch[0] = labels.length;
        double[][] z = HostArrays.rows(run.model().logits(HostArrays.create(points, batch, run.x().dataType())));
        double[][] out = new double[2][z.length];
        for (int i = 0; i < z.length; i++) {
            int y = labels[i];
            double other = Double.NEGATIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < z[i].length; c++) {
                other = c != y ? Math.max(other, z[i][c]) : other;
                max = Math.max(max, z[i][c]);
            }
            if (run.criterion().isTargeted()) {
                double sum = 0;
                for (double v : z[i]) {
                    sum += Math.exp(v - max);
                }
                out[0][i] = other - z[i][y];
                out[1][i] = max + Math.log(sum) - z[i][y];
            } else {
                out[0][i] = z[i][y] - other;
                out[1][i] = out[0][i];
            }
        }
        return out;
    }

    /** The rows {@code rows} of a flat array of rows of length {@code d}. */
    private static double[] gather(double[] a, int[] rows, int d) {
        double[] out = new double[rows.length * d];
        for (int j = 0; j < rows.length; j++) {
            System.arraycopy(a, rows[j] * d, out, j * d, d);
        }
        return out;
    }

    private static boolean[] positive(double[] v) {
        boolean[] out = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] > 0;
        }
        return out;
    }

    private static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    private static int[] pick(int[] v, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    @Override
    public String name() {
        return "Square";
    }

    @Override
    public Map<String, Object> settings() {
        return Settings.of("norm", norm().name(), "epsilon", epsilon(), "queries", queries, "pInit", pInit,
                "restarts", restarts, "rescaleSchedule", rescaleSchedule, "criterion", criterion().name(),
                "seed", seed());
    }
}
