package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.adversarial.attack.NAttack;
import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.evaluation.RobustnessEvaluation;
import io.github.dl4jrvsm.adversarial.evaluation.RobustnessReport;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.adversarial.training.AdversarialBatches;
import io.github.dl4jrvsm.adversarial.training.AdversarialDataSetIterator;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.persist.SparseModelSerializer;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.core.training.SparseExport;
import io.github.dl4jrvsm.core.training.SparseTraining;
import io.github.dl4jrvsm.nativecpu.CpuBackend;
import io.github.dl4jrvsm.surgery.ChannelSurgery;
import io.github.dl4jrvsm.surgery.NothingToRemoveException;
import io.github.dl4jrvsm.surgery.SurgeryResult;
import io.github.dl4jrvsm.zoo.ZooModel;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code rvsm train}: trains a zoo model with a sparse method and (by default) PGD adversarial training, with a
 * checkpoint after every epoch, then evaluates A1..A5 and writes the run directory. Without options it is the
 * quick-start job: LeNet-5, Fashion-MNIST, RVSM-l0, PGD-10 at 8/255.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a sparse, adversarially robust model and write a run directory.")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "lenet5", description = "one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})",
            completionCandidates = ModelNames.class)
    String model;

    @Option(names = "--train-examples", defaultValue = "4000", description = "training examples used, 0 = all (default: ${DEFAULT-VALUE})")
    int trainExamples;

    @Option(names = "--validation", defaultValue = "500", description = "examples held out for model selection (default: ${DEFAULT-VALUE})")
    int validation;

    @Option(names = "--test-examples", defaultValue = "500", description = "test examples for the final evaluation (default: ${DEFAULT-VALUE})")
    int testExamples;

    @Mixin
    MethodOptions method = new MethodOptions();

    @Option(names = "--adversarial", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "PGD adversarial training (default: ${DEFAULT-VALUE})")
    boolean adversarial;

    @Option(names = "--attack-steps", defaultValue = "10", description = "PGD steps in training (default: ${DEFAULT-VALUE})")
    int attackSteps;

    @Option(names = "--epochs", defaultValue = "8", description = "(default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", description = "(default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", description = "initial learning rate (default: 0.02 for lenet5, 0.1 otherwise)")
    Double lr;

    @Option(names = "--lr-drops", split = ",", description = "epochs at which the learning rate is divided by 10, e.g. 80,120,160")
    int[] lrDrops = new int[0];

    @Option(names = "--seed", defaultValue = "42", description = "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", defaultValue = "runs/quickstart", description = "run directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--resume", description = "continue the run in --out from its last checkpoint")
    boolean resume;

    @Option(names = "--eval-examples", defaultValue = "200", description = "test examples attacked for A2..A5 (default: ${DEFAULT-VALUE})")
    int evalExamples;

    @Option(names = "--robustness", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "measure A2..A5 and the epsilon curve after training; --no-robustness: clean accuracy on the "
                    + "whole test set only (default: ${DEFAULT-VALUE})")
    boolean robustness;

    @Option(names = "--eval-attacks", split = ",", defaultValue = "A2,A3,A4,A5",
            description = "the attacks measured after training: A2 FGSM, A3 IFGSM-20, A4 C&W, A5 NAttack (default: ${DEFAULT-VALUE})")
    List<String> evalAttacks;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "progress bar (default: ${DEFAULT-VALUE})")
    boolean progress;

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Mixin
    AttackOptions attack = new AttackOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final class ModelNames extends ArrayList<String> {
        ModelNames() {
            super(ModelFactory.NAMES);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter log = spec.commandLine().getOut();
        validate();
        long start = System.nanoTime();
        TrainingData data = TrainingData.load(dataOptions.dataset, dataOptions.dataDir, dataOptions.download, trainExamples, validation, testExamples, seed);
        Map<String, Object> settings = settings();
        log.printf(Locale.ROOT, "rvsm train: %s on %s (%d training images from %s), %s%n", model, dataOptions.dataset,
                data.train().numExamples(), data.source(), CpuBackend.describe());

        int batchesPerEpoch = (data.train().numExamples() + batch - 1) / batch;
        SparseTraining sparse = method.training(Math.max(1, batchesPerEpoch * epochs * 3 / 4));
        PruneRetrain pruning = method.pruneRetrain(epochs, seed);
        if (sparse != null) {
            sparse = sparse.withBatchNormData(new ListDataSetIterator<>(TrainingData.head(data.train(), 1024).asList(), batch), 16);
        }
        Files.createDirectories(out);
        Path checkpoint = out.resolve("checkpoint.zip"), best = out.resolve("best.zip"), statePath = out.resolve("state.json");
        Model net;
        RunState state;
        if (resume) {
            if (pruning != null) {
                throw new IllegalArgumentException("--resume is not available for --method " + method.method
                        + " (the pruned channels are chosen at the prune epoch); start the run again");
            }
            state = RunState.read(statePath);
            requireSameSettings(state.settings(), settings);
            net = restore(checkpoint.toFile());
            if (sparse != null) {
                method.restrictLayers(sparse, net).resume(net);
            }
            log.printf("resuming after epoch %d of %d%n", state.epochsDone(), epochs);
        } else {
            ZooModel<?> zoo = ModelFactory.configured(model, data.shape(), data.classes(),
                    lr != null ? lr : ModelFactory.defaultLearningRate(model), lrDrops, seed);
            net = zoo.init();
            if (sparse != null) {
                method.restrictLayers(sparse, net).attach(net);
            }
            if (pruning != null) {
                pruning.prepare(net);
            }
            state = new RunState(settings, 0, List.of(), -1, Double.NEGATIVE_INFINITY);
        }

        for (int epoch = state.epochsDone(); epoch < epochs; epoch++) {
            long epochStart = System.nanoTime();
            if (pruning != null && epoch == pruning.pruneEpoch()) {
                net = pruning.prune(net, log);
                // the model before pruning is not a candidate: selection starts again
                state = new RunState(settings, epoch, state.history(), -1, Double.NEGATIVE_INFINITY);
            }
            Nd4j.getRandom().setSeed(seed * 7919 + epoch);   // dropout and noise layers: reproducible across resumes
            DataSet shuffled = data.train().copy();
            shuffled.shuffle(seed * 31 + epoch);
            ProgressIterator bar = new ProgressIterator(new ListDataSetIterator<>(shuffled.asList(), batch),
                    batchesPerEpoch, "epoch " + (epoch + 1) + "/" + epochs, net, progress,
                    state.history().isEmpty() ? Double.NaN : state.history().get(state.history().size() - 1).validationAccuracy());
            DataSetIterator it = bar;
            if (adversarial) {
                it = new AdversarialDataSetIterator(it, AdversarialBatches.pgdDefaults(net)
                        .withAttack(ProjectedGradientDescent.pgd(attack.eps, attack.alpha, attackSteps)).withSeed(seed * 131 + epoch));
            }
            try {
                fit(net, it);
            } finally {
                bar.close();
            }
            EpochRecord record = measure(net, data, epoch, (System.nanoTime() - epochStart) / 1e9);
            List<EpochRecord> history = new ArrayList<>(state.history());
            history.add(record);
            double score = adversarial && !Double.isNaN(record.validationRobustAccuracy())
                    ? record.validationRobustAccuracy() : record.validationAccuracy();
            boolean improved = score > state.bestScore();
            SparseModelSerializer.write(net, checkpoint.toFile());
            if (improved) {
                SparseModelSerializer.write(net, best.toFile());
            }
            state = new RunState(settings, epoch + 1, history, improved ? epoch + 1 : state.bestEpoch(),
                    Math.max(score, state.bestScore()));
            state.write(statePath);
            log.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  val accuracy %.2f%%%s  sparsity %.2f%%  (%.0f s)%n", epoch + 1,
                    epochs, record.loss(), 100 * record.validationAccuracy(), Double.isNaN(record.validationRobustAccuracy())
                            ? "" : String.format(Locale.ROOT, "  val PGD %.2f%%", 100 * record.validationRobustAccuracy()),
                    100 * record.sparsity(), record.seconds());
            log.flush();
        }

        Model selected = Files.isRegularFile(best) ? restore(best.toFile()) : net;
        DataSetIterator bn = new ListDataSetIterator<>(TrainingData.head(data.train(), 1024).asList(), batch);
        Model sparseModel = sparse == null ? selected : SparseExport.sparseCopy(selected, bn);
        SparseModelSerializer.write(sparseModel, out.resolve("model.zip").toFile());
        RobustnessReport robustness = evaluation().withSparsityFor(data.shape().channels(), data.shape().height(), data.shape().width())
                .evaluate(sparseModel, new ListDataSetIterator<>(data.test().asList(), 100));
        RunReport report = new RunReport(settings, data.source(), CpuBackend.describe(), state.history(),
                state.bestEpoch(), robustness, robustness.sparsity(), (System.nanoTime() - start) / 1e9);
        report.write(out);
        ReportWriter.write(out, report, initialModel(data), sparseModel);
        log.println();
        log.print(report.summary());
        log.println(channelSurgery(sparseModel, data));
        log.printf("run directory: %s (model.zip, report.json, report.md, plots)%n", out.toAbsolutePath());
        return 0;
    }

    /** A1..A5 and the epsilon curve on --eval-examples, or with --no-robustness A1 alone on the whole test set. */
    private RobustnessEvaluation evaluation() {
        if (!robustness) {
            return new RobustnessEvaluation().withAttack("A2", null).withAttack("A3", null).withAttack("A4", null).withAttack("A5", null)
                    .withEpsilons();
        }
        RobustnessEvaluation e = new RobustnessEvaluation()
                .withAttack("A5", new NAttack(attack.eps, attack.nattackPopulation, attack.nattackIterations, 0.1, 0.02, seed))
                .withAttack("A2", ProjectedGradientDescent.fgsm(attack.eps))
                .withAttack("A3", ProjectedGradientDescent.iterativeFgsm(attack.eps, attack.alpha, 20))
                .withEpsilons(0, attack.eps / 4, attack.eps / 2, attack.eps, 2 * attack.eps).withMaxExamples(evalExamples);
        for (String key : List.of("A2", "A3", "A4", "A5")) {
            if (!evalAttacks.contains(key)) {
                e = e.withAttack(key, null);
            }
        }
        return e;
    }

    /** Cuts zero channels out into small.zip when there are any, and says what came of it. */
    private String channelSurgery(Model sparseModel, TrainingData data) throws IOException {
        try {
            SurgeryResult cut = ChannelSurgery.prune(sparseModel);
            SparseModelSerializer.write(cut.network(), out.resolve("small.zip").toFile());
            SparsityReport before = SparsityReport.of(sparseModel, data.shape().channels(), data.shape().height(), data.shape().width());
            SparsityReport after = SparsityReport.of(cut.network(), data.shape().channels(), data.shape().height(), data.shape().width());
            return String.format(Locale.ROOT, "smaller model: %d channels cut out -> small.zip, parameters %d -> %d, MFLOPs "
                            + "%.2f -> %.2f (rvsm prune-export measures its latency)", cut.removedChannels(),
                    before.totalParams(), after.totalParams(), before.flops() / 1e6, after.flops() / 1e6);
        } catch (NothingToRemoveException e) {
            return "smaller model: none, no whole channel is zero (RVSM zeroes single weights; --method rgsm zeroes "
                    + "channels that rvsm prune-export can cut out)";
        }
    }

    /** The network as training started it (same seed), the dense reference of the report's plots. */
    private Model initialModel(TrainingData data) {
        return ModelFactory.configured(model, data.shape(), data.classes(),
                lr != null ? lr : ModelFactory.defaultLearningRate(model), lrDrops, seed).init();
    }

    private void validate() {
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
        }
        attack.validate();
        if (attackSteps < 1) {
            throw new IllegalArgumentException("--attack-steps must be >= 1, got " + attackSteps);
        }
        ModelFactory.zoo(model);
        method.training(1);
        method.pruneRetrain(epochs, seed);
        for (String key : evalAttacks) {
            if (!List.of("A2", "A3", "A4", "A5").contains(key)) {
                throw new IllegalArgumentException("--eval-attacks '" + key + "'; choose from A2, A3, A4, A5");
            }
        }
    }

    private Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", model);
        s.put("dataset", dataOptions.dataset);
        s.put("trainExamples", trainExamples);
        s.put("validation", validation);
        s.put("testExamples", testExamples);
        s.putAll(method.settings());
        s.put("adversarial", adversarial);
        s.put("eps", attack.eps);
        s.put("alpha", attack.alpha);
        s.put("attackSteps", attackSteps);
        s.put("batch", batch);
        s.put("lr", lr != null ? lr : ModelFactory.defaultLearningRate(model));
        s.put("lrDrops", Arrays.toString(lrDrops));
        s.put("seed", seed);
        s.put("robustness", robustness);
        return s;
    }

    private void requireSameSettings(Map<String, Object> saved, Map<String, Object> now) {
        for (Map.Entry<String, Object> e : now.entrySet()) {
            Object was = saved.get(e.getKey());
            if (was != null && !String.valueOf(was).equals(String.valueOf(e.getValue()))) {
                throw new IllegalArgumentException("--resume with a different " + e.getKey() + " (" + e.getValue()
                        + ") than the run in " + out + " (" + was + "); change only --epochs when resuming");
            }
        }
    }

    private static void fit(Model net, DataSetIterator it) {
        NetworkAdapter.of(net).fit(it);
    }

    static Model restore(File f) throws IOException {
        try {
            return SparseModelSerializer.restoreMultiLayerNetwork(f);
        } catch (RuntimeException | IOException e) {
            return SparseModelSerializer.restoreComputationGraph(f);
        }
    }

    private EpochRecord measure(Model net, TrainingData data, int epoch, double seconds) {
        DataSet val = data.validation() != null ? data.validation() : TrainingData.head(data.test(), 500);
        double acc = evaluate(net, val);
        double robust = Double.NaN;
        if (adversarial) {
            DataSet sub = TrainingData.head(val, 200);
            robust = ProjectedGradientDescent.pgd(attack.eps, attack.alpha, 10).withSeed(seed)
                    .run(AttackModel.of(net), sub.getFeatures(), sub.getLabels()).failureRate();
        }
        SparsityReport s = SparsityReport.of(SparseExport.sparseCopyKeepingBatchNorm(net), data.shape().channels(),
                data.shape().height(), data.shape().width());
        return new EpochRecord(epoch + 1, net.score(), acc, robust, s.sparsity(), s.channelSparsity(), seconds);
    }

    static double evaluate(Model net, DataSet d) {
        ListDataSetIterator<DataSet> it = new ListDataSetIterator<>(d.asList(), 250);
        return NetworkAdapter.of(net).evaluate(it).accuracy();
    }
}
