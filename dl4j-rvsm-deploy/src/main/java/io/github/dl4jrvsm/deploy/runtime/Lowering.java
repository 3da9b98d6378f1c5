package io.github.dl4jrvsm.deploy.runtime;

import io.github.dl4jrvsm.core.internal.BatchNormAffine;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.model.StochasticLayerConfig;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a DL4J network into the runtime's ops, one per layer or vertex, reading the layer configurations and the
 * live parameters. Anything the runtime cannot compute exactly is refused by name here, before any op runs.
 */
final class Lowering {

    static final String SUPPORTED = "ConvolutionLayer (NCHW, no dilation), SubsamplingLayer (max, avg), "
            + "BatchNormalization, ActivationLayer, DenseLayer, OutputLayer, LossLayer, GlobalPoolingLayer (max, avg), "
            + "DropoutLayer, noise layers switched off at inference, ElementWiseVertex (add, average); "
            + "activations identity, relu, softmax";

    final Tensors tensors = new Tensors();
    final List<Op> ops = new ArrayList<>();
    private final double sparseFrom;
    int input;
    int output;

    /** @param sparseFrom the share of zero weights from which a layer runs its sparse kernel */
    private Lowering(double sparseFrom) {
        this.sparseFrom = sparseFrom;
    }

    static Lowering of(Model model, int[] inputShape, double sparseFrom) {
        Lowering l = new Lowering(sparseFrom);
        l.input = l.tensors.add(inputShape);
        NetworkAdapter network = NetworkAdapter.of(model);
        network.match(m -> l.sequential(m), g -> l.graph(g));
        return l;
    }

