package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.zoo.ZooModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code rvsm train}: trains a zoo model with a sparse method and (by default) PGD adversarial training, with a
 * checkpoint after every epoch, then evaluates A1..A5 and writes the run directory. Without options it is the
 * quick-start job: LeNet-5, Fashion-MNIST, RVSM-l0, PGD-10 at 8/255. The options are read here; {@link TrainingRun}
 * does the work.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a sparse, adversarially robust model and write a run directory.")
final class TrainCommand extends RvsmCommand {

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

    @Option(names = "--attack-steps", defaultValue = "10", description = "PGD steps in training (default: ${DEFAULT-VALUE})") int attackSteps;

    @Option(names = "--augment", negatable = true,
            description = "random crop (4-pixel padding) and horizontal flip each epoch, seeded (default: on for cifar10/100)")
    Boolean augment;

    @Mixin
    ScheduleOptions schedule = new ScheduleOptions();

    @Option(names = "--batch-norm", defaultValue = "reestimate", description = "batch-norm statistics of the tested "
            + "model, the same for every method: ${COMPLETION-CANDIDATES} (reestimate: re-measured on 1,024 clean "
            + "training images, ours; running: training's running averages, the authors') (default: ${DEFAULT-VALUE})")
    BatchNormHandling batchNorm;

    @Option(names = "--out", defaultValue = "runs/quickstart", description = "run directory (default: ${DEFAULT-VALUE})") Path out;

    @Option(names = "--resume", description = "continue the run in --out from its last checkpoint") boolean resume;

    @Mixin
    EvaluationOptions evaluation = new EvaluationOptions();

    @Option(names = "--suite", defaultValue = "dissertation", description = "the evaluation after training: "
            + "${COMPLETION-CANDIDATES}; autoattack adds autoattack.json/.md on --eval-examples beside A1 on the whole "
            + "test set (default: ${DEFAULT-VALUE})")
    EvaluationSuite suite;

    @Mixin
    SuiteOptions suiteOptions = new SuiteOptions();

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "progress bar (default: ${DEFAULT-VALUE})")
    boolean progress;

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Mixin
    AttackOptions attack = new AttackOptions();

    static final class ModelNames extends ArrayList<String> {
        ModelNames() {
            super(ModelFactory.NAMES);
        }
    }

    @Override
    public Integer call() throws Exception {
        validate();
        new TrainingRun(this, out()).execute();
        return 0;
    }

    /** Every check that needs no data, so that a bad option fails before minutes of loading. */
    void validate() {
        schedule.validate();
        attack.validate();
        if (attackSteps < 1) {
            throw new IllegalArgumentException("--attack-steps must be >= 1, got " + attackSteps);
        }
        ModelFactory.zoo(model);
        method.training(1);
        method.target(schedule.epochs, 1);
        method.pruneRetrain(schedule.epochs, schedule.seed);
        evaluation.validate();
        suiteOptions.validate(suite, attack, epsGiven());
    }

    /** Whether --eps was given (an L2 evaluation without it takes AutoAttack's 0.5). */
    boolean epsGiven() {
        return given("--eps");
    }

    /** {@code --augment}, or the authors' choice when not given: augmentation for CIFAR, none for the greyscale sets. */
    boolean augment() {
        return augment != null ? augment : dataOptions.dataset.startsWith("cifar");
    }

    /** The network as the run starts it, not yet initialised. */
    ZooModel<?> zooModel(TrainingData data) {
        return schedule.configure(model, data);
    }

    /** The options that make the run what it is: report.json records them and --resume requires them unchanged. */
    Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", model);
        s.put("dataset", dataOptions.dataset);
        s.put("trainExamples", trainExamples);
        s.put("validation", validation);
        s.put("testExamples", testExamples);
        s.putAll(method.settings());
        s.putAll(method.targetSettings(schedule.epochs));
        s.put("adversarial", adversarial);
        s.put("eps", attack.eps);
        s.put("alpha", attack.alpha);
        s.put("attackSteps", attackSteps);
        s.put("batch", schedule.batch);
        s.put("lr", schedule.learningRate(model));
        s.put("lrDrops", Arrays.toString(schedule.lrDrops));
        s.put("seed", schedule.seed);
        s.put("augment", augment());
        s.put("optimizer", schedule.optimizer.toString());
        s.put("momentum", schedule.optimizer.usesMomentum() ? schedule.momentum() : 0.0);
        s.put("weightDecay", schedule.weightDecay);
        s.put("init", schedule.init.toString());
        s.put("batchNorm", batchNorm.toString());
        s.put("robustness", evaluation.robustness);
        s.put("suite", suite.toString());
        return s;
    }
}
