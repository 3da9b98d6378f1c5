package io.github.dl4jrvsm.core.internal;

import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Map;

/**
 * An inference-mode batch norm as the per-channel affine map {@code y = scale * x + shift}, with
 * {@code scale = gamma / sqrt(var + eps)} and {@code shift = beta - scale * mean}, in double precision. Every place
 * that folds batch norm (channel surgery, the attacks' gradient twin, the sparse runtime) reads it from here, so the
 * log-std variant and locked gamma/beta are handled once.
 *
 * @param scale one value per channel, {@code [C]}
 * @param shift one value per channel, {@code [C]}
 */
public record BatchNormAffine(INDArray scale, INDArray shift) {

    /** From a batch-norm configuration and its layer's parameters ({@code paramTable()}). */
    public static BatchNormAffine of(BatchNormalization conf, Map<String, INDArray> params) {
        INDArray mean = vector(params.get(BatchNormalizationParamInitializer.GLOBAL_MEAN));
        long n = mean.length();
        INDArray gamma = conf.isLockGammaBeta() ? Nd4j.valueArrayOf(new long[]{n}, conf.getGamma(), DataType.DOUBLE)
                : vector(params.get(BatchNormalizationParamInitializer.GAMMA));
        INDArray beta = conf.isLockGammaBeta() ? Nd4j.valueArrayOf(new long[]{n}, conf.getBeta(), DataType.DOUBLE)
                : vector(params.get(BatchNormalizationParamInitializer.BETA));
        INDArray scale = gamma.divi(Transforms.sqrt(variance(conf, params).addi(conf.getEps()), false));
        return new BatchNormAffine(scale, beta.subi(mean.mul(scale)));
    }

    private static INDArray variance(BatchNormalization conf, Map<String, INDArray> params) {
        if (conf.isUseLogStd()) {
            INDArray log10std = vector(params.get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD));
            INDArray std = Transforms.pow(Nd4j.valueArrayOf(log10std.shape(), 10.0, DataType.DOUBLE), log10std, false);
            return std.muli(std);
        }
        return vector(params.get(BatchNormalizationParamInitializer.GLOBAL_VAR));
    }

    private static INDArray vector(INDArray v) {
        if (v == null) {
            throw new IllegalStateException("batch norm parameter missing; is the network initialised?");
        }
        return v.castTo(DataType.DOUBLE).dup().reshape(v.length());
    }
}