    private Void sequential(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        int t = input;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            String name = layer.getLayerName() == null ? "layer" + i : layer.getLayerName();
            t = preProcess(conf.getInputPreProcess(i), t, name);
            t = layer(name, layer, net.getLayer(i).paramTable(), t);
        }
        output = t;
        return null;
    }

    private Void graph(ComputationGraph net) {
        ComputationGraphConfiguration conf = net.getConfiguration();
        if (conf.getNetworkInputs().size() != 1 || conf.getNetworkOutputs().size() != 1) {
            throw new UnsupportedModelException("the sparse runtime runs graphs with one input and one output, got "
                    + conf.getNetworkInputs() + " -> " + conf.getNetworkOutputs());
        }
        Map<String, Integer> tensorOf = new HashMap<>();
        tensorOf.put(conf.getNetworkInputs().get(0), input);
        for (int index : net.topologicalSortOrder()) {
            String name = net.getVertices()[index].getVertexName();
            if (tensorOf.containsKey(name)) {
                continue;
            }
            List<String> from = conf.getVertexInputs().get(name);
            int[] in = from.stream().mapToInt(tensorOf::get).toArray();
            GraphVertex vertex = conf.getVertices().get(name);
            if (vertex instanceof LayerVertex lv) {
                int t = preProcess(lv.getPreProcessor(), in[0], name);
                tensorOf.put(name, layer(name, lv.getLayerConf().getLayer(), net.getLayer(name).paramTable(), t));
            } else if (vertex instanceof ElementWiseVertex ew && (ew.getOp() == ElementWiseVertex.Op.Add
                    || ew.getOp() == ElementWiseVertex.Op.Average)) {
                int out = tensors.add(tensors.shape(in[0]));
                ops.add(new ElementwiseOp(name, in, out, tensors.size(out), ew.getOp() == ElementWiseVertex.Op.Average));
                tensorOf.put(name, out);
            } else {
                throw new UnsupportedModelException("vertex '" + name + "' is a " + vertex.getClass().getSimpleName()
                        + "; the sparse runtime supports " + SUPPORTED);
            }
        }
        output = tensorOf.get(conf.getNetworkOutputs().get(0));
        return null;
    }

    private int preProcess(InputPreProcessor pre, int t, String layer) {
        if (pre == null) {
            return t;
        }
        if (pre instanceof CnnToFeedForwardPreProcessor c && c.getFormat() == CNN2DFormat.NCHW) {
            return tensors.reshape(t, tensors.size(t));
        }
        if (pre instanceof FeedForwardToCnnPreProcessor f) {
            return tensors.reshape(t, (int) f.getNumChannels(), (int) f.getInputHeight(), (int) f.getInputWidth());
        }
        throw new UnsupportedModelException("layer '" + layer + "' has input pre-processor " + pre
                + "; the sparse runtime supports CnnToFeedForwardPreProcessor (NCHW) and FeedForwardToCnnPreProcessor");
    }

    private int layer(String name, Layer layer, Map<String, INDArray> params, int t) {
        int[] in = tensors.shape(t);
        if (layer.getClass() == ConvolutionLayer.class) {
            return convolution(name, (ConvolutionLayer) layer, params, t, in);
        }
        if (layer.getClass() == SubsamplingLayer.class) {
            return pooling(name, (SubsamplingLayer) layer, t, in);
        }
        if (layer instanceof BatchNormalization bn) {
            BatchNormAffine affine = BatchNormAffine.of(bn, params);
            return add(new ChannelAffineOp(name, t, tensors.add(in), affine.scale().toFloatVector(),
                    affine.shift().toFloatVector(), in));
        }
        if (layer instanceof ActivationLayer a) {
            return add(new ActivationOp(name, t, tensors.add(in), Activation.of(a.getActivationFn(), name), tensors.size(t)));
        }
        if (layer.getClass() == DenseLayer.class || layer.getClass() == OutputLayer.class) {
            return dense(name, (FeedForwardLayer) layer, params, t, in);
        }
        if (layer.getClass() == LossLayer.class) {
            return add(new ActivationOp(name, t, tensors.add(in), Activation.of(((LossLayer) layer).getActivationFn(), name),
                    tensors.size(t)));
        }
        if (layer instanceof GlobalPoolingLayer gp && in.length == 3 && gp.isCollapseDimensions()
                && (gp.getPoolingType() == PoolingType.AVG || gp.getPoolingType() == PoolingType.MAX)) {
            return add(new GlobalPoolingOp(name, t, tensors.add(in[0]), in[0], in[1] * in[2],
                    gp.getPoolingType() == PoolingType.MAX));
        }
        if (layer instanceof DropoutLayer
                || (layer instanceof StochasticLayerConfig s && !s.isStochasticAtInference() && params.isEmpty())) {
            return t;
        }
        String why = layer instanceof StochasticLayerConfig ? " that adds noise at inference (switch it off to "
                + "deploy)" : "";
        throw new UnsupportedModelException("layer '" + name + "' is a " + layer.getClass().getSimpleName() + why
                + "; the sparse runtime supports " + SUPPORTED);
    }

    private int convolution(String name, ConvolutionLayer c, Map<String, INDArray> params, int t, int[] in) {
        requireSpatial(name, c.getCnn2dDataFormat(), c.getDilation(), in);
        INDArray w = params.get("W");
        ConvolutionOp.Geometry g = geometry(name, c.getConvolutionMode(), c.getKernelSize(), c.getStride(),
                c.getPadding(), in, (int) w.size(0));
        float[] weights = w.dup('c').data().asFloat();
        float[] bias = c.isHasBias() ? params.get("b").dup('c').data().asFloat() : null;
        int out = tensors.add(g.outChannels(), g.outHeight(), g.outWidth());
        return add(new ConvolutionOp(name, t, out, g, weights, bias, Activation.of(c.getActivationFn(), name),
                sparse(weights)));
    }

    private int pooling(String name, SubsamplingLayer s, int t, int[] in) {
        requireSpatial(name, s.getCnn2dDataFormat(), s.getDilation(), in);
        boolean max = s.getPoolingType() == PoolingType.MAX;
        if (!max && s.getPoolingType() != PoolingType.AVG) {
            throw new UnsupportedModelException("layer '" + name + "' pools with " + s.getPoolingType()
                    + "; the sparse runtime supports MAX and AVG");
        }
        ConvolutionOp.Geometry g = geometry(name, s.getConvolutionMode(), s.getKernelSize(), s.getStride(),
                s.getPadding(), in, in[0]);
        if (!max && s.isAvgPoolIncludePadInDivisor() && (g.padTop() > 0 || g.padLeft() > 0)) {
            throw new UnsupportedModelException("layer '" + name + "' averages over padding; the sparse runtime "
                    + "averages over the pixels inside the image only");
        }
        return add(new PoolingOp(name, t, tensors.add(in[0], g.outHeight(), g.outWidth()), g, max));
    }

    private int dense(String name, FeedForwardLayer d, Map<String, INDArray> params,
                      int t, int[] in) {
        INDArray w = params.get("W");
        if (in.length != 1 || in[0] != w.size(0)) {
            throw new UnsupportedModelException("layer '" + name + "' expects " + w.size(0) + " inputs but gets a "
                    + "tensor of shape " + Arrays.toString(in));
        }
        float[] weights = w.dup('c').data().asFloat();
        INDArray b = params.get("b");
        float[] bias = b == null ? null : b.dup('c').data().asFloat();
        int out = tensors.add((int) w.size(1));
        return add(new FullyConnectedOp(name, t, out, (int) w.size(0), (int) w.size(1), weights, bias,
                Activation.of(d.getActivationFn(), name), sparse(weights)));
    }

    private static void requireSpatial(String name, CNN2DFormat format, int[] dilation, int[] in) {
        if (format != CNN2DFormat.NCHW) {
            throw new UnsupportedModelException("layer '" + name + "' uses " + format + "; the sparse runtime runs NCHW");
        }
        if (dilation != null && (dilation[0] != 1 || dilation[1] != 1)) {
            throw new UnsupportedModelException("layer '" + name + "' is dilated; the sparse runtime supports dilation 1");
        }
        if (in.length != 3) {
            throw new UnsupportedModelException("layer '" + name + "' needs an image input [C, H, W], got shape "
                    + Arrays.toString(in));
        }
    }

    /** DL4J's output size and top-left padding for {@code Truncate}/{@code Strict} and {@code Same} modes. */
    private static ConvolutionOp.Geometry geometry(String name, ConvolutionMode mode, int[] k, int[] s, int[] p,
                                                   int[] in, int outChannels) {
        int oh, ow, pt, pl;
        if (mode == ConvolutionMode.Same) {
            oh = (in[1] + s[0] - 1) / s[0];
            ow = (in[2] + s[1] - 1) / s[1];
            pt = Math.max(0, ((oh - 1) * s[0] + k[0] - in[1]) / 2);
            pl = Math.max(0, ((ow - 1) * s[1] + k[1] - in[2]) / 2);
        } else if (mode == ConvolutionMode.Truncate || mode == ConvolutionMode.Strict) {
            oh = (in[1] + 2 * p[0] - k[0]) / s[0] + 1;
            ow = (in[2] + 2 * p[1] - k[1]) / s[1] + 1;
            pt = p[0];
            pl = p[1];
        } else {
            throw new UnsupportedModelException("layer '" + name + "' uses convolution mode " + mode
                    + "; the sparse runtime supports Truncate, Strict and Same");
        }
        return new ConvolutionOp.Geometry(in[0], in[1], in[2], outChannels, oh, ow, k[0], k[1], s[0], s[1], pt, pl);
    }

    private boolean sparse(float[] weights) {
        int zeros = 0;
        for (float w : weights) {
            if (w == 0) {
                zeros++;
            }
        }
        return zeros >= sparseFrom * weights.length;
    }

    private int add(Op op) {
        ops.add(op);
        return op.output;
    }
}
