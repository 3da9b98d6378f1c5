package io.github.dl4jrvsm.surgery;

import io.github.dl4jrvsm.core.internal.ElementwiseAffine;
import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.internal.Validate;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Moves a fitted input normalizer into the network's first layer, so that the exported model takes pixels:
 * {@code fold(model, normalizer, shape).output(x) == model.output(normalizer.transform(x))}.
 *
 * <pre>{@code
 * MultiLayerNetwork pixels = NormalizerFolding.fold(net, standardize, 1, 28, 28);
 * }</pre>
 *
 * <p>The normalizer is read as {@code z = s * x + t} ({@link ElementwiseAffine}), so a first layer {@code W z + b}
 * becomes {@code (W diag(s)) x + (W t + b)}. That is exact for a dense first layer (after any reshaping
 * pre-processor) and for a convolution without zero padding whose normalizer is constant per channel; a padded
 * convolution pads with zeros after normalization, which are {@code -t/s} in pixels, so folding it would change the
 * image border's outputs and is refused, as are other first layers.
 */
public final class NormalizerFolding {

    private static final double PER_CHANNEL_TOLERANCE = 1e-6;

    private NormalizerFolding() {
    }

    /**
     * A copy of {@code model} that takes pixels; {@code model} is not changed.
     *
     * @param exampleShape one example's input shape, without the batch dimension (e.g. {@code 1, 28, 28} or
     *                     {@code 784})
     * @throws IllegalArgumentException if the normalizer is not fitted or not element-wise affine, or the first
     *                                  layer cannot absorb it exactly (the message names the layer and why)
     */
    @SuppressWarnings("unchecked")
    public static <M extends Model> M fold(M model, DataNormalization normalizer, long... exampleShape) {
        M copy = (M) NetworkAdapter.of(model).copy();
        NetworkAdapter network = NetworkAdapter.of(copy);
        FirstLayer first = firstLayer(copy);
        Layer live = network.layer(first.layer());
        // the normalizer was fitted on data of the model's type
        ElementwiseAffine map = ElementwiseAffine.probe(normalizer, copy.params().dataType(), exampleShape);
        INDArray scale = reshaped(first.pre(), map.scale());
        INDArray shift = reshaped(first.pre(), map.shift());
        var config = first.layer().config();
        String name = first.layer().name();
        if (config instanceof ConvolutionLayer conv) {
            foldConvolution(live, conv, name, scale, shift);
        } else if (config instanceof FeedForwardLayer && live.getParam("W") != null && scale.rank() == 2) {
            foldDense(live, name, scale, shift);
        } else {
            throw new IllegalArgumentException("The first layer '" + name + "' is a " + config.getClass().getSimpleName()
                    + " taking input of rank " + scale.rank() + "; a normalizer folds into a dense layer or an "
                    + "unpadded convolution; keep it outside the model (AttackModel.withNormalizer) instead");
        }
        return copy;
    }

    private record FirstLayer(NamedLayer layer, InputPreProcessor pre) {
    }

    private static FirstLayer firstLayer(Model model) {
        NetworkAdapter network = NetworkAdapter.of(model);
        List<NamedLayer> layers = network.layers();
        return network.match(m -> new FirstLayer(layers.get(0), m.getLayerWiseConfigurations().getInputPreProcess(0)),
                g -> graphFirstLayer(g, layers));
    }

    private static FirstLayer graphFirstLayer(ComputationGraph g, List<NamedLayer> layers) {
        var conf = g.getConfiguration();
        Validate.check(conf.getNetworkInputs().size() == 1, () -> "Folding needs a graph with one input, this one has "
                + conf.getNetworkInputs());
        String input = conf.getNetworkInputs().get(0);
        List<String> readers = conf.getVertexInputs().entrySet().stream()
                .filter(e -> e.getValue().contains(input)).map(Map.Entry::getKey).toList();
        Validate.check(readers.size() == 1 && conf.getVertices().get(readers.get(0)) instanceof LayerVertex,
                () -> "The graph's input '" + input + "' is read by " + readers + "; folding needs exactly one layer "
                        + "reading it");
        String name = readers.get(0);
        LayerVertex vertex = (LayerVertex) conf.getVertices().get(name);
        NamedLayer layer = layers.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
        return new FirstLayer(layer, vertex.getPreProcessor());
    }

    /** The per-element map as the first layer sees its input: reshaping pre-processors reorder it like the data. */
    private static INDArray reshaped(InputPreProcessor pre, INDArray perExample) {
        return pre == null ? perExample : pre.preProcess(perExample.dup(), 1, LayerWorkspaceMgr.noWorkspaces()).dup();
    }

