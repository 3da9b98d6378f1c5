package io.github.dl4jrvsm.adversarial.evaluation;

import io.github.dl4jrvsm.adversarial.attack.Attack;
import io.github.dl4jrvsm.adversarial.attack.LegacyCarliniWagner;
import io.github.dl4jrvsm.adversarial.attack.NAttack;
import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.core.report.SparsityReport;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures A1 (clean accuracy) to A5 and robust accuracy against a list of epsilons in one call.
 *
 * <p>Defaults (the dissertation's, epsilon 8/255): A2 FGSM; A3 IFGSM-20 with step 2/255; A4 the legacy "C&amp;W" of
 * the EnResNet scripts (what the dissertation's A4 column measured); A5 NAttack; the epsilon curve uses PGD-20 with
 * step epsilon/4. Attacks differentiate the model in inference mode. Two checks guard against gradient masking:
 * accuracy must not rise with epsilon, and PGD with epsilon 1 (the whole image space) must bring accuracy to (near)
 * zero; a failed check becomes a warning in the report.
 */
public final class RobustnessEvaluation {

    private final Map<String, Attack> attacks = new LinkedHashMap<>();
    private double[] epsilons = {0, 2 / 255.0, 4 / 255.0, 8 / 255.0, 16 / 255.0};
    private int curveSteps = 20;
    private int maxExamples = Integer.MAX_VALUE;
    private int eotSamples = 1;
    private long[] inputShape;

    public RobustnessEvaluation() {
        double eps = 8 / 255.0;
        attacks.put("A2", ProjectedGradientDescent.fgsm(eps));
        attacks.put("A3", ProjectedGradientDescent.iterativeFgsm(eps, 2 / 255.0, 20));
        attacks.put("A4", new LegacyCarliniWagner());
        attacks.put("A5", new NAttack(eps));
    }

    /** Replaces the attack measured as {@code key} (A2..A5), or removes it with null. */
    public RobustnessEvaluation attack(String key, Attack attack) {
        if (!key.matches("A[2-5]")) {
            throw new IllegalArgumentException("attack keys are A2, A3, A4, A5; got '" + key + "'");
        }
        if (attack == null) {
            attacks.remove(key);
        } else {
            attacks.put(key, attack);
        }
        return this;
    }

    /**
     * The epsilons of the robust-accuracy curve; the unbounded check (epsilon 1) is appended. None: no curve and no
     * unbounded check, for runs that only want the A-columns (the curve costs a PGD-20 run per epsilon).
     */
    public RobustnessEvaluation epsilons(double... eps) {
        for (double e : eps) {
            if (!(e >= 0 && e <= 1)) {
                throw new IllegalArgumentException("epsilons must be in [0, 1], got " + e);
            }
        }
        this.epsilons = eps.clone();
        return this;
    }

    public RobustnessEvaluation curveSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("curveSteps must be >= 1, got " + steps);
        }
        this.curveSteps = steps;
        return this;
    }

    public RobustnessEvaluation maxExamples(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxExamples must be >= 1, got " + n);
        }
        this.maxExamples = n;
        return this;
    }

    /** Gradient samples per attack step; set it above 1 for randomised models such as EnResNet. */
    public RobustnessEvaluation eotSamples(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("eotSamples must be >= 1, got " + n);
        }
        this.eotSamples = n;
        return this;
    }

    /** Per-example input shape (e.g. 1, 28, 28) to include the model's sparsity report; omit to leave it out. */
    public RobustnessEvaluation sparsityFor(long... shape) {
        this.inputShape = shape.clone();
        return this;
    }

    public RobustnessReport evaluate(Model model, DataSetIterator test) {
        long start = System.nanoTime();
        AttackModel m = AttackModel.of(model).withEot(eotSamples);
        Map<String, long[]> correct = new LinkedHashMap<>();   // key -> {correct, total}
        double[] all = epsilons.length == 0 ? epsilons : appendUnbounded(epsilons);
        long[][] curve = new long[all.length][2];
        int seen = 0;
        test.reset();
        while (test.hasNext() && seen < maxExamples) {
            DataSet batch = test.next();
            int take = (int) Math.min(batch.numExamples(), maxExamples - seen);
            INDArray x = batch.getFeatures().get(NDArrayIndex.interval(0, take)).dup();
            INDArray y = batch.getLabels().get(NDArrayIndex.interval(0, take)).dup();
            add(correct, "A1", countCorrect(m, x, y), take);
            for (Map.Entry<String, Attack> e : attacks.entrySet()) {
                add(correct, e.getKey(), countCorrect(m, e.getValue().run(m, x, y).adversarial(), y), take);
            }
            for (int i = 0; i < all.length; i++) {
                INDArray adv = all[i] == 0 ? x : curveAttack(all[i]).run(m, x, y).adversarial();
                curve[i][0] += countCorrect(m, adv, y);
                curve[i][1] += take;
            }
            seen += take;
        }
        if (seen == 0) {
            throw new IllegalArgumentException("The test iterator returned no examples");
        }
        List<RobustnessReport.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, long[]> e : correct.entrySet()) {
            Attack a = attacks.get(e.getKey());
            entries.add(new RobustnessReport.Entry(e.getKey(), a == null ? "clean" : a.name(),
                    (double) e.getValue()[0] / e.getValue()[1], a == null ? Map.of() : a.settings()));
        }
        List<RobustnessReport.EpsilonPoint> points = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            points.add(new RobustnessReport.EpsilonPoint(all[i], (double) curve[i][0] / curve[i][1]));
        }
        SparsityReport sparsity = inputShape == null ? null : SparsityReport.of(model, inputShape);
        List<String> warnings = GradientMaskingChecks.check(entries, points, m.isRandomized(), seen);
        return new RobustnessReport(seen, m.isRandomized(), eotSamples, entries, points, sparsity, warnings,
                (System.nanoTime() - start) / 1e9);
    }

    private Attack curveAttack(double eps) {
        return ProjectedGradientDescent.pgd(eps, eps / 4, curveSteps);
    }

    private static double[] appendUnbounded(double[] eps) {
        double[] out = Arrays.copyOf(eps, eps.length + 1);
        out[eps.length] = GradientMaskingChecks.UNBOUNDED_EPSILON;
        return out;
    }

    private static void add(Map<String, long[]> m, String key, long correct, long total) {
        long[] c = m.computeIfAbsent(key, k -> new long[2]);
        c[0] += correct;
        c[1] += total;
    }

    private static long countCorrect(AttackModel m, INDArray x, INDArray y) {
        int[] p = m.predict(x);
        int[] t = y.argMax(1).toIntVector();
        long c = 0;
        for (int i = 0; i < p.length; i++) {
            c += p[i] == t[i] ? 1 : 0;
        }
        return c;
    }
}
