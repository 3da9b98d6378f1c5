package io.github.dl4jrvsm.pruning;

import io.github.dl4jrvsm.surgery.ChannelGraph;
import io.github.dl4jrvsm.surgery.ChannelNode;
import io.github.dl4jrvsm.surgery.NodeKind;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;

import java.util.ArrayList;
import java.util.List;

/**
 * A 2-D convolution whose output channels may be pruned, with the batch-norm layers that scale those channels.
 *
 * <p>Why the batch norms travel with the convolution: network slimming scores a convolution's channels by the
 * |gamma| of the batch norm after it, and masking a channel must zero that batch norm's gamma and beta as well,
 * or the channel would come out as the constant {@code beta - gamma * mean / std} instead of 0. A batch norm counts
 * as "after" the convolution when it reads it directly or through element-wise activation and dropout layers
 * (which keep a zero channel zero for ReLU-like activations).
 *
 * @param conv       the convolution (names as in {@link ChannelGraph}: unnamed MultiLayerNetwork layers are
 *                   {@code layer<i>})
 * @param batchNorms the batch norms reading its channels, in model order (empty if none)
 */
record PrunableConvolution(ChannelNode conv, List<ChannelNode> batchNorms) {

    /** The convolution's name. */
    String name() {
        return conv.name();
    }

    /** Output channels of the convolution. */
    int channels() {
        return Math.toIntExact(((ConvolutionLayer) conv.layer()).getNOut());
    }

    /** Every plain 2-D convolution of the model, in model order. */
    static List<PrunableConvolution> of(Model model) {
        ChannelGraph graph = ChannelGraph.of(model);
        List<PrunableConvolution> out = new ArrayList<>();
        for (ChannelNode n : graph.nodes()) {
            if (n.kind() == NodeKind.PRODUCER && n.layer().getClass() == ConvolutionLayer.class) {
                out.add(new PrunableConvolution(n, batchNormsAfter(graph, n.name())));
            }
        }
        return out;
    }

    private static List<ChannelNode> batchNormsAfter(ChannelGraph graph, String producer) {
        List<ChannelNode> out = new ArrayList<>();
        List<String> frontier = new ArrayList<>(List.of(producer));
        while (!frontier.isEmpty()) {
            String from = frontier.remove(0);
            for (ChannelNode n : graph.nodes()) {
                if (n.inputs().size() != 1 || !n.inputs().get(0).equals(from)) {
                    continue;
                }
                if (n.kind() == NodeKind.BATCH_NORM) {
                    out.add(n);
                } else if (n.kind() == NodeKind.ACTIVATION || n.kind() == NodeKind.DROPOUT) {
                    frontier.add(n.name());
                }
            }
        }
        return List.copyOf(out);
    }
}
