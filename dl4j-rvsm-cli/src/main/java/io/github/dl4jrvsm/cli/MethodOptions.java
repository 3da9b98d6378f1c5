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
import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** The sparse-method options of {@code rvsm train}, and the {@link SparseTraining} they describe. */
final class MethodOptions {

    @Option(names = "--method", defaultValue = "rvsm", description = "none, rvsm, rgsm, admm, or the pruning baselines slimming (network slimming) and l1-filter "
            + "(l1-norm filter pruning) (default: ${DEFAULT-VALUE})")
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

    @Option(names = "--prune-fraction", defaultValue = "0.6", description = "admm: share of weights pruned; slimming, l1-filter: share of channels (default: ${DEFAULT-VALUE})")
    double pruneFraction;

    @Option(names = "--admm-structure", defaultValue = "element",
            description = "admm: prune single weights (element) or whole output channels (channel) (default: ${DEFAULT-VALUE})")
    String admmStructure;

    @Option(names = "--sparse-layers", defaultValue = "all", description = "rvsm, rgsm, admm: which weights are "
            + "sparsified: all (convolutions and dense layers) or conv (convolutions only, as the authors' code) "
            + "(default: ${DEFAULT-VALUE})")
    String sparseLayers;

    @Option(names = "--prune-epoch", defaultValue = "0",
            description = "slimming, l1-filter: epochs trained before pruning; the rest retrain (default: half)")
    int pruneEpoch;

    @Option(names = "--slimming-sparsity", defaultValue = "1e-4",
            description = "slimming: l1 weight on the batch-norm scales before pruning (default: ${DEFAULT-VALUE})")
    double slimmingSparsity;

    @Option(names = "--rho", defaultValue = "1e-2", description = "admm: penalty strength (default: ${DEFAULT-VALUE})")
    double rho;

    /** The configured method, or null for {@code none}. {@code admmIterations}: when ADMM hard-prunes. */
    SparseTraining training(int admmIterations) {
        if (!sparseLayers.equals("all") && !sparseLayers.equals("conv")) {
            throw new IllegalArgumentException("--sparse-layers '" + sparseLayers + "'; choose all or conv");
        }
        return switch (method) {
            case "none", "slimming", "l1-filter" -> null;
            case "rvsm" -> SparseTraining.rvsm(elementPenalty(), beta);
            case "rgsm" -> SparseTraining.rgsm(groupPenalty(), beta);
            case "admm" -> SparseTraining.with(new AdmmPruning(admmProjection(), rho, 1, admmIterations));
            default -> throw new IllegalArgumentException("unknown --method '" + method + "'; choose none, rvsm, rgsm, "
                    + "admm, slimming or l1-filter");
        };
    }

    /** {@code training} limited to the model's convolutions with {@code --sparse-layers conv}. */
    SparseTraining restrictLayers(SparseTraining training, Model model) {
        return switch (sparseLayers) {
            case "all" -> training;
            case "conv" -> training.withLayers(NamedLayer.of(model).stream()
                    .filter(l -> l.config() instanceof ConvolutionLayer)
                    .map(NamedLayer::name).toArray(String[]::new));
            default -> throw new IllegalArgumentException("--sparse-layers '" + sparseLayers + "'; choose all or conv");
        };
    }

    /** The prune-and-retrain baseline, or null for the other methods. */
    PruneRetrain pruneRetrain(int epochs, long seed) {
        if (!method.equals("slimming") && !method.equals("l1-filter")) {
            return null;
        }
        return new PruneRetrain(method, pruneFraction, slimmingSparsity, pruneEpoch > 0 ? pruneEpoch : epochs / 2,
                epochs, seed);
    }

    private MagnitudeProjection admmProjection() {
        return switch (admmStructure) {
            case "element" -> MagnitudeProjection.elementwise(pruneFraction);
            case "channel" -> MagnitudeProjection.channels(pruneFraction, grouping);
            default -> throw new IllegalArgumentException("--admm-structure '" + admmStructure + "'; choose element or channel");
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
        if (!sparseLayers.equals("all")) {
            m.put("sparseLayers", sparseLayers);
        }
        if (!method.equals("none") && !method.equals("admm")) {
            m.put("penalty", penalty == null ? (method.equals("rvsm") ? "l0" : "group-l0-lasso") : penalty);
            m.put("lambda", lambda);
            m.put("lambda2", lambda2);
            m.put("beta", beta);
            m.put("a", a);
            m.put("grouping", grouping.name());
        }
        if (method.equals("slimming") || method.equals("l1-filter")) {
            m.put("pruneFraction", pruneFraction);
            m.put("pruneEpoch", pruneEpoch);
            m.put("slimmingSparsity", slimmingSparsity);
        }
        if (method.equals("admm")) {
            m.put("pruneFraction", pruneFraction);
            m.put("rho", rho);
            m.put("admmStructure", admmStructure);
            if (admmStructure.equals("channel")) {
                m.put("grouping", grouping.name());
            }
        }
        return m;
    }
}
