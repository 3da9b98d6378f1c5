package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackModel;
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
 * to the query budget. Needs images {@code [n, channels, height, width]}.
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
        Validate.check(x.rank() == 4, () -> "the Square attack needs images [n, channels, height, width], got shape "
                + Arrays.toString(x.shape()));
        INDArray adv = x.dup();
        boolean[] robust = Rows.not(run.success(x));
        SquareProposals proposals = new SquareProposals(norm(), epsilon(), pInit, queries, rescaleSchedule,
                run.random());
        for (int r = 0; r < restarts; r++) {
            int[] rows = Rows.where(robust);
            if (rows.length == 0) {
                break;
            }
            INDArray xs = Rows.take(x, rows);
            boolean[] fooled = search(run, proposals, xs, Rows.take(run.labels(), rows));
            Rows.put(adv, rows, xs, fooled);
            Rows.markBroken(robust, rows, fooled);
        }
        return adv;
    }

    /** One run of the search on {@code x}; leaves the best points in {@code x} and returns which are adversarial. */
    private boolean[] search(AttackRun run, SquareProposals proposals, INDArray x, INDArray labels) {
        int n = (int) x.size(0);
        INDArray clean = x.dup();
        INDArray best = proposals.start(clean);
        double[][] scored = score(run.model(), best, labels, run.criterion());
        double[] margin = scored[0], loss = scored[1];
        int[] active = Rows.where(positive(margin));
        if (active.length == 0) {
            x.assign(best);
            return Rows.not(positive(margin));
        }
        INDArray xa = Rows.take(clean, active), ba = Rows.take(best, active), ya = Rows.take(labels, active);
        double[] marginA = pick(margin, active), lossA = pick(loss, active);
        for (int i = 0; i < queries && active.length > 0; i++) {
            INDArray candidate = proposals.next(i, xa, ba);
            double[][] s = score(run.model(), candidate, ya, run.criterion());
            boolean[] improved = new boolean[active.length];
            for (int j = 0; j < active.length; j++) {
                boolean lower = s[1][j] < lossA[j];
                lossA[j] = lower ? s[1][j] : lossA[j];
                improved[j] = lower || s[0][j] <= 0;
                marginA[j] = improved[j] ? s[0][j] : marginA[j];
            }
            Rows.copyWhere(ba, candidate, improved);
            boolean[] keep = positive(marginA);
            if (Rows.where(keep).length < active.length) {
                // a broken example leaves the search: write it back and shrink the batch the model sees
                Rows.put(best, active, ba, Rows.not(keep));
                for (int j = 0; j < active.length; j++) {
                    margin[active[j]] = marginA[j];
                }
                int[] stay = Rows.where(keep);
                active = pick(active, stay);
                if (stay.length > 0) {
                    xa = Rows.take(xa, stay);
                    ba = Rows.take(ba, stay);
                    ya = Rows.take(ya, stay);
                }
                marginA = pick(marginA, stay);
                lossA = pick(lossA, stay);
            }
        }
        Rows.put(best, active, ba, all(active.length));
        x.assign(best);
        boolean[] fooled = new boolean[n];
        for (int i = 0; i < n; i++) {
            fooled[i] = margin[i] <= 0;
        }
        return fooled;
    }

    /** Margin (at most 0 when the criterion holds) and loss to lower, per example, from the logits. */
    private static double[][] score(AttackModel model, INDArray x, INDArray labels, Criterion criterion) {
        double[][] z = model.logits(x).toDoubleMatrix(), l = labels.toDoubleMatrix();
        double[][] out = new double[2][z.length];
        for (int i = 0; i < z.length; i++) {
            int y = 0;
            double other = Double.NEGATIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int c = 1; c < l[i].length; c++) {
                y = l[i][c] > l[i][y] ? c : y;
            }
            for (int c = 0; c < z[i].length; c++) {
                other = c != y ? Math.max(other, z[i][c]) : other;
                max = Math.max(max, z[i][c]);
            }
            if (criterion.isTargeted()) {
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

    private static boolean[] positive(double[] v) {
        boolean[] out = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] > 0;
        }
        return out;
    }

    private static boolean[] all(int n) {
        boolean[] out = new boolean[n];
        Arrays.fill(out, true);
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
