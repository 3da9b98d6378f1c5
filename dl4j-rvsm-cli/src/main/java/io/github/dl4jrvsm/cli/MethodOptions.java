package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.internal.Validate;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.targetsparsity.SparsitySchedule;
import io.github.dl4jrvsm.core.targetsparsity.TargetSparsity;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.nn.api.Model;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** The sparse-method options of {@code rvsm train}, and the {@link SparseTraining} they describe. */
final class MethodOptions {

    @Option(names = "--method", defaultValue = "rvsm", description = "one of ${COMPLETION-CANDIDATES}: slimming (network "
            + "slimming) and l1-filter (l1-norm filter pruning) are the pruning baselines (default: ${DEFAULT-VALUE})")
    Method method;

    @Option(names = "--penalty", description = "one of ${COMPLETION-CANDIDATES}; the first three fit rvsm "
            + "(default: l0), the group penalties rgsm (default: group-l0-lasso)")
    PenaltyChoice penalty;

    @Option(names = "--lambda", defaultValue = "1e-5", description = "penalty weight (rgsm: lambda1) (default: ${DEFAULT-VALUE}, with --beta 1e-2 the issue-14 reference setting)") double lambda;

    @Option(names = "--lambda2", defaultValue = "1e-5", description = "group-lasso weight of group-l0-lasso (default: ${DEFAULT-VALUE})")
    double lambda2;

    @Option(names = "--lasso-in", defaultValue = "loss",
            description = "${COMPLETION-CANDIDATES}: group-l0-lasso's group lasso in the training loss (the authors' code) or in the prox (the dissertation's formula) (default: ${DEFAULT-VALUE})")
    LassoPlacement lassoIn;

    @Option(names = "--beta", defaultValue = "1e-2", description = "splitting strength (default: ${DEFAULT-VALUE})") double beta;

    @Option(names = "--a", defaultValue = "1", description = "transformed-l1 shape parameter (default: ${DEFAULT-VALUE})") double a;

    @Option(names = "--grouping", defaultValue = "OUTPUT", description = "rgsm channel groups: OUTPUT or INPUT (default: ${DEFAULT-VALUE})")
    ChannelGrouping grouping;

    @Option(names = "--prune-fraction", defaultValue = "0.6", description = "admm: share of weights pruned; slimming, l1-filter: share of channels (default: ${DEFAULT-VALUE})")
    double pruneFraction;

