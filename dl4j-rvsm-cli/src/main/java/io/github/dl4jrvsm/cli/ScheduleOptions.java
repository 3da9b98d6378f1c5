package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.zoo.ZooModel;
import picocli.CommandLine.Option;

/** How long and how fast {@code rvsm train} trains, and the seed that makes a run repeatable. */
final class ScheduleOptions {

    @Option(names = "--epochs", defaultValue = "8", description = "(default: ${DEFAULT-VALUE})") int epochs;

    @Option(names = "--batch", defaultValue = "64", description = "(default: ${DEFAULT-VALUE})") int batch;

    @Option(names = "--lr", description = "initial learning rate (default: 0.02 for lenet5, 0.1 otherwise)") Double lr;

    @Option(names = "--lr-drops", split = ",", description = "epochs at which the learning rate is divided by 10, e.g. 80,120,160")
    int[] lrDrops = new int[0];

    @Option(names = "--seed", defaultValue = "42", description = "(default: ${DEFAULT-VALUE})") long seed;

    void validate() {
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
        }
    }

    /** {@code --lr}, or the model's default when it is not given. */
    double learningRate(String model) {
        return lr != null ? lr : ModelFactory.defaultLearningRate(model);
    }

    /** The zoo model with this schedule's learning rate, drops and seed, not yet initialised. */
    ZooModel<?> configure(String model, TrainingData data) {
        return ModelFactory.configured(model, data.shape(), data.classes(), learningRate(model), lrDrops, seed);
    }

    /** Mini-batches in one pass over {@code examples}, the last one possibly short. */
    int batchesPerEpoch(int examples) {
        return (examples + batch - 1) / batch;
    }
}
