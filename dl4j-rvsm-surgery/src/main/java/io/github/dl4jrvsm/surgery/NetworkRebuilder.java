package io.github.dl4jrvsm.surgery;

import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.splitting.SparseRegularization;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Builds the smaller network a {@link SurgeryPlan} describes: a clone of the configuration with the new channel
 * counts (layers' nIn/nOut, the flattening pre-processor's channels, a bias where a constant is folded into a layer
 * without one, the library's sparse regularization removed), initialised, then filled with the sliced parameters.
 */
public final class NetworkRebuilder {

    private NetworkRebuilder() {
    }

    /** The new network; {@code original} is not changed. */
    public static Model rebuild(Model original, SurgeryPlan plan) {
        Map<String, Map<String, INDArray>> params = new HashMap<>();
        Map<String, Boolean> needsBias = new HashMap<>();
        for (ChannelNode n : plan.graph().nodes()) {
            if (n.layer() == null) {
                continue;
            }
            Map<String, INDArray> p = newParams(original, plan, n);
            params.put(n.name(), p);
            needsBias.put(n.name(), p.containsKey("b") && !LiveParams.of(original, n).containsKey("b"));
        }
        Model net = NetworkAdapter.of(original).match(mln -> resized(mln, plan, needsBias),
                cg -> resized(cg, plan, needsBias));
        fill(net, plan, params);
        return net;
    }

    private static Model resized(MultiLayerNetwork original, SurgeryPlan plan, Map<String, Boolean> needsBias) {
        MultiLayerConfiguration conf = original.getLayerWiseConfigurations().clone();
        for (ChannelNode n : plan.graph().nodes()) {
            if (n.index() >= 0) {
                resize(plan, n, conf.getConf(n.index()).getLayer(), conf.getInputPreProcess(n.index()),
                        needsBias.get(n.name()));
            }
        }
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static Model resized(ComputationGraph original, SurgeryPlan plan, Map<String, Boolean> needsBias) {
        ComputationGraphConfiguration conf = original.getConfiguration().clone();
        for (ChannelNode n : plan.graph().nodes()) {
            if (n.layer() != null && conf.getVertices().get(n.name()) instanceof LayerVertex lv) {
                resize(plan, n, lv.getLayerConf().getLayer(), lv.getPreProcessor(), needsBias.get(n.name()));
            } else if (n.kind() == NodeKind.FLATTEN && conf.getVertices().get(n.name()) instanceof PreprocessorVertex pv) {
                CnnToFeedForwardPreProcessor f = (CnnToFeedForwardPreProcessor) pv.getPreProcessor();
                f.setNumChannels(plan.kept(n.name(), (int) f.getNumChannels()).length);
            }
        }
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    private static void resize(SurgeryPlan plan, ChannelNode n, Layer layer, InputPreProcessor pre, boolean addBias) {
        if (layer instanceof BaseLayer b) {
            if (b.getRegularization() != null) {
                b.setRegularization(b.getRegularization().stream().filter(r -> !(r instanceof SparseRegularization)).toList());
            }
        }
        if (n.kind() == NodeKind.PRODUCER) {
            FeedForwardLayer f = (FeedForwardLayer) layer;
            int inChannels = inputChannels(plan, n);
            CnnToFeedForwardPreProcessor flat = plan.graph().flattening(n);
            int factor = flat == null ? 1 : (int) (flat.getInputHeight() * flat.getInputWidth());
            f.setNIn((long) inChannels * factor);
            f.setNOut(plan.kept(n.name(), (int) f.getNOut()).length);
            if (pre instanceof CnnToFeedForwardPreProcessor c) {
                c.setNumChannels(inChannels);
            }
            if (addBias) {
                if (layer instanceof ConvolutionLayer c) {
                    c.setHasBias(true);
                } else if (layer instanceof DenseLayer d) {
                    d.setHasBias(true);
                } else if (layer instanceof BaseOutputLayer o) {
                    o.setHasBias(true);
                }
            }
        } else if (n.kind() == NodeKind.BATCH_NORM) {
            FeedForwardLayer f = (FeedForwardLayer) layer;
            int width = plan.kept(n.name(), (int) f.getNOut()).length;
            f.setNIn(width);
            f.setNOut(width);
        }
    }

    /** Kept channels of the producer's input space (its pre-flatten channel count). */
    private static int inputChannels(SurgeryPlan plan, ChannelNode n) {
        String in = n.inputs().get(0);
        SpaceDecision d = plan.decision(in);
        if (d != null) {
            return d.kept().length;
        }
        FeedForwardLayer f = (FeedForwardLayer) n.layer();
        CnnToFeedForwardPreProcessor flat = plan.graph().flattening(n);
        int factor = flat == null ? 1 : (int) (flat.getInputHeight() * flat.getInputWidth());
        return (int) (f.getNIn() / factor);
    }

    /** The node's parameters in the new network, by key. */
    private static Map<String, INDArray> newParams(Model original, SurgeryPlan plan, ChannelNode n) {
        Map<String, INDArray> old = LiveParams.of(original, n);
        Map<String, INDArray> out = new HashMap<>();
        if (n.kind() == NodeKind.BATCH_NORM) {
            for (Map.Entry<String, INDArray> e : old.entrySet()) {
                INDArray v = e.getValue().reshape(e.getValue().length());
                out.put(e.getKey(), Slicing.select(v, 0, plan.kept(n.name(), (int) v.length())));
            }
            return out;
        }
        if (n.kind() != NodeKind.PRODUCER) {
            old.forEach((k, v) -> out.put(k, v.dup()));
            return out;
        }
        return ProducerParams.of(old, plan, n);
    }

    private static void fill(Model net, SurgeryPlan plan, Map<String, Map<String, INDArray>> params) {
        for (ChannelNode n : plan.graph().nodes()) {
            if (n.layer() == null) {
                continue;
            }
            Map<String, INDArray> target = LiveParams.of(net, n);
            Map<String, INDArray> source = params.get(n.name());
            for (Map.Entry<String, INDArray> e : target.entrySet()) {
                INDArray v = source.get(e.getKey());
                if (v == null) {
                    throw new IllegalStateException("no value for parameter " + n.name() + "_" + e.getKey());
                }
                if (v.length() != e.getValue().length()) {
                    throw new IllegalStateException("parameter " + n.name() + "_" + e.getKey() + " has "
                            + v.length() + " values for shape " + Arrays.toString(e.getValue().shape()));
                }
                e.getValue().assign(v.reshape('c', e.getValue().shape()).castTo(e.getValue().dataType()));
            }
        }
    }

    /** Indices {@code 0 .. n-1}. */
    static int[] all(int n) {
        return IntStream.range(0, n).toArray();
    }

    /** Entries of {@code 0 .. n-1} not in {@code kept}. */
    static int[] removed(int n, int[] kept) {
        List<Integer> k = Arrays.stream(kept).boxed().toList();
        return IntStream.range(0, n).filter(c -> !k.contains(c)).toArray();
    }

    static INDArray vector(double[] d) {
        return Nd4j.createFromArray(d);
    }
}
