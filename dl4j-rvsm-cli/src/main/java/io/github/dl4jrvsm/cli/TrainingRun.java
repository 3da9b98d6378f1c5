package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.evaluation.AutoAttackReport;
import io.github.dl4jrvsm.adversarial.evaluation.RobustnessEvaluation;
import io.github.dl4jrvsm.adversarial.evaluation.RobustnessReport;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.adversarial.training.AdversarialBatches;
import io.github.dl4jrvsm.adversarial.training.AdversarialDataSetIterator;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.core.targetsparsity.TargetSparsity;
import io.github.dl4jrvsm.core.training.SparseExport;
import io.github.dl4jrvsm.core.training.SparseTraining;
import io.github.dl4jrvsm.core.training.SparsityListener;
import io.github.dl4jrvsm.data.RandomCropFlip;
import io.github.dl4jrvsm.nativecpu.CpuBackend;
import io.github.dl4jrvsm.surgery.ChannelSurgery;
import io.github.dl4jrvsm.surgery.NothingToRemoveException;
import io.github.dl4jrvsm.surgery.SurgeryResult;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code rvsm train} job as named steps, run in this order by {@link #execute()}: load the data, build (or
 * restore) the network, train the epochs with a checkpoint after each, select the best epoch's model, export it
 * sparse, evaluate it on the test set, and report. Each step leaves its result in a field for the next one.
 */
final class TrainingRun {

    /** The authors' CIFAR augmentation: 4-pixel padding, random crop, random horizontal flip. */
    private static final RandomCropFlip AUGMENTATION = new RandomCropFlip(4);

    private final TrainCommand options;
    private final PrintWriter log;
    private final RunDirectory dir;
    private final long start = System.nanoTime();

    private TrainingData data;
    private Map<String, Object> settings;
    private SparseTraining sparse;
    private PruneRetrain pruning;
    /** The first epoch (from 1) whose model may be selected: with a target sparsity, the one that reaches it. */
    private int firstSelectable = 1;
    private Model net;
    private RunState state;
    private Model selected;
    private Model sparseModel;
    private RobustnessReport robustness;

    TrainingRun(TrainCommand options, PrintWriter log) {
        this.options = options;
        this.log = log;
        this.dir = new RunDirectory(options.out);
    }

    /** Runs every step; the options are assumed checked by {@link TrainCommand#validate()}. */
    void execute() throws IOException {
        load();
        build();
        trainEpochs();
        select();
        export();
        evaluate();
        report();
    }

    void load() throws IOException {
        DataOptions d = options.dataOptions;
        data = TrainingData.load(d.dataset, d.dataDir, d.download, options.trainExamples, options.validation,
                options.testExamples, options.schedule.seed);
        settings = options.settings();
        log.printf(Locale.ROOT, "rvsm train: %s on %s (%d training images from %s), %s%n", options.model, d.dataset,
                data.train().numExamples(), data.source(), CpuBackend.describe());
    }

    /** The sparse method and the network: a new one, or with --resume the last checkpoint's. */
    void build() throws IOException {
        ScheduleOptions schedule = options.schedule;
        int batches = schedule.batchesPerEpoch(data.train().numExamples());
        // with --admm-retrain, ADMM hard-prunes after three quarters of the run
        sparse = options.method.training(Math.max(1, batches * schedule.epochs * 3 / 4));
        pruning = options.method.pruneRetrain(schedule.epochs, schedule.seed);
        if (sparse != null) {
            sparse = reestimatesBatchNorm() ? sparse.withBatchNormData(batchNormData(), 16)
                    : sparse.withReestimateBatchNorm(false);
            TargetSparsity target = options.method.target(schedule.epochs, batches);
            if (target != null) {
                sparse = sparse.withTargetSparsity(target.withJsonLines(dir.lambdas()));
                firstSelectable = options.method.targetEpoch(schedule.epochs);
            }
        }
        dir.create();
        if (options.resume) {
            restoreCheckpoint();
        } else {
            Files.deleteIfExists(dir.path().resolve(RunDirectory.SPARSITY_LOG));
            initialise();
        }
        if (sparse != null) {
            // u's sparsity ten times an epoch, for the report's trajectory plot (appended across resumes)
            NetworkAdapter.of(net).addListeners(new SparsityListener(Math.max(1, batches / 10),
                    dir.path().resolve(RunDirectory.SPARSITY_LOG)));
        }
    }

