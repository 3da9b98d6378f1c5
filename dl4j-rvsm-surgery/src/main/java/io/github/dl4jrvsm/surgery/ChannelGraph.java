package io.github.dl4jrvsm.surgery;

import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.training.LayerSelection;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A MultiLayerNetwork or ComputationGraph configuration as one list of {@link ChannelNode}s in topological order, so
 * the analysis is written once for both.
 *
 * @param nodes   every node, inputs first, each after the nodes it reads
 * @param outputs names of the network outputs
 */
public record ChannelGraph(List<ChannelNode> nodes, Set<String> outputs) {

    /** The graph of a MultiLayerNetwork or ComputationGraph. */
    public static ChannelGraph of(Model model) {
        return NetworkAdapter.of(model).match(mln -> of(mln.getLayerWiseConfigurations()),
                cg -> of(cg.getConfiguration()));
    }

    public static ChannelGraph of(MultiLayerConfiguration conf) {
        List<ChannelNode> nodes = new ArrayList<>();
        nodes.add(new ChannelNode("input", NodeKind.INPUT, null, null, List.of(), null, -1, null));
        String previous = "input";
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer l = conf.getConf(i).getLayer();
            String name = l.getLayerName() == null ? "layer" + i : l.getLayerName();
            nodes.add(layerNode(name, l, null, List.of(previous), conf.getInputPreProcess(i), i));
            previous = name;
        }
        return new ChannelGraph(List.copyOf(nodes), Set.of(previous));
    }

    public static ChannelGraph of(ComputationGraphConfiguration conf) {
        Map<String, ChannelNode> byName = new LinkedHashMap<>();
        for (String in : conf.getNetworkInputs()) {
            byName.put(in, new ChannelNode(in, NodeKind.INPUT, null, null, List.of(), null, -1, null));
        }
        for (Map.Entry<String, GraphVertex> e : conf.getVertices().entrySet()) {
            List<String> inputs = List.copyOf(conf.getVertexInputs().getOrDefault(e.getKey(), List.of()));
            GraphVertex v = e.getValue();
            ChannelNode node;
            if (v instanceof LayerVertex lv) {
                node = layerNode(e.getKey(), lv.getLayerConf().getLayer(), v, inputs, lv.getPreProcessor(), -1);
            } else if (v instanceof PreprocessorVertex p && p.getPreProcessor() instanceof CnnToFeedForwardPreProcessor f) {
                node = new ChannelNode(e.getKey(), NodeKind.FLATTEN, null, v, inputs, f, -1, null);
            } else if (v instanceof ElementWiseVertex) {
                node = new ChannelNode(e.getKey(), NodeKind.ELEMENT_WISE, null, v, inputs, null, -1, null);
            } else {
                node = new ChannelNode(e.getKey(), NodeKind.OTHER, null, v, inputs, null, -1,
                        "vertex type " + v.getClass().getSimpleName() + " is not supported on a channel path");
            }
            byName.put(e.getKey(), node);
        }
        return new ChannelGraph(topological(byName), Set.copyOf(conf.getNetworkOutputs()));
    }

    private static List<ChannelNode> topological(Map<String, ChannelNode> byName) {
        Map<String, Integer> missing = new HashMap<>();
        Map<String, List<String>> readers = new HashMap<>();
        ArrayDeque<String> ready = new ArrayDeque<>();
        for (ChannelNode n : byName.values()) {
            missing.put(n.name(), n.inputs().size());
            for (String in : n.inputs()) {
                readers.computeIfAbsent(in, k -> new ArrayList<>()).add(n.name());
            }
            if (n.inputs().isEmpty()) {
                ready.add(n.name());
            }
        }
        List<ChannelNode> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            String n = ready.poll();
            out.add(byName.get(n));
            for (String r : readers.getOrDefault(n, List.of())) {
                if (missing.merge(r, -1, Integer::sum) == 0) {
                    ready.add(r);
                }
            }
        }
        if (out.size() != byName.size()) {
            throw new IllegalArgumentException("The graph has a cycle or reads an unknown vertex; ordered "
                    + out.size() + " of " + byName.size() + " vertices");
        }
        return List.copyOf(out);
    }

    private static ChannelNode layerNode(String name, Layer l, GraphVertex v, List<String> inputs,
                                         InputPreProcessor pre, int index) {
        String why = unsupported(l, pre);
        NodeKind kind = why != null ? NodeKind.OTHER : kindOf(l);
        return new ChannelNode(name, kind, l, v, inputs, pre, index, why);
    }

    /** Why the layer (with its pre-processor) cannot be on a channel path, or null if it can. */
    private static String unsupported(Layer l, InputPreProcessor pre) {
        if (l instanceof LossLayer) {
            return "it is a loss layer (KerasModelImport appends one after a compiled model's softmax layer): it "
                    + "scores every class, so the layer before it keeps all its outputs";
        }
        if (kindOf(l) == NodeKind.OTHER) {
            return "layer type " + l.getClass().getSimpleName() + " is not supported on a channel path "
                    + "(supported: ConvolutionLayer, DenseLayer, OutputLayer, BatchNormalization, ActivationLayer, "
                    + "SubsamplingLayer, GlobalPoolingLayer, DropoutLayer, ElementWiseVertex)";
        }
        if (pre != null && !(pre instanceof CnnToFeedForwardPreProcessor
                && (l instanceof DenseLayer || l.getClass() == OutputLayer.class))) {
            return "input pre-processor " + pre.getClass().getSimpleName() + " is not supported (only a "
                    + "CnnToFeedForwardPreProcessor, NCHW or NHWC, before a dense layer)";
        }
        if (l instanceof DenseLayer d && d.isHasLayerNorm()) {
            return "a dense layer with layer norm mixes its neurons";
        }
        if (l instanceof BatchNormalization b && b.isLockGammaBeta()) {
            return "batch norm with locked gamma/beta is not supported";
        }
        if (l instanceof ActivationLayer a && !ScalarActivation.isElementWise(a.getActivationFn())) {
            return "activation " + a.getActivationFn() + " is not element-wise";
        }
        return null;
    }

    private static NodeKind kindOf(Layer l) {
        if (LayerSelection.isSupported(l)) {
            return NodeKind.PRODUCER;
        }
        Class<?> c = l.getClass();
        if (c == BatchNormalization.class) {
            return NodeKind.BATCH_NORM;
        }
        if (c == ActivationLayer.class) {
            return NodeKind.ACTIVATION;
        }
        if (c == SubsamplingLayer.class) {
            return NodeKind.POOLING;
        }
        if (c == GlobalPoolingLayer.class) {
            return NodeKind.GLOBAL_POOLING;
        }
        if (c == DropoutLayer.class) {
            return NodeKind.DROPOUT;
        }
        return NodeKind.OTHER;
    }

    /**
     * The flattening a producer reads through: its own input pre-processor, or the flatten vertex it reads; null if
     * it reads no flattened image.
     */
    public CnnToFeedForwardPreProcessor flattening(ChannelNode consumer) {
        if (consumer.preProcessor() instanceof CnnToFeedForwardPreProcessor f) {
            return f;
        }
        if (consumer.inputs().size() == 1) {
            ChannelNode in = node(consumer.inputs().get(0));
            if (in.kind() == NodeKind.FLATTEN) {
                return (CnnToFeedForwardPreProcessor) in.preProcessor();
            }
        }
        return null;
    }

    /** The node of that name. */
    public ChannelNode node(String name) {
        for (ChannelNode n : nodes) {
            if (n.name().equals(name)) {
                return n;
            }
        }
        throw new IllegalArgumentException("No node '" + name + "'");
    }
}
