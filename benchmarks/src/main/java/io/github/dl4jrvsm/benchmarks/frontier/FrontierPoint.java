package io.github.dl4jrvsm.benchmarks.frontier;

/**
 * One trained model of a sweep: the method and its setting, and what it reached (fractions in [0, 1]).
 *
 * @param robustAccuracy accuracy under IFGSM-20 at 8/255 (A3), NaN for naturally trained sweeps
 */
public record FrontierPoint(String method, String setting, double sparsity, double channelSparsity, double accuracy,
                            double robustAccuracy, double seconds) {
}
