package io.github.dl4jrvsm.pruning;

import io.github.dl4jrvsm.surgery.SurgeryResult;
import org.deeplearning4j.nn.api.Model;

/**
 * The outcome of pruning: the smaller network with the surviving weights (the starting point for fine-tuning), the
 * masked full-size network it reproduces, and the choice and surgery behind it.
 *
 * @param selection what the criterion chose
 * @param masked    a full-size copy of the original with the chosen channels zeroed (the reference: the pruned
 *                  network has the same inference outputs)
 * @param surgery   the channel surgery on {@code masked}; its network is the pruned model
 */
public record PrunedModel(ChannelSelection selection, Model masked, SurgeryResult surgery) {

    /** The smaller network, inheriting the surviving weights: fine-tune it with {@code fit} (train-prune-retrain). */
    public Model network() {
        return surgery.network();
    }

    /**
     * The smaller architecture with fresh random weights drawn with {@code seed}: retraining from scratch, as the
     * dissertation's Table 4.3 does for network slimming.
     */
    public Model fromScratch(long seed) {
        return ScratchRetraining.reinitialize(surgery.network(), seed);
    }

    /** Channels the surgery removed; may exceed the selection when the original had zero filters already. */
    public int removedChannels() {
        return surgery.removedChannels();
    }
}
