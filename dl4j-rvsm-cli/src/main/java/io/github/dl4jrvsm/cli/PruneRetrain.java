package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.pruning.ChannelMasking;
import io.github.dl4jrvsm.pruning.ChannelSelection;
import io.github.dl4jrvsm.pruning.L1FilterPruning;
import io.github.dl4jrvsm.pruning.NetworkSlimming;
import io.github.dl4jrvsm.pruning.ScratchRetraining;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

import java.io.PrintWriter;
import java.io.Serializable;
import java.util.Locale;

/**
 * The two channel-pruning baselines of the dissertation's Table 4.3 as {@code rvsm train} methods, on the same
 * epoch budget as RGSM: train until the prune epoch (network slimming with its l1 penalty on the batch-norm scales),
 * choose the channels (global |gamma| threshold, or per-layer smallest filter l1 norm), then spend the remaining
 * epochs retraining: network slimming from a fresh initialisation (the dissertation's retrain-from-scratch setting),
 * l1-norm pruning from the trained weights (fine-tuning).
 *
 * <p>The pruned channels are held at exactly zero in the original architecture rather than cut out right away, so the
 * run's model and report count them as channel sparsity the same way as RGSM's; {@code small.zip} is cut at the end.
 */
final class PruneRetrain {

    private final boolean slimming;
    private final double fraction;
    private final double gammaSparsity;
    private final int pruneEpoch;
    private final long seed;

    /** The baseline {@code method} with the options' fraction, penalty and prune epoch (default: half the epochs). */
    static PruneRetrain of(Method method, MethodOptions options, int epochs, long seed) {
        return new PruneRetrain(method, options.pruneFraction, options.slimmingSparsity,
                options.pruneEpoch > 0 ? options.pruneEpoch : epochs / 2, epochs, seed);
    }

    /**
     * @param pruneEpoch the number of epochs trained before pruning, in [1, epochs - 1]
     */
    PruneRetrain(Method method, double fraction, double gammaSparsity, int pruneEpoch, int epochs, long seed) {
        if (method != Method.SLIMMING && method != Method.L1_FILTER) {
            throw new IllegalArgumentException("not a prune-and-retrain method: " + method);
        }
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("--prune-fraction must be in [0, 1) for --method " + method + ", got " + fraction);
        }
        if (pruneEpoch < 1 || pruneEpoch >= epochs) {
            throw new IllegalArgumentException("--prune-epoch must be in [1, " + (epochs - 1) + "] (some training "
                    + "before and after pruning), got " + pruneEpoch);
        }
        if (!(gammaSparsity >= 0) || Double.isInfinite(gammaSparsity)) {
            throw new IllegalArgumentException("--slimming-sparsity must be finite and >= 0, got " + gammaSparsity);
        }
        this.slimming = method == Method.SLIMMING;
        this.fraction = fraction;
        this.gammaSparsity = gammaSparsity;
        this.pruneEpoch = pruneEpoch;
        this.seed = seed;
    }

    int pruneEpoch() {
        return pruneEpoch;
    }

    /** Before the first epoch: network slimming's sparsity penalty on every batch-norm gamma. */
    void prepare(Model net) {
        if (slimming) {
            NetworkSlimming.addGammaPenalty(net, gammaSparsity);
        }
    }

    /** At the prune epoch: the network to train from now on, with the chosen channels zero and held at zero. */
    Model prune(Model net, PrintWriter log) {
        ChannelSelection selection = slimming ? NetworkSlimming.select(net, fraction) : L1FilterPruning.select(net, fraction);
        Model start = slimming ? ScratchRetraining.reinitialize(net, seed + 1) : net;
        Model masked = ChannelMasking.mask(start, selection);
        masked.setListeners(new HoldAtZero(selection));
        log.printf(Locale.ROOT, "pruned %d of %d channels (%.1f%%), %s%n", selection.removedChannels(),
                selection.channels(), 100 * selection.fraction(), slimming ? "retraining from scratch"
                        : "fine-tuning the remaining weights");
        return masked;
    }

    /**
     * Puts the pruned channels back to zero after every step. Without it their batch-norm shift would learn a
     * constant again (its gradient is not zero), and momentum would carry the filters away from zero.
     */
    private static final class HoldAtZero extends BaseTrainingListener implements Serializable {
        private final ChannelSelection selection;

        HoldAtZero(ChannelSelection selection) {
            this.selection = selection;
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            ChannelMasking.zeroInPlace(model, selection);
        }
    }
}
