package io.github.dl4jrvsm.surgery;

import io.github.dl4jrvsm.core.internal.BatchNormAffine;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.Map;

/**
 * The arithmetic of folding one inference-mode batch norm into the layer before it: with
 * {@code s = gamma / sqrt(var + eps)} per channel, {@code W' = W * s} (per output channel) and
 * {@code b' = (b - mean) * s + beta} ({@code b = 0} for a layer without bias).
 *
 * <p>Computed in double and cast back, so the folded network differs from the original only by the rounding of
 * one multiplication instead of a convolution followed by a normalisation. The running variance is read the way
 * the layer stores it: DL4J's default since 1.0.0-beta4 is {@code useLogStd}, a {@code log10stdev} parameter
 * ({@code var = (10^p)^2}); older configurations keep {@code var}. Locked gamma/beta come from the configuration.
 */
final class FoldedParams {

    private FoldedParams() {
    }

    /**
     * The producer's new {@code W} and {@code b}.
     *
     * @param producer the convolution ({@code W} is {@code [out, in, kh, kw]}) or dense ({@code [in, out]}) params
     * @param dense    whether the producer is a dense layer
     */
    static Map<String, INDArray> fold(Map<String, INDArray> producer, boolean dense, BatchNormalization conf,
                                      Map<String, INDArray> bn) {
        INDArray w = producer.get("W");
        DataType type = w.dataType();
        BatchNormAffine affine = BatchNormAffine.of(conf, bn);
        INDArray scale = affine.scale();
        int n = (int) scale.length();

        long out = dense ? w.size(1) : w.size(0);
        if (out != n) {
            throw new IllegalStateException("producer has " + out + " output channels, batch norm " + n);
        }
        INDArray wd = w.castTo(DataType.DOUBLE).dup('c');
        INDArray folded = dense ? wd.mulRowVector(scale.reshape(1, n))
                : wd.reshape('c', n, wd.length() / n).mulColumnVector(scale.reshape(n, 1)).reshape('c', w.shape());
        INDArray b = producer.containsKey("b") ? vector(producer.get("b")) : Nd4j.zeros(DataType.DOUBLE, n);
        INDArray bias = b.mul(scale).addi(affine.shift());

        Map<String, INDArray> params = new HashMap<>();
        params.put("W", folded.castTo(type));
        params.put("b", bias.reshape(1, n).castTo(type));
        return params;
    }

    private static INDArray vector(INDArray v) {
        if (v == null) {
            throw new IllegalStateException("batch norm parameter missing; is the network initialised?");
        }
        return v.castTo(DataType.DOUBLE).dup().reshape(v.length());
    }
}
