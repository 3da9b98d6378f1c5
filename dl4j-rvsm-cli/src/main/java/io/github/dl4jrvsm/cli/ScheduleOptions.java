package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.zoo.ZooModel;
import picocli.CommandLine.Option;

import java.util.Map;

/** How long and how fast {@code rvsm train} trains, and the seed that makes a run repeatable. */
final class ScheduleOptions {

    @Option(names = "--epochs", defaultValue = "8", description = "(default: ${DEFAULT-VALUE})") int epochs;

    @Option(names = "--batch", defaultValue = "64", description = "(default: ${DEFAULT-VALUE})") int batch;

    @Option(names = "--lr", description = "initial learning rate (default: 0.02 for lenet5, 0.1 otherwise)") Double lr;

    @Option(names = "--lr-drops", split = ",", description = "epochs at which the learning rate is divided by 10, e.g. 80,120,160")
    int[] lrDrops = new int[0];

    @Option(names = "--seed", defaultValue = "42", description = "(default: ${DEFAULT-VALUE})") long seed;

    @Option(names = "--optimizer", defaultValue = "nesterov", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OptimizerChoice optimizer;

    @Option(names = "--momentum", description = "Nesterov momentum (default: 0.9; only with --optimizer nesterov)") Double momentum;

    @Option(names = "--weight-decay", defaultValue = "0",
            description = "L2 on every weight, through the optimizer as PyTorch's SGD weight_decay (default: 0; the dissertation: 5e-4)")
    double weightDecay;

    @Option(names = "--init", defaultValue = "authors",
            description = "${COMPLETION-CANDIDATES}: initial weights as the authors' code or this library's earlier He/Xavier (default: ${DEFAULT-VALUE})")
    InitializationChoice init;

    void validate() {
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
        }
        if (momentum != null && !optimizer.usesMomentum()) {
            throw new IllegalArgumentException("--momentum applies to --optimizer nesterov, not " + optimizer);
        }
        if (momentum != null && !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("--momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("--weight-decay must be a finite number >= 0, got " + weightDecay);
        }
    }

    /**
     * The training options a finished run recorded in its settings; a run from before these options existed trained
     * with Nesterov 0.9, no weight decay and the library's initialisation.
     */
    static ScheduleOptions of(Map<String, Object> settings) {
        ScheduleOptions o = new ScheduleOptions();
        o.seed = ((Number) settings.get("seed")).longValue();
        o.optimizer = Spellings.parse(OptimizerChoice.class, String.valueOf(settings.getOrDefault("optimizer", "nesterov")));
        o.momentum = ((Number) settings.getOrDefault("momentum", 0.9)).doubleValue();
        o.weightDecay = ((Number) settings.getOrDefault("weightDecay", 0.0)).doubleValue();
        o.init = Spellings.parse(InitializationChoice.class, String.valueOf(settings.getOrDefault("init", "library")));
        return o;
    }

    /** {@code --momentum}, or 0.9 (the dissertation's) when it is not given. */
    double momentum() {
        return momentum != null ? momentum : 0.9;
    }

    /** {@code --lr}, or the model's default when it is not given. */
    double learningRate(String model) {
        return lr != null ? lr : ModelFactory.defaultLearningRate(model);
    }

    /** The zoo model with this schedule's learning rate, drops and seed, not yet initialised. */
    ZooModel<?> configure(String model, TrainingData data) {
        return ModelFactory.configured(model, data.shape(), data.classes(), learningRate(model), lrDrops, seed, this);
    }

    /** Mini-batches in one pass over {@code examples}, the last one possibly short. */
    int batchesPerEpoch(int examples) {
        return (examples + batch - 1) / batch;
    }
}
