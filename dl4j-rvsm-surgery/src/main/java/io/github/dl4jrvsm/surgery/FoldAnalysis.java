package io.github.dl4jrvsm.surgery;

import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.activations.impl.ActivationIdentity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which batch-norm layers can be folded into the layer they read, and why the others cannot.
 *
 * <p>At inference a batch norm is {@code y = gamma (x - mean) / sqrt(var + eps) + beta} per channel, an affine map;
 * it merges into the preceding layer exactly when that layer's output is an affine function of its weights per
 * output channel and nothing else sees the unnormalised output. Hence the conditions: the batch norm reads a plain
 * 2-D {@link ConvolutionLayer} or {@link DenseLayer} (exact classes: depthwise, separable, deconvolution and 1-D
 * subclasses lay their weights out differently) with identity activation and no layer norm, has no input
 * pre-processor, and is that layer's only reader (a second reader, such as a residual shortcut, or the layer being a
 * network output, would see the changed values).
 *
 * <p>A folded batch norm whose only reader is an {@code ActivationLayer} (the zoo's pattern: DL4J's batch norm ignores
 * an activation, so a ReLU gets its own layer) hands that activation to the producer, which applies it to the same
 * values: conv, batch norm and ReLU become one layer. Not when the activation layer has dropout, an input
 * pre-processor, or the batch norm is also a network output.
 */
final class FoldAnalysis {

    private FoldAnalysis() {
    }

    /** One decision per batch-norm layer of {@code graph}, in topological order. */
    static List<BatchNormFold> of(ChannelGraph graph) {
        Map<String, List<String>> readers = new HashMap<>();
        for (ChannelNode n : graph.nodes()) {
            for (String in : n.inputs()) {
                readers.computeIfAbsent(in, k -> new ArrayList<>()).add(n.name());
            }
        }
        List<BatchNormFold> out = new ArrayList<>();
        for (ChannelNode n : graph.nodes()) {
            if (n.layer() instanceof BatchNormalization) {
                String why = whyNot(graph, n, readers);
                out.add(why == null ? BatchNormFold.folded(n.name(), n.inputs().get(0), fusableActivation(graph, n, readers))
                        : BatchNormFold.kept(n.name(), why));
            }
        }
        return List.copyOf(out);
    }

    private static String fusableActivation(ChannelGraph graph, ChannelNode bn, Map<String, List<String>> readers) {
        List<String> r = readers.getOrDefault(bn.name(), List.of());
        if (r.size() != 1 || graph.outputs().contains(bn.name())) {
            return null;
        }
        ChannelNode a = graph.node(r.get(0));
        return a.layer() instanceof ActivationLayer act && act.getIDropout() == null && a.preProcessor() == null
                && a.inputs().size() == 1 ? a.name() : null;
    }

    private static String whyNot(ChannelGraph graph, ChannelNode bn, Map<String, List<String>> readers) {
        if (bn.preProcessor() != null) {
            return "it has an input pre-processor (" + bn.preProcessor().getClass().getSimpleName() + ")";
        }
        if (bn.inputs().size() != 1) {
            return "it reads " + bn.inputs().size() + " vertices";
        }
        ChannelNode p = graph.node(bn.inputs().get(0));
        if (p.layer() == null) {
            return "it reads " + p.describe() + ", not a convolution or dense layer";
        }
        Class<?> c = p.layer().getClass();
        if (c != ConvolutionLayer.class && c != DenseLayer.class) {
            return "it reads " + p.describe() + "; only a 2-D ConvolutionLayer or a DenseLayer can absorb it";
        }
        if (!(((BaseLayer) p.layer()).getActivationFn() instanceof ActivationIdentity)) {
            return "it reads " + p.describe() + " with activation " + ((BaseLayer) p.layer()).getActivationFn()
                    + "; only an identity activation keeps the layer affine";
        }
        if (p.layer() instanceof DenseLayer d && d.isHasLayerNorm()) {
            return "it reads " + p.describe() + " with layer norm, which is not affine";
        }
        List<String> others = readers.getOrDefault(p.name(), List.of()).stream()
                .filter(r -> !r.equals(bn.name())).toList();
        if (!others.isEmpty()) {
            return p.name() + " is also read by " + String.join(", ", others) + ", which would see the folded values";
        }
        if (graph.outputs().contains(p.name())) {
            return p.name() + " is also a network output";
        }
        return null;
    }
}