    @Option(names = "--admm-structure", defaultValue = "element",
            description = "admm: prune single weights (element) or whole output channels (channel), one of "
                    + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    AdmmStructure admmStructure;

    @Option(names = "--sparse-layers", defaultValue = "all", description = "rvsm, rgsm, admm: which weights are "
            + "sparsified, one of ${COMPLETION-CANDIDATES}: all (convolutions and dense layers) or conv (convolutions "
            + "only, as the authors' code) (default: ${DEFAULT-VALUE})")
    SparseLayers sparseLayers;

    @Option(names = "--prune-epoch", defaultValue = "0",
            description = "slimming, l1-filter: epochs trained before pruning; the rest retrain (default: half)")
    int pruneEpoch;

    @Option(names = "--slimming-sparsity", defaultValue = "1e-4",
            description = "slimming: l1 weight on the batch-norm scales before pruning (default: ${DEFAULT-VALUE})")
    double slimmingSparsity;

    @Option(names = "--rho", defaultValue = "1e-2", description = "admm: penalty strength (default: ${DEFAULT-VALUE})") double rho;

    @Option(names = "--admm-retrain",
            description = "admm: hard prune after 3/4 of the run, then masked retraining (Zhang et al.); default: as the authors' comparison, neither")
    boolean admmRetrain;

    @Option(names = "--target-sparsity", description = "rvsm, rgsm: set lambda before every step so that this share "
            + "of the sparse weights (rgsm: of the channels) is zero in u, rising along the cubic ramp of gradual "
            + "magnitude pruning to the target at the end of --target-epoch; --lambda is then replaced (group-l0-lasso "
            + "with --lasso-in prox keeps its ratio to --lambda2) (default: off, lambda fixed)")
    Double targetSparsity;

    @Option(names = "--target-epoch", description = "with --target-sparsity: the epoch at whose end the target is "
            + "reached, counted from 1; only later epochs' models are selected (default: 3/4 of --epochs)")
    Integer targetEpoch;

    /** The configured method, or null for none and the baselines. {@code admmIterations}: when ADMM hard-prunes. */
    SparseTraining training(int admmIterations) {
        return method.training(this, admmIterations);
    }

    /** {@code training} limited to the layers {@code --sparse-layers} names. */
    SparseTraining restrictLayers(SparseTraining training, Model model) {
        return sparseLayers.restrict(training, model);
    }

    /** The prune-and-retrain baseline, or null for the other methods. */
    PruneRetrain pruneRetrain(int epochs, long seed) {
        return method.pruneRetrain(this, epochs, seed);
    }

    /**
     * The target sparsity the options ask for, or null for a fixed lambda: a cubic ramp over iterations from the first
     * step to the end of the target epoch.
     *
     * @throws IllegalArgumentException for a target outside (0, 1), a method without lambda, a target epoch outside
     *                                  the run or without a target
     */
    TargetSparsity target(int epochs, int batchesPerEpoch) {
        if (targetSparsity == null) {
            Validate.check(targetEpoch == null, () -> "--target-epoch " + targetEpoch + " applies only with "
                    + "--target-sparsity");
            return null;
        }
        Validate.inRange("--target-sparsity", targetSparsity, targetSparsity > 0 && targetSparsity < 1, "(0, 1)");
        Validate.check(method == Method.RVSM || method == Method.RGSM, () -> "--target-sparsity sets the lambda of "
                + "rvsm or rgsm, and --method " + method + " has none" + (method == Method.NONE ? ""
                : " (its --prune-fraction is the share it prunes)"));
        int end = targetEpoch(epochs);
        Validate.inRange("--target-epoch", end, end >= 1 && end <= epochs, "[1, " + epochs + "] (--epochs)");
        return TargetSparsity.global(targetSparsity, SparsitySchedule.iterations(0, end * batchesPerEpoch));
    }

    /**
     * {@code --target-epoch}, or three quarters of the run: the last quarter trains at the target, as gradual
     * magnitude pruning leaves time to recover from the last pruning steps.
     */
    int targetEpoch(int epochs) {
        return targetEpoch != null ? targetEpoch : Math.max(1, (int) Math.round(0.75 * epochs));
    }

    /** The target-sparsity settings for report.json and --resume: none without a target. */
    Map<String, Object> targetSettings(int epochs) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (targetSparsity != null) {
            m.put("targetSparsity", targetSparsity);
            m.put("targetEpoch", targetEpoch(epochs));
        }
        return m;
    }

    PenaltyWeights weights() {
        return new PenaltyWeights(lambda, lambda2, a, grouping);
    }

    /** The options that describe the run, by the names and spellings report.json and --resume have always used. */
    Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method.toString());
        if (sparseLayers != SparseLayers.ALL) {
            m.put("sparseLayers", sparseLayers.toString());
        }
        if (method != Method.NONE && method != Method.ADMM) {
            m.put("penalty", (penalty != null ? penalty : method == Method.RVSM ? PenaltyChoice.L0
                    : PenaltyChoice.GROUP_L0_LASSO).toString());
            m.put("lambda", lambda);
            m.put("lambda2", lambda2);
            m.put("lassoIn", lassoIn.toString());
            m.put("beta", beta);
            m.put("a", a);
            m.put("grouping", grouping.name());
        }
        if (method == Method.SLIMMING || method == Method.L1_FILTER) {
            m.put("pruneFraction", pruneFraction);
            m.put("pruneEpoch", pruneEpoch);
            m.put("slimmingSparsity", slimmingSparsity);
        }
        if (method == Method.ADMM) {
            m.put("pruneFraction", pruneFraction);
            m.put("rho", rho);
            m.put("admmRetrain", admmRetrain);
            m.put("admmStructure", admmStructure.toString());
            if (admmStructure == AdmmStructure.CHANNEL) {
                m.put("grouping", grouping.name());
            }
        }
        return m;
    }
}
