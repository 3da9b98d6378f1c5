package io.github.dl4jrvsm.cli;

/**
 * One epoch of a run.
 *
 * @param validationRobustAccuracy PGD accuracy on the validation subset, NaN when not measured
 */
public record EpochRecord(int epoch, double loss, double validationAccuracy, double validationRobustAccuracy,
                          double sparsity, double channelSparsity, double seconds) {
}
