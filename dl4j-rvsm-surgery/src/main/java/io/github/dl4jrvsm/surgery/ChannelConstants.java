package io.github.dl4jrvsm.surgery;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For every node output, which channels are the same number for every input and every position, and that number.
 *
 * <p>Why: a zero filter does not make a zero channel. Its bias, the batch-norm shift after it and the activation
 * turn it into a constant map, which the consumer still adds up. Removing the channel is exact only if that constant
 * is carried into the consumer, so it is followed here, in inference mode, through every per-channel step: batch
 * norm (running statistics; DL4J ignores an activation set on batch norm), element-wise activations, pooling
 * without padding (max pooling ignores padding; average pooling with padding does not give a constant) and global
 * average or max pooling, and through element-wise vertices. {@code NaN} means "not a constant".
 */
public final class ChannelConstants {

    private final Map<String, double[]> values;

    private ChannelConstants(Map<String, double[]> values) {
        this.values = values;
    }

    /** The constants of every node output of {@code model}, whose graph is {@code graph}. */
    public static ChannelConstants of(Model model, ChannelGraph graph) {
        Map<String, double[]> v = new HashMap<>();
        for (ChannelNode n : graph.nodes()) {
            v.put(n.name(), compute(model, n, n.inputs().stream().map(v::get).toList()));
        }
        return new ChannelConstants(v);
    }

    /** Per-channel constants of the node's output (NaN: not constant), or null when its width is unknown. */
    public double[] of(String node) {
        double[] d = values.get(node);
        return d == null ? null : d.clone();
    }

    private static double[] compute(Model model, ChannelNode n, List<double[]> in) {
        double[] first = in.isEmpty() ? null : in.get(0);
        switch (n.kind()) {
            case PRODUCER:
                return producer(model, n);
            case BATCH_NORM:
                return first == null ? null : batchNorm(model, n, first);
            case ACTIVATION:
                return first == null ? null : ScalarActivation.apply(((ActivationLayer) n.layer()).getActivationFn(), first);
            case POOLING:
                return first == null ? null : keepsConstants((SubsamplingLayer) n.layer()) ? first.clone() : nan(first.length);
            case GLOBAL_POOLING: {
                PoolingType t = ((GlobalPoolingLayer) n.layer()).getPoolingType();
                return first == null ? null : t == PoolingType.AVG || t == PoolingType.MAX ? first.clone() : nan(first.length);
            }
            case DROPOUT, FLATTEN:
                return first == null ? null : first.clone();
            case ELEMENT_WISE:
                return elementWise(((ElementWiseVertex) n.vertex()).getOp(), in);
            default:
                return null;
        }
    }

    /** Output channel {@code o} is constant iff its weights are all zero: then it is {@code act(b[o])}. */
    private static double[] producer(Model model, ChannelNode n) {
        Map<String, INDArray> p = LiveParams.of(model, n);
        INDArray w = p.get("W");
        boolean dense = w.rank() == 2;
        int outAxis = dense ? 1 : 0;
        int nOut = (int) w.size(outAxis);
        int[] reduce = dense ? new int[]{0} : new int[]{1, 2, 3};
        double[] absSum = Transforms.abs(w, true).castTo(DataType.DOUBLE).sum(reduce)
                .toDoubleVector();
        double[] b = p.containsKey("b") ? p.get("b").castTo(DataType.DOUBLE).reshape(nOut).toDoubleVector() : new double[nOut];
        double[] pre = new double[nOut];
        for (int o = 0; o < nOut; o++) {
            pre[o] = absSum[o] == 0 ? b[o] : Double.NaN;
        }
        return ScalarActivation.apply(((BaseLayer) n.layer()).getActivationFn(), pre);
    }

    /** {@code gamma * (x - mean) / sqrt(var + eps) + beta}, DL4J's inference-mode batch norm. */
    private static double[] batchNorm(Model model, ChannelNode n, double[] x) {
        Map<String, INDArray> p = LiveParams.of(model, n);
        BatchNormalization conf = (BatchNormalization) n.layer();
        double[] gamma = vector(p.get(BatchNormalizationParamInitializer.GAMMA));
        double[] beta = vector(p.get(BatchNormalizationParamInitializer.BETA));
        double[] mean = vector(p.get(BatchNormalizationParamInitializer.GLOBAL_MEAN));
        double[] var;
        if (conf.isUseLogStd()) {
            double[] log10std = vector(p.get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD));
            var = new double[log10std.length];
            for (int i = 0; i < var.length; i++) {
                double s = Math.pow(10, log10std[i]);
                var[i] = s * s;
            }
        } else {
            var = vector(p.get(BatchNormalizationParamInitializer.GLOBAL_VAR));
        }
        double[] out = new double[x.length];
        for (int c = 0; c < x.length; c++) {
            out[c] = gamma[c] * (x[c] - mean[c]) / Math.sqrt(var[c] + conf.getEps()) + beta[c];
        }
        return out;
    }

    /** Whether a constant map stays the same constant: max pooling always, other pooling only without padding. */
    static boolean keepsConstants(SubsamplingLayer s) {
        if (s.getPoolingType() == PoolingType.MAX) {
            return true;
        }
        boolean padded = s.getConvolutionMode() == ConvolutionMode.Same
                || Arrays.stream(s.getPadding()).anyMatch(p -> p != 0);
        return s.getPoolingType() == PoolingType.AVG && !padded;
    }

    private static double[] elementWise(ElementWiseVertex.Op op, List<double[]> in) {
        if (in.isEmpty() || in.stream().anyMatch(a -> a == null || a.length != in.get(0).length)) {
            return null;
        }
        int n = in.get(0).length;
        double[] out = new double[n];
        for (int c = 0; c < n; c++) {
            double acc = in.get(0)[c];
            for (int k = 1; k < in.size(); k++) {
                double x = in.get(k)[c];
                acc = switch (op) {
                    case Add, Average -> acc + x;
                    case Subtract -> acc - x;
                    case Product -> acc * x;
                    case Max -> Math.max(acc, x);
                };
            }
            out[c] = op == ElementWiseVertex.Op.Average ? acc / in.size() : acc;
        }
        return out;
    }

    private static double[] vector(INDArray a) {
        return a.castTo(DataType.DOUBLE).reshape(a.length()).toDoubleVector();
    }

    private static double[] nan(int n) {
        double[] d = new double[n];
        Arrays.fill(d, Double.NaN);
        return d;
    }
}
