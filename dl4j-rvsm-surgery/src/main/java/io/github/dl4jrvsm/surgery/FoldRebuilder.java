package io.github.dl4jrvsm.surgery;

import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the network without the folded batch norms: a clone of the configuration with those layers (or vertices)
 * removed, their readers rewired to the producer, a bias switched on where the producer had none, a fused activation
 * layer removed the same way with its activation moved to the producer, then initialised and filled with the original
 * parameters, the producers' replaced by {@link FoldedParams}.
 *
 * <p>Why rebuild instead of editing the live network: DL4J keeps all parameters in one flat buffer whose layout
 * follows the configuration, so adding a bias or dropping a layer needs a new network.
 */
final class FoldRebuilder {

    private FoldRebuilder() {
    }

    static Model rebuild(Model original, ChannelGraph graph, List<BatchNormFold> decisions) {
        Map<String, BatchNormFold> foldOf = new HashMap<>();
        Set<String> removed = new HashSet<>();
        for (BatchNormFold d : decisions) {
            if (d.isFolded()) {
                foldOf.put(d.producer(), d);
                removed.add(d.batchNorm());
                if (d.activation() != null) {
                    removed.add(d.activation());
                }
            }
        }
        Map<String, Map<String, INDArray>> params = newParams(original, graph, foldOf, removed);
        return NetworkAdapter.of(original).match(mln -> rebuild(mln, graph, foldOf, removed, params),
                cg -> rebuild(cg, graph, foldOf, params));
    }

    /** Parameters of every kept layer in the new network, by node name. */
    private static Map<String, Map<String, INDArray>> newParams(Model original, ChannelGraph graph,
                                                             Map<String, BatchNormFold> foldOf, Set<String> removed) {
        Map<String, Map<String, INDArray>> out = new HashMap<>();
        for (ChannelNode n : graph.nodes()) {
            if (n.layer() == null || removed.contains(n.name())) {
                continue;
            }
            Map<String, INDArray> live = LiveParams.of(original, n);
            BatchNormFold fold = foldOf.get(n.name());
            if (fold != null) {
                ChannelNode b = graph.node(fold.batchNorm());
                out.put(n.name(), FoldedParams.fold(live, n.layer() instanceof DenseLayer,
                        (BatchNormalization) b.layer(), LiveParams.of(original, b)));
            } else {
                Map<String, INDArray> copy = new HashMap<>();
                live.forEach((k, v) -> copy.put(k, v.dup()));
                out.put(n.name(), copy);
            }
        }
        return out;
    }

    private static MultiLayerNetwork rebuild(MultiLayerNetwork original, ChannelGraph graph,
                                             Map<String, BatchNormFold> foldOf, Set<String> removed,
                                             Map<String, Map<String, INDArray>> params) {
        MultiLayerConfiguration conf = original.getLayerWiseConfigurations().clone();
        List<NeuralNetConfiguration> confs = new ArrayList<>();
        Map<Integer, InputPreProcessor> pre = new HashMap<>();
        List<String> kept = new ArrayList<>();
        for (ChannelNode n : graph.nodes()) {
            if (n.index() < 0 || removed.contains(n.name())) {
                continue;
            }
            InputPreProcessor p = conf.getInputPreProcess(n.index());
            if (p != null) {
                pre.put(confs.size(), p);
            }
            NeuralNetConfiguration c = conf.getConf(n.index());
            BatchNormFold fold = foldOf.get(n.name());
            if (fold != null) {
                absorb(c.getLayer(), fold, graph);
            }
            confs.add(c);
            kept.add(n.name());
        }
        conf.setConfs(confs);
        conf.setInputPreProcessors(pre);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        for (int i = 0; i < kept.size(); i++) {
            fill(kept.get(i), net.getLayer(i).paramTable(), params.get(kept.get(i)));
        }
        return net;
    }

    private static ComputationGraph rebuild(ComputationGraph original, ChannelGraph graph,
                                            Map<String, BatchNormFold> foldOf,
                                            Map<String, Map<String, INDArray>> params) {
        ComputationGraphConfiguration conf = original.getConfiguration().clone();
        for (BatchNormFold fold : foldOf.values()) {
            removeVertex(conf, fold.batchNorm(), fold.producer());
            if (fold.activation() != null) {
                removeVertex(conf, fold.activation(), fold.producer());
            }
            absorb(((LayerVertex) conf.getVertices().get(fold.producer())).getLayerConf().getLayer(), fold, graph);
        }
        conf.setTopologicalOrder(null);
        conf.setTopologicalOrderStr(null);
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        for (org.deeplearning4j.nn.api.Layer l : net.getLayers()) {
            String name = l.conf().getLayer().getLayerName();
            fill(name, l.paramTable(), params.get(name));
        }
        return net;
    }

    /** The producer's configuration after the fold: a bias for the batch norm's shift, the fused activation. */
    private static void absorb(Layer producer, BatchNormFold fold, ChannelGraph graph) {
        if (producer instanceof ConvolutionLayer c) {
            c.setHasBias(true);
        } else {
            ((DenseLayer) producer).setHasBias(true);
        }
        if (fold.activation() != null) {
            ActivationLayer fused = (ActivationLayer) graph.node(fold.activation()).layer();
            ((BaseLayer) producer).setActivationFn(fused.getActivationFn());
        }
    }

    /** Removes a single-input vertex and lets its readers (and the network outputs) read {@code input} instead. */
    private static void removeVertex(ComputationGraphConfiguration conf, String vertex, String input) {
        conf.getVertices().remove(vertex);
        conf.getVertexInputs().remove(vertex);
        conf.getVertexInputs().values().forEach(in -> in.replaceAll(s -> s.equals(vertex) ? input : s));
        conf.getNetworkOutputs().replaceAll(s -> s.equals(vertex) ? input : s);
    }

    private static void fill(String name, Map<String, INDArray> target, Map<String, INDArray> source) {
        for (Map.Entry<String, INDArray> e : target.entrySet()) {
            INDArray v = source == null ? null : source.get(e.getKey());
            if (v == null) {
                throw new IllegalStateException("no value for parameter " + name + "_" + e.getKey());
            }
            if (v.length() != e.getValue().length()) {
                throw new IllegalStateException("parameter " + name + "_" + e.getKey() + " has shape "
                        + Arrays.toString(v.shape()) + ", expected " + Arrays.toString(e.getValue().shape()));
            }
            // same element order: W keeps its shape; a bias may be [n] or [1, n] depending on the layer
            e.getValue().assign(v.reshape(e.getValue().shape()).castTo(e.getValue().dataType()));
        }
    }
}
