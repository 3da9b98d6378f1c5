package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.admm.AdmmPruning;
import io.github.dl4jrvsm.core.admm.MagnitudeProjection;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty;
import io.github.dl4jrvsm.core.prox.GroupL0Penalty;
import io.github.dl4jrvsm.core.prox.GroupLassoPenalty;
import io.github.dl4jrvsm.core.prox.GroupPenalty;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.prox.L1Penalty;
import io.github.dl4jrvsm.core.prox.Penalty;
import io.github.dl4jrvsm.core.prox.TransformedL1Penalty;
import io.github.dl4jrvsm.core.training.SparseTraining;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** The sparse-method options of {@code rvsm train}, and the {@link SparseTraining} they describe. */
final class MethodOptions {

    @Option(names = "--method", defaultValue = "rvsm", description = "none, rvsm, rgsm or admm (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--penalty", description = "rvsm: l0 (default), l1, tl1; rgsm: group-l0-lasso (default), group-l0, group-lasso")
    String penalty;

    @Option(names = "--lambda", defaultValue = "4e-5", description = "penalty weight (rgsm: lambda1) (default: ${DEFAULT-VALUE})")
    double lambda;

    @Option(names = "--lambda2", defaultValue = "1e-5", description = "group-lasso weight of group-l0-lasso (default: ${DEFAULT-VALUE})")
    double lambda2;

    @Option(names = "--beta", defaultValue = "1e-2", description = "splitting strength (default: ${DEFAULT-VALUE})")
    double beta;

    @Option(names = "--a", defaultValue = "1", description = "transformed-l1 shape parameter (default: ${DEFAULT-VALUE})")
    double a;

    @Option(names = "--grouping", defaultValue = "OUTPUT", description = "rgsm channel groups: OUTPUT or INPUT (default: ${DEFAULT-VALUE})")
    ChannelGrouping grouping;

    @Option(names = "--prune-fraction", defaultValue = "0.6", description = "admm: share of weights pruned (default: ${DEFAULT-VALUE})")
    double pruneFraction;

    @Option(names = "--rho", defaultValue = "1e-2", description = "admm: penalty strength (default: ${DEFAULT-VALUE})")
    double rho;

    /** The configured method, or null for {@code none}. {@code admmIterations}: when ADMM hard-prunes. */
    SparseTraining training(int admmIterations) {
        return switch (method) {
            case "none" -> null;
            case "rvsm" -> SparseTraining.rvsm(elementPenalty(), beta);
            case "rgsm" -> SparseTraining.rgsm(groupPenalty(), beta);
            case "admm" -> SparseTraining.with(new AdmmPruning(MagnitudeProjection.elementwise(pruneFraction), rho, 1,
                    admmIterations));
            default -> throw new IllegalArgumentException("unknown --method '" + method + "'; choose none, rvsm, rgsm or admm");
        };
    }

    private Penalty elementPenalty() {
        String p = penalty == null ? "l0" : penalty;
        return switch (p) {
            case "l0" -> new L0Penalty(lambda);
            case "l1" -> new L1Penalty(lambda);
            case "tl1" -> new TransformedL1Penalty(lambda, a);
            default -> throw new IllegalArgumentException("--penalty '" + p + "' does not fit --method rvsm; choose l0, l1 or tl1");
        };
    }

    private GroupPenalty groupPenalty() {
        String p = penalty == null ? "group-l0-lasso" : penalty;
        return switch (p) {
            case "group-l0-lasso" -> new GroupL0LassoPenalty(lambda, lambda2, grouping);
            case "group-l0" -> new GroupL0Penalty(lambda, grouping);
            case "group-lasso" -> new GroupLassoPenalty(lambda, grouping);
            default -> throw new IllegalArgumentException("--penalty '" + p + "' does not fit --method rgsm; choose "
                    + "group-l0-lasso, group-l0 or group-lasso");
        };
    }

    Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        if (!method.equals("none") && !method.equals("admm")) {
            m.put("penalty", penalty == null ? (method.equals("rvsm") ? "l0" : "group-l0-lasso") : penalty);
            m.put("lambda", lambda);
            m.put("lambda2", lambda2);
            m.put("beta", beta);
            m.put("a", a);
            m.put("grouping", grouping.name());
        }
        if (method.equals("admm")) {
            m.put("pruneFraction", pruneFraction);
            m.put("rho", rho);
        }
        return m;
    }
}
