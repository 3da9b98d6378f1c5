package io.github.dl4jrvsm.benchmarks.frontier;

import io.github.dl4jrvsm.benchmarks.tables.SeedSpread;
import io.github.dl4jrvsm.cli.RunReport;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One setting of a sweep, trained once per seed: the method and its setting, and the means of what the runs reached
 * (fractions in [0, 1]), with the spread of the accuracies over the seeds.
 *
 * @param robustAccuracy accuracy under IFGSM-20 at 8/255 (A3), NaN for naturally trained sweeps
 */
public record FrontierPoint(String method, String setting, double sparsity, double channelSparsity, double accuracy,
                            double robustAccuracy, double seconds, SeedSpread accuracies, SeedSpread robustAccuracies) {

    /** A point of one run. */
    public FrontierPoint(String method, String setting, double sparsity, double channelSparsity, double accuracy,
                         double robustAccuracy, double seconds) {
        this(method, setting, sparsity, channelSparsity, accuracy, robustAccuracy, seconds,
                new SeedSpread(new double[]{accuracy}), new SeedSpread(new double[]{robustAccuracy}));
    }

    /** The mean point of the runs of one setting, one per seed. */
    public static FrontierPoint of(String method, String setting, List<RunReport> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("setting '" + setting + "' of " + method + " has no finished run");
        }
        SeedSpread accuracies = spread(runs, r -> r.robustness().accuracy("A1"));
        SeedSpread robust = spread(runs, r -> r.robustness().accuracy("A3"));
        return new FrontierPoint(method, setting, spread(runs, r -> r.sparsity().sparsity()).mean(),
                spread(runs, r -> r.sparsity().channelSparsity()).mean(), accuracies.mean(), robust.mean(),
                spread(runs, RunReport::seconds).mean(), accuracies, robust);
    }

    private static SeedSpread spread(List<RunReport> runs, ToDoubleFunction<RunReport> value) {
        return new SeedSpread(runs.stream().mapToDouble(value).toArray());
    }
}