    private static void foldDense(Layer live, String name, INDArray scale, INDArray shift) {
        INDArray w = live.getParam("W");
        INDArray b = live.getParam("b");
        Validate.check(scale.length() == w.size(0), () -> "The first layer '" + name + "' takes " + w.size(0)
                + " inputs but the normalizer gives " + scale.length() + "; pass the shape the model takes");
        Validate.check(b != null || shift.amaxNumber().doubleValue() == 0, () -> "The first layer '" + name
                + "' has no bias to absorb the normalizer's shift; give it a bias (hasBias(true))");
        INDArray s = scale.reshape(-1).castTo(w.dataType());
        INDArray t = shift.reshape(1, -1).castTo(w.dataType());
        if (b != null) {
            b.addi(t.mmul(w).reshape(b.shape()));
        }
        w.muliColumnVector(s.reshape(-1, 1));
    }

    private static void foldConvolution(Layer live, ConvolutionLayer conv, String name,
                                        INDArray scale, INDArray shift) {
        Validate.check(!(conv instanceof DepthwiseConvolution2D || conv instanceof SeparableConvolution2D),
                () -> "The first layer '" + name + "' is a " + conv.getClass().getSimpleName() + "; folding supports "
                        + "a plain ConvolutionLayer or a dense first layer");
        Validate.check(conv.getConvolutionMode() != ConvolutionMode.Same
                        && Arrays.stream(conv.getPadding()).allMatch(p -> p == 0),
                () -> "The first layer '" + name + "' pads its input (mode " + conv.getConvolutionMode() + ", padding "
                        + Arrays.toString(conv.getPadding()) + "); padding zeros after normalization are not zeros "
                        + "in pixels, so the fold would not be exact: keep the normalizer outside the model "
                        + "(AttackModel.withNormalizer) or use an unpadded first convolution");
        Validate.check(scale.rank() == 4, () -> "The first layer '" + name + "' is a convolution but the examples "
                + "have shape " + Arrays.toString(Arrays.copyOfRange(scale.shape(), 1, scale.rank()))
                + "; pass the image shape, e.g. 1, 28, 28");
        int channelAxis = conv.getCnn2dDataFormat() == CNN2DFormat.NHWC ? 3 : 1;
        double[] s = perChannel(scale, channelAxis, name, "scale");
        double[] t = perChannel(shift, channelAxis, name, "shift");
        INDArray w = live.getParam("W");
        INDArray b = live.getParam("b");
        Validate.check(s.length == w.size(1), () -> "The first layer '" + name + "' takes " + w.size(1)
                + " channels but the normalizer gives " + s.length + "; pass the shape the model takes");
        boolean shifts = Arrays.stream(t).anyMatch(v -> v != 0);
        Validate.check(b != null || !shifts, () -> "The first layer '" + name + "' has no bias to absorb the "
                + "normalizer's shift; give it a bias (hasBias(true))");
        for (int c = 0; c < s.length; c++) {
            INDArray kernels = w.get(NDArrayIndex.all(), NDArrayIndex.point(c));
            if (b != null && t[c] != 0) {
                // each output channel adds t_c times the sum of its kernel over channel c
                b.addi(kernels.sum(1, 2).reshape(b.shape()).muli(t[c]));
            }
            kernels.muli(s[c]);
        }
    }

    private static double[] perChannel(INDArray map, int channelAxis, String name, String what) {
        int channels = (int) map.size(channelAxis);
        double[] out = new double[channels];
        for (int c = 0; c < channels; c++) {
            INDArray slice = map.get(channelAxis == 1
                    ? new INDArrayIndex[]{NDArrayIndex.point(0), NDArrayIndex.point(c)}
                    : new INDArrayIndex[]{NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.point(c)});
            double lo = slice.minNumber().doubleValue(), hi = slice.maxNumber().doubleValue();
            int channel = c;
            Validate.check(hi - lo <= PER_CHANNEL_TOLERANCE * (1 + Math.abs(hi)), () -> "The normalizer's " + what
                    + " varies within channel " + channel + " (" + lo + " to " + hi + "); a convolution '" + name
                    + "' can absorb only per-channel statistics; fit the normalizer per channel or keep it outside "
                    + "the model (AttackModel.withNormalizer)");
            out[c] = (lo + hi) / 2;
        }
        return out;
    }
}
