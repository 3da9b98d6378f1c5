package io.github.dl4jrvsm.adversarial.evaluation;

import io.github.dl4jrvsm.adversarial.attack.Attack;
import io.github.dl4jrvsm.adversarial.attack.AttackResult;
import io.github.dl4jrvsm.adversarial.attack.AutoPgd;
import io.github.dl4jrvsm.adversarial.attack.AutoPgdTargeted;
import io.github.dl4jrvsm.adversarial.attack.FabTargeted;
import io.github.dl4jrvsm.adversarial.attack.Norm;
import io.github.dl4jrvsm.adversarial.attack.SquareAttack;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.core.internal.Validate;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Robust accuracy as the field reports it (Croce and Hein, ICML 2020; RobustBench accepts only this): an ensemble of
 * parameter-free attacks run one after another, each only on the examples every earlier attack left correctly
 * classified, so the result is the worst case over the ensemble per example.
 * <ul>
 * <li>{@link Version#STANDARD}, for deterministic models: APGD-CE, APGD-T (targeted DLR over 9 targets), FAB-T
 * (9 targets) and Square (5000 queries), with AutoAttack's settings (100 iterations, one restart each);</li>
 * <li>{@link Version#RAND}, for models random at inference: APGD-CE and APGD-DLR with every gradient averaged over
 * 20 samples (expectation over transformation).</li>
 * </ul>
 * The version follows {@link AttackModel#isRandomized()} unless one is given. A smaller budget
 * ({@link #withIterations}, {@link #withQueries}) is allowed for quick looks and is noted in the report, since its
 * robust accuracy is only an upper bound of AutoAttack's.
 *
 * <p>Immutable: every {@code with} method returns a changed copy.
 */
public final class AutoAttack {

    /** Which ensemble to run. */
    public enum Version {
        STANDARD, RAND
    }

    public static final int RAND_EOT_SAMPLES = 20;
    /** Examples per attack call: large enough to keep the CPU busy, small enough for ResNet activations in memory. */
    public static final int DEFAULT_BATCH_SIZE = 128;

    private final Norm norm;
    private final double epsilon;
    private final Version version;
    private final int iterations;
    private final int queries;
    private final int batchSize;
    private final long seed;

    private AutoAttack(Norm norm, double epsilon, Version version, int iterations, int queries, int batchSize,
                       long seed) {
        this.norm = Validate.notNull("norm", norm, "Norm.LINF or Norm.L2");
        this.epsilon = norm.checkEpsilon(epsilon);
        this.version = version;
        this.iterations = Validate.atLeastOne("iterations", iterations);
        this.queries = Validate.atLeastOne("queries", queries);
        this.batchSize = Validate.atLeastOne("batchSize", batchSize);
        this.seed = seed;
    }

    /** AutoAttack at {@code epsilon} in {@code norm}, the version chosen from the model (e.g. LINF, 8/255). */
    public static AutoAttack of(Norm norm, double epsilon) {
        return new AutoAttack(norm, epsilon, null, AutoPgd.DEFAULT_ITERATIONS, SquareAttack.DEFAULT_QUERIES,
                DEFAULT_BATCH_SIZE, 0);
    }

    /** Runs this version whatever the model; null chooses from {@link AttackModel#isRandomized()} again. */
    public AutoAttack withVersion(Version v) {
        return new AutoAttack(norm, epsilon, v, iterations, queries, batchSize, seed);
    }

    /** Iterations of APGD, APGD-T and FAB-T (AutoAttack: 100); fewer is noted in the report. */
    public AutoAttack withIterations(int n) {
        return new AutoAttack(norm, epsilon, version, n, queries, batchSize, seed);
    }

    /** Queries of the Square attack (AutoAttack: 5000); fewer is noted in the report. */
    public AutoAttack withQueries(int n) {
        return new AutoAttack(norm, epsilon, version, iterations, n, batchSize, seed);
    }

    public AutoAttack withBatchSize(int n) {
        return new AutoAttack(norm, epsilon, version, iterations, queries, n, seed);
    }

    /** The seed of every attack's random choices (AutoAttack's default is 0 as well). */
    public AutoAttack withSeed(long s) {
        return new AutoAttack(norm, epsilon, version, iterations, queries, batchSize, s);
    }

    /** The version that runs against {@code model}. */
    public Version versionFor(AttackModel model) {
        return version != null ? version : model.isRandomized() ? Version.RAND : Version.STANDARD;
    }

    /** The attacks of a version, in the order they run, as configured here. */
    public List<Attack> attacks(Version v) {
        if (v == Version.RAND) {
            return List.of(AutoPgd.ce(norm, epsilon).withIterations(iterations).withSeed(seed),
                    AutoPgd.dlr(norm, epsilon).withIterations(iterations).withSeed(seed));
        }
        return List.of(AutoPgd.ce(norm, epsilon).withIterations(iterations).withSeed(seed),
                AutoPgdTargeted.of(norm, epsilon).withIterations(iterations).withSeed(seed),
                FabTargeted.of(norm, epsilon).withIterations(iterations).withSeed(seed),
                SquareAttack.of(norm, epsilon).withQueries(queries).withSeed(seed));
    }

    /** The report and the adversarial images: broken examples as the attack that broke them left them. */
    public record Outcome(AutoAttackReport report, INDArray adversarial) {
    }

    /**
     * Told after every batch of every stage, for a progress bar: an ensemble on a ResNet runs for hours on a CPU,
     * and its stages take very different times (Square's 5000 queries on few points, APGD-T's 9 targets on many).
     */
    @FunctionalInterface
    public interface Progress {

        /** Tells nothing. */
        Progress NONE = (attack, stage, stages, done, attacked, robust) -> {
        };

        /**
         * @param attack   the running attack's name
         * @param stage    its position, from 0
         * @param stages   how many attacks the version runs
         * @param done     examples this stage has finished
         * @param attacked examples this stage attacks (those still robust when it began)
         * @param robust   examples still robust now, over the whole set
         */
        void update(String attack, int stage, int stages, int done, int attacked, long robust);
    }

    public AutoAttackReport evaluate(Model model, INDArray x, INDArray labels) {
        return run(AttackModel.of(model), x, labels).report();
    }

    /** Collects up to {@code maxExamples} examples of {@code data} (all when it is {@code Integer.MAX_VALUE}). */
    public AutoAttackReport evaluate(Model model, DataSetIterator data, int maxExamples) {
        Validate.atLeastOne("maxExamples", maxExamples);
        List<INDArray> xs = new ArrayList<>(), ys = new ArrayList<>();
        int seen = 0;
        data.reset();
        while (data.hasNext() && seen < maxExamples) {
            DataSet d = data.next();
            int take = Math.min(d.numExamples(), maxExamples - seen);
            xs.add(d.getFeatures().get(NDArrayIndex.interval(0, take)).dup());
            ys.add(d.getLabels().get(NDArrayIndex.interval(0, take)).dup());
            seen += take;
        }
        Validate.check(seen > 0, () -> "the data iterator returned no examples");
        return evaluate(model, Nd4j.concat(0, xs.toArray(INDArray[]::new)), Nd4j.concat(0, ys.toArray(INDArray[]::new)));
    }

    public Outcome run(AttackModel model, INDArray x, INDArray labels) {
        return run(model, x, labels, Progress.NONE);
    }

    /** {@link #run(AttackModel, INDArray, INDArray)}, telling {@code progress} after every batch. */
    public Outcome run(AttackModel model, INDArray x, INDArray labels, Progress progress) {
        Validate.notNull("progress", progress, "a Progress, or Progress.NONE");
        AttackModel.checkBatch(x, labels);
        long start = System.nanoTime();
        long forward0 = model.forwardPasses(), backward0 = model.backwardPasses();
        Version v = versionFor(model);
        AttackModel target = v == Version.RAND ? model.withEot(RAND_EOT_SAMPLES) : model;
        int n = (int) x.size(0);
        boolean[] robust = correct(model, x, labels);
        AutoAttackReport.Accuracy clean = AutoAttackReport.Accuracy.of(count(robust), n);
        INDArray adversarial = x.dup();
        List<AutoAttackReport.Stage> stages = new ArrayList<>();
        List<Attack> attacks = attacks(v);
        for (Attack attack : attacks) {
            int stage = stages.size();
            stages.add(runStage(attack, target, x, labels, robust, adversarial,
                    (done, attacked, left) -> progress.update(attack.name(), stage, attacks.size(), done, attacked,
                            left)));
        }
        AutoAttackReport report = new AutoAttackReport(v.name().toLowerCase(Locale.ROOT), version == null,
                model.isRandomized(), v == Version.RAND ? RAND_EOT_SAMPLES : model.eotSamples(),
                norm == Norm.LINF ? "Linf" : "L2", epsilon, n, clean, AutoAttackReport.Accuracy.of(count(robust), n),
                stages, model.forwardPasses() - forward0, model.backwardPasses() - backward0,
                (System.nanoTime() - start) / 1e9, notes(v, model, stages, clean));
        return new Outcome(report, adversarial);
    }

    private interface StageProgress {
        void update(int done, int attacked, long robust);
    }

    private AutoAttackReport.Stage runStage(Attack attack, AttackModel model, INDArray x, INDArray labels,
                                            boolean[] robust, INDArray adversarial, StageProgress progress) {
        long start = System.nanoTime();
        int[] rows = where(robust);
        long forward = 0, backward = 0;
        int broken = 0;
        progress.update(0, rows.length, rows.length);
        for (int from = 0; from < rows.length; from += batchSize) {
            int[] chunk = Arrays.copyOfRange(rows, from, Math.min(rows.length, from + batchSize));
            AttackResult r = attack.run(model, take(x, chunk), take(labels, chunk));
            forward += r.forwardPasses();
            backward += r.backwardPasses();
            for (int j = 0; j < chunk.length; j++) {
                if (r.success()[j]) {
                    robust[chunk[j]] = false;
                    adversarial.get(NDArrayIndex.point(chunk[j])).assign(r.adversarial().get(NDArrayIndex.point(j)));
                    broken++;
                }
            }
            progress.update(from + chunk.length, rows.length, rows.length - broken);
        }
        return new AutoAttackReport.Stage(attack.name(), attack.settings(), rows.length, broken,
                AutoAttackReport.Accuracy.of(count(robust), robust.length), forward, backward,
                (System.nanoTime() - start) / 1e9);
    }

    private List<String> notes(Version v, AttackModel model, List<AutoAttackReport.Stage> stages,
                               AutoAttackReport.Accuracy clean) {
        List<String> notes = new ArrayList<>();
        if (iterations < AutoPgd.DEFAULT_ITERATIONS || (v == Version.STANDARD && queries < SquareAttack.DEFAULT_QUERIES)) {
            // the rand version runs no Square, so its note names only the iterations
            String budget = v == Version.STANDARD
                    ? String.format(Locale.ROOT, "%d iterations, %d Square queries; AutoAttack uses 100 and 5000",
                    iterations, queries)
                    : String.format(Locale.ROOT, "%d iterations; AutoAttack uses 100", iterations);
            notes.add("reduced budget (" + budget + "): the robust accuracy is an upper bound of AutoAttack's");
        }
        if (v == Version.STANDARD && model.isRandomized()) {
            notes.add("the model is random at inference but the standard version ran: use the rand version (EOT)");
        }
        AutoAttackReport.Stage last = stages.get(stages.size() - 1);
        // the authors' check: the score-based attack should find (almost) nothing the gradient attacks missed
        if (v == Version.STANDARD && last.broken() > Math.max(1, 0.002 * clean.examples())) {
            notes.add(String.format(Locale.ROOT, "Square broke %d examples the gradient-based attacks missed: "
                    + "gradients may be masked, and robustness under gradient attacks alone would be overstated",
                    last.broken()));
        }
        return notes;
    }

    private boolean[] correct(AttackModel model, INDArray x, INDArray labels) {
        int n = (int) x.size(0);
        boolean[] out = new boolean[n];
        int[] truth = labels.argMax(1).toIntVector();
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            int[] predicted = model.predict(x.get(NDArrayIndex.interval(from, to)));
            for (int i = from; i < to; i++) {
                out[i] = predicted[i - from] == truth[i];
            }
        }
        return out;
    }

    private static INDArray take(INDArray a, int[] rows) {
        if (rows.length == 1) {
            return a.get(NDArrayIndex.interval(rows[0], rows[0] + 1)).dup();
        }
        return a.get(NDArrayIndex.indices(Arrays.stream(rows).asLongStream().toArray())).dup();
    }

    private static int[] where(boolean[] flags) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long count(boolean[] flags) {
        return where(flags).length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AutoAttack a && a.norm == norm && a.epsilon == epsilon && a.version == version
                && a.iterations == iterations && a.queries == queries && a.batchSize == batchSize && a.seed == seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(norm, epsilon, version, iterations, queries, batchSize, seed);
    }

    @Override
    public String toString() {
        return "AutoAttack(" + norm + ", epsilon " + epsilon + ", version " + (version == null ? "automatic" : version)
                + ", iterations " + iterations + ", queries " + queries + ", seed " + seed + ")";
    }
}
