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
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Measures A1 (clean accuracy) to A5 and robust accuracy against a list of epsilons in one call.
 *
 * <p>Defaults (the dissertation's, epsilon 8/255): A2 FGSM; A3 IFGSM-20 with step 2/255; A4 the legacy "C&amp;W" of
 * the EnResNet scripts (what the dissertation's A4 column measured); A5 NAttack; the epsilon curve uses PGD-20 with
 * step epsilon/4. Attacks differentiate the model in inference mode. Two checks guard against gradient masking:
 * accuracy must not rise with epsilon, and PGD with epsilon 1 (the whole image space) must bring accuracy to (near)
 * zero; a failed check becomes a warning in the report.
 *
 * <p>Each entry of the report also keeps its per-class counts, from which
 * {@link RobustnessReport.Entry#evaluation()} gives DL4J's {@code Evaluation}
 * (confusion matrix, per-class accuracy, {@code stats()}) of the clean or adversarial predictions.
 *
 * <p>Immutable: every {@code with} method returns a changed copy; attacks are immutable values too.
 */
public final class RobustnessEvaluation {

    private static final double DEFAULT_EPSILON = 8 / 255.0;

    private final Map<String, Attack> attacks;
    private final double[] epsilons;
    private final int curveSteps;
    private final int maxExamples;
    private final int eotSamples;
    private final long[] inputShape;
    private final DataNormalization normalizer;

    /** The dissertation's evaluation: see the class description for the attacks and the epsilon curve. */
    public RobustnessEvaluation() {
        this(defaultAttacks(), new double[]{0, 2 / 255.0, 4 / 255.0, DEFAULT_EPSILON, 16 / 255.0}, 20,
                Integer.MAX_VALUE, 1, null, null);
    }

    private RobustnessEvaluation(Map<String, Attack> attacks, double[] epsilons, int curveSteps, int maxExamples,
                                 int eotSamples, long[] inputShape, DataNormalization normalizer) {
        this.attacks = Collections.unmodifiableMap(new LinkedHashMap<>(attacks));
        this.epsilons = epsilons;
        this.curveSteps = curveSteps;
        this.maxExamples = maxExamples;
        this.eotSamples = eotSamples;
        this.inputShape = inputShape;
        this.normalizer = normalizer;
    }

    private static Map<String, Attack> defaultAttacks() {
        Map<String, Attack> a = new LinkedHashMap<>();
        a.put("A2", ProjectedGradientDescent.fgsm(DEFAULT_EPSILON));
        a.put("A3", ProjectedGradientDescent.iterativeFgsm(DEFAULT_EPSILON, 2 / 255.0, 20));
        a.put("A4", new LegacyCarliniWagner());
        a.put("A5", new NAttack(DEFAULT_EPSILON));
        return a;
    }

    /** A copy that measures {@code attack} as {@code key} (A2..A5), or leaves that column out when it is null. */
    public RobustnessEvaluation withAttack(String key, Attack attack) {
        if (!key.matches("A[2-5]")) {
            throw new IllegalArgumentException("attack keys are A2, A3, A4, A5; got '" + key + "'");
        }
        Map<String, Attack> changed = new LinkedHashMap<>(attacks);
        if (attack == null) {
            changed.remove(key);
        } else {
            changed.put(key, attack);
        }
        return new RobustnessEvaluation(changed, epsilons, curveSteps, maxExamples, eotSamples, inputShape,
                normalizer);
    }

    /**
     * A copy with these epsilons for the robust-accuracy curve; the unbounded check (epsilon 1) is appended. None: no
     * curve and no unbounded check, for runs that only want the A-columns (the curve costs a PGD-20 run per epsilon).
     */
    public RobustnessEvaluation withEpsilons(double... eps) {
        for (double e : eps) {
            if (!(e >= 0 && e <= 1)) {
                throw new IllegalArgumentException("epsilons must be in [0, 1], got " + e);
            }
        }
        return new RobustnessEvaluation(attacks, eps.clone(), curveSteps, maxExamples, eotSamples, inputShape,
                normalizer);
    }

    /** A copy whose epsilon curve runs PGD with this many steps (default 20, the dissertation's PGD-20). */
    public RobustnessEvaluation withCurveSteps(int steps) {
        return new RobustnessEvaluation(attacks, epsilons, atLeastOne("curveSteps", steps), maxExamples, eotSamples,
                inputShape, normalizer);
    }

    /**
     * A copy that attacks only the first {@code n} test examples (default: all). A1 is still measured on every
     * example the iterator gives: clean accuracy is cheap, and on a subset it would carry the subset's sampling error.
     */
    public RobustnessEvaluation withMaxExamples(int n) {
        return new RobustnessEvaluation(attacks, epsilons, curveSteps, atLeastOne("maxExamples", n), eotSamples,
                inputShape, normalizer);
    }

    /**
     * A copy with {@code n} gradient samples per attack step; above 1 for randomised models such as EnResNet (default
     * 1, exact for deterministic models).
     */
    public RobustnessEvaluation withEotSamples(int n) {
        return new RobustnessEvaluation(attacks, epsilons, curveSteps, maxExamples, atLeastOne("eotSamples", n),
                inputShape, normalizer);
    }

    /** A copy that adds the model's sparsity report for this per-example input shape (e.g. 1, 28, 28). */
    public RobustnessEvaluation withSparsityFor(long... shape) {
        return new RobustnessEvaluation(attacks, epsilons, curveSteps, maxExamples, eotSamples, shape.clone(),
                normalizer);
    }

    /**
     * A copy for a model trained on normalized data: the test iterator gives pixels in [0, 1] (no pre-processor), the
     * attacks perturb pixels, and {@code normalizer} (fitted, element-wise affine) is applied before the model, as
     * {@link AttackModel#withNormalizer} describes. {@code null}: the model takes pixels.
     */
    public RobustnessEvaluation withNormalizer(DataNormalization normalizer) {
        return new RobustnessEvaluation(attacks, epsilons, curveSteps, maxExamples, eotSamples, inputShape,
                normalizer);
    }

    private static int atLeastOne(String name, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + n);
        }
        return n;
    }

    public RobustnessReport evaluate(Model model, DataSetIterator test) {
        long start = System.nanoTime();
        AttackModel m = AttackModel.of(model).withEot(eotSamples).withNormalizer(normalizer);
        Map<String, ConfusionCounts> counts = new LinkedHashMap<>();
        double[] all = epsilons.length == 0 ? epsilons : appendUnbounded(epsilons);
        long[][] curve = new long[all.length][2];
        int seen = 0;
        test.reset();
        while (test.hasNext()) {
            DataSet batch = test.next();
            add(counts, "A1", confusion(m, batch.getFeatures(), batch.getLabels()));
            int take = (int) Math.min(batch.numExamples(), maxExamples - seen);
            if (take <= 0) {
                continue;
            }
            INDArray x = batch.getFeatures().get(NDArrayIndex.interval(0, take)).dup();
            INDArray y = batch.getLabels().get(NDArrayIndex.interval(0, take)).dup();
            for (Map.Entry<String, Attack> e : attacks.entrySet()) {
                add(counts, e.getKey(), confusion(m, e.getValue().run(m, x, y).adversarial(), y));
            }
            for (int i = 0; i < all.length; i++) {
                INDArray adv = all[i] == 0 ? x : curveAttack(all[i]).run(m, x, y).adversarial();
                curve[i][0] += confusion(m, adv, y).correct();
                curve[i][1] += take;
            }
            seen += take;
        }
        if (seen == 0) {
            throw new IllegalArgumentException("The test iterator returned no examples");
        }
        List<RobustnessReport.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, ConfusionCounts> e : counts.entrySet()) {
            Attack a = attacks.get(e.getKey());
            entries.add(RobustnessReport.Entry.of(e.getKey(), a == null ? "clean" : a.name(), e.getValue(),
                    a == null ? Map.of() : a.settings()));
        }
        List<RobustnessReport.EpsilonPoint> points = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            points.add(RobustnessReport.EpsilonPoint.of(all[i], curve[i][0], curve[i][1]));
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

    private static void add(Map<String, ConfusionCounts> m, String key, ConfusionCounts batch) {
        m.merge(key, batch, ConfusionCounts::plus);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RobustnessEvaluation r && r.attacks.equals(attacks) && Arrays.equals(r.epsilons, epsilons)
                && r.curveSteps == curveSteps && r.maxExamples == maxExamples && r.eotSamples == eotSamples
                && Arrays.equals(r.inputShape, inputShape) && Objects.equals(r.normalizer, normalizer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(attacks, Arrays.hashCode(epsilons), curveSteps, maxExamples, eotSamples,
                Arrays.hashCode(inputShape), normalizer);
    }

    /**
     * The one prediction of each example, counted by class: accuracy and the entry's {@code Evaluation} come from the
     * same predictions, which matters for a randomised model, whose second prediction could differ.
     */
    private static ConfusionCounts confusion(AttackModel m, INDArray x, INDArray y) {
        return ConfusionCounts.of(y.argMax(1).toIntVector(), m.predict(x), (int) y.size(1));
    }
}
