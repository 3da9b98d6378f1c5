package io.github.dl4jrvsm.pruning;

import io.github.dl4jrvsm.surgery.ChannelSurgery;
import io.github.dl4jrvsm.surgery.SurgeryResult;
import org.deeplearning4j.nn.api.Model;

import java.util.List;

/**
 * Turns a {@link ChannelSelection} into a smaller network: mask the channels ({@link ChannelMasking}), then cut the
 * now-zero channels out with {@link ChannelSurgery}.
 *
 * <p>Why through the surgery: it already removes a channel from every place it is read (next convolution's input,
 * a flattening dense layer's weight rows, residual joins) and proves equality with the masked model. Channels it
 * cannot remove exactly (e.g. a channel joined by a residual add to a channel that is not pruned) stay, and the
 * surgery's notes say why; {@link PrunedModel#removedChannels()} is what was actually removed. Any zero filter the
 * original already had is cut as well.
 */
public final class ChannelPruner {

    private ChannelPruner() {
    }

    /**
     * The pruned model; {@code model} is not changed. An empty selection gives an unchanged copy.
     *
     * @throws IllegalArgumentException for a selection that does not fit the model (see {@link ChannelMasking})
     */
    public static PrunedModel prune(Model model, ChannelSelection selection) {
        if (selection == null) {
            throw new IllegalArgumentException("selection must not be null");
        }
        Model masked = ChannelMasking.mask(model, selection);
        if (selection.isEmpty()) {
            return new PrunedModel(selection, masked,
                    new SurgeryResult(ChannelMasking.mask(model, selection), List.of()));
        }
        return new PrunedModel(selection, masked, ChannelSurgery.prune(masked));
    }
}