    private void restoreCheckpoint() throws IOException {
        if (pruning != null) {
            throw new IllegalArgumentException("--resume is not available for --method " + options.method.method
                    + " (the pruned channels are chosen at the prune epoch); start the run again");
        }
        state = dir.state();
        requireSameSettings(state.settings());
        net = dir.checkpoint();
        if (sparse != null) {
            options.method.restrictLayers(sparse, net).resume(net);
        }
        log.printf("resuming after epoch %d of %d%n", state.epochsDone(), options.schedule.epochs);
    }

    private void initialise() throws IOException {
        dir.clearLambdas();
        net = options.zooModel(data).init();
        if (sparse != null) {
            options.method.restrictLayers(sparse, net).attach(net);
        }
        if (pruning != null) {
            pruning.prepare(net);
        }
        state = new RunState(settings, 0, List.of(), -1, Double.NEGATIVE_INFINITY);
    }

    private void requireSameSettings(Map<String, Object> saved) {
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            Object was = saved.get(e.getKey());
            if (was != null && !String.valueOf(was).equals(String.valueOf(e.getValue()))) {
                throw new IllegalArgumentException("--resume with a different " + e.getKey() + " (" + e.getValue()
                        + ") than the run in " + dir.path() + " (" + was + "); change only --epochs when resuming");
            }
        }
    }

    void trainEpochs() throws IOException {
        EpochValidation validation = new EpochValidation(data, options.attack, options.adversarial, options.schedule.seed,
                sparse == null ? SparseExport.Weights.DENSE : sparse.exportedWeights());
        for (int epoch = state.epochsDone(); epoch < options.schedule.epochs; epoch++) {
            trainEpoch(epoch, validation);
        }
    }

    private void trainEpoch(int epoch, EpochValidation validation) throws IOException {
        long epochStart = System.nanoTime();
        long seed = options.schedule.seed;
        if (pruning != null && epoch == pruning.pruneEpoch()) {
            net = pruning.prune(net, log);
            // the model before pruning is not a candidate: selection starts again
            state = new RunState(settings, epoch, state.history(), -1, Double.NEGATIVE_INFINITY);
        }
        Nd4j.getRandom().setSeed(seed * 7919 + epoch);   // dropout and noise layers: reproducible across resumes
        DataSet shuffled = data.train().copy();
        shuffled.shuffle(seed * 31 + epoch);
        if (options.augment()) {
            shuffled = AUGMENTATION.apply(shuffled, seed * 1009 + epoch);
        }
        List<EpochRecord> history = new ArrayList<>(state.history());
        int epochs = options.schedule.epochs;
        try (ProgressIterator bar = new ProgressIterator(new ListDataSetIterator<>(shuffled.asList(), options.schedule.batch),
                options.schedule.batchesPerEpoch(data.train().numExamples()), "epoch " + (epoch + 1) + "/" + epochs,
                net, options.progress, history.isEmpty() ? Double.NaN : history.get(history.size() - 1).validationAccuracy())) {
            NetworkAdapter.of(net).fit(adversarial(bar, epoch));
        }
        EpochRecord record = validation.measure(net, epoch, (System.nanoTime() - epochStart) / 1e9);
        history.add(record);
        double score = options.adversarial && !Double.isNaN(record.validationRobustAccuracy())
                ? record.validationRobustAccuracy() : record.validationAccuracy();
        // a model from before the target sparsity is reached is denser than asked for: not a candidate
        boolean improved = epoch + 1 >= firstSelectable && score > state.bestScore();
        state = new RunState(settings, epoch + 1, history, improved ? epoch + 1 : state.bestEpoch(),
                improved ? score : state.bestScore());
        dir.saveEpoch(net, state, improved);
        log.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  val accuracy %.2f%%%s  sparsity %.2f%%  (%.0f s)%n", epoch + 1,
                epochs, record.loss(), 100 * record.validationAccuracy(), Double.isNaN(record.validationRobustAccuracy())
                        ? "" : String.format(Locale.ROOT, "  val PGD %.2f%%", 100 * record.validationRobustAccuracy()),
                100 * record.sparsity(), record.seconds());
        log.flush();
    }

    /** With --adversarial, every batch replaced by its PGD examples (seeded per epoch, so resumes repeat it). */
    private DataSetIterator adversarial(DataSetIterator batches, int epoch) {
        if (!options.adversarial) {
            return batches;
        }
        AttackOptions attack = options.attack;
        return new AdversarialDataSetIterator(batches, AdversarialBatches.pgdDefaults(net)
                .withAttack(ProjectedGradientDescent.pgd(attack.eps, attack.alpha, options.attackSteps))
                .withSeed(options.schedule.seed * 131 + epoch));
    }

    /** The best epoch's network by validation score (PGD accuracy when adversarial). */
    void select() throws IOException {
        selected = dir.best(net);
    }

    /**
     * The selected network with its sparse weights and the batch-norm statistics {@code --batch-norm} asks for, as
     * model.zip. Dense and pruned runs get the same statistics treatment as sparse ones.
     */
    void export() throws IOException {
        // dense and pruned runs go through the same export: nothing to project, batch norm handled alike
        SparseExport.Weights weights = sparse == null ? SparseExport.Weights.DENSE : sparse.exportedWeights();
        sparseModel = reestimatesBatchNorm() ? SparseExport.sparseCopy(selected, batchNormData(), weights)
                : sparse == null ? selected : SparseExport.sparseCopyKeepingBatchNorm(selected, weights);
        dir.write(RunDirectory.MODEL, sparseModel);
    }

    private boolean reestimatesBatchNorm() {
        return options.batchNorm == BatchNormHandling.REESTIMATE;
    }

    /**
     * The suite's measurement: the dissertation's A1..A5, the quick FGSM + PGD-20, or A1 on every test image plus
     * AutoAttack on --eval-examples (written as autoattack.json/.md beside the report).
     */
    void evaluate() throws IOException {
        long seed = options.schedule.seed;
        double eps = options.suiteOptions.epsilon(options.attack, options.epsGiven());
        boolean attacks = options.evaluation.robustness;
        RobustnessEvaluation e = switch (options.suite) {
            case DISSERTATION -> options.evaluation.evaluation(options.attack, seed);
            case QUICK -> attacks ? options.suiteOptions.quick(eps).withMaxExamples(options.evaluation.evalExamples)
                    : EvaluationOptions.cleanOnly();
            case AUTOATTACK -> EvaluationOptions.cleanOnly();
        };
        robustness = e.withSparsityFor(data.shape().channels(), data.shape().height(), data.shape().width())
                .evaluate(sparseModel, new ListDataSetIterator<>(data.test().asList(), 100));
        if (options.suite == EvaluationSuite.AUTOATTACK && attacks) {
            DataSet head = TrainingData.head(data.test(), options.evaluation.evalExamples);
            AutoAttackReport aa;
            try (AutoAttackProgress bar = AutoAttackProgress.of(head.numExamples(), options.progress)) {
                aa = options.suiteOptions.autoAttack(eps, seed).run(AttackModel.of(sparseModel), head.getFeatures(),
                        head.getLabels(), bar).report();
            }
            SuiteOptions.write(aa, dir.path(), log);
        }
    }

    /** report.json, report.md with its plots, small.zip when channels can be cut, and the summary on the console. */
    void report() throws IOException {
        RunReport report = new RunReport(settings, data.source(), CpuBackend.describe(), state.history(),
                state.bestEpoch(), robustness, robustness.sparsity(), (System.nanoTime() - start) / 1e9);
        report.write(dir.path());
        ReportWriter.write(dir.path(), report, options.zooModel(data).init(), sparseModel);
        log.println();
        log.print(report.summary());
        log.println(smallModel());
        log.printf("run directory: %s (model.zip, report.json, report.md, plots%s)%n", dir.path().toAbsolutePath(),
                sparse != null && sparse.targetSparsity() != null ? ", " + RunDirectory.LAMBDAS : "");
    }

    /** Cuts zero channels out into small.zip when there are any, and says what came of it. */
    private String smallModel() throws IOException {
        try {
            SurgeryResult cut = ChannelSurgery.prune(sparseModel);
            dir.write(RunDirectory.SMALL, cut.network());
            SparsityReport before = sparsity(sparseModel), after = sparsity(cut.network());
            return String.format(Locale.ROOT, "smaller model: %d channels cut out -> small.zip, parameters %d -> %d, MFLOPs "
                            + "%.2f -> %.2f (rvsm prune-export measures its latency)", cut.removedChannels(),
                    before.totalParams(), after.totalParams(), before.flops() / 1e6, after.flops() / 1e6);
        } catch (NothingToRemoveException e) {
            return "smaller model: none, no whole channel is zero (RVSM zeroes single weights; --method rgsm zeroes "
                    + "channels that rvsm prune-export can cut out)";
        }
    }

    private SparsityReport sparsity(Model model) {
        return SparsityReport.of(model, data.shape().channels(), data.shape().height(), data.shape().width());
    }

    /** The first 1,024 training images: what batch-norm statistics are re-estimated on. */
    private DataSetIterator batchNormData() {
        return new ListDataSetIterator<>(TrainingData.head(data.train(), 1024).asList(), options.schedule.batch);
    }
}
