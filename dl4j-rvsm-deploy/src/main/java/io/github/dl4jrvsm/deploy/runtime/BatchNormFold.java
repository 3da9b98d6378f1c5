package io.github.dl4jrvsm.deploy.runtime;

import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

import java.util.Map;

/** Inference-mode batch norm as {@code a x + b} per channel: {@code a = gamma / sqrt(var + eps)}, {@code b = beta - a mean}. */
final class BatchNormFold {

    private BatchNormFold() {
    }

    static float[] scale(BatchNormalization bn, Map<String, INDArray> params) {
        double[] var = variance(bn, params);
        double[] gamma = bn.isLockGammaBeta() ? filled(var.length, bn.getGamma())
                : values(params.get(BatchNormalizationParamInitializer.GAMMA));
        float[] a = new float[var.length];
        for (int c = 0; c < a.length; c++) {
            a[c] = (float) (gamma[c] / Math.sqrt(var[c] + bn.getEps()));
        }
        return a;
    }

    static float[] shift(BatchNormalization bn, Map<String, INDArray> params) {
        float[] a = scale(bn, params);
        double[] mean = values(params.get(BatchNormalizationParamInitializer.GLOBAL_MEAN));
        double[] beta = bn.isLockGammaBeta() ? filled(a.length, bn.getBeta())
                : values(params.get(BatchNormalizationParamInitializer.BETA));
        float[] b = new float[a.length];
        for (int c = 0; c < b.length; c++) {
            b[c] = (float) (beta[c] - a[c] * mean[c]);
        }
        return b;
    }

    private static double[] variance(BatchNormalization bn, Map<String, INDArray> params) {
        if (bn.isUseLogStd()) {
            double[] log10Std = values(params.get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD));
            double[] var = new double[log10Std.length];
            for (int c = 0; c < var.length; c++) {
                double std = Math.pow(10, log10Std[c]);
                var[c] = std * std;
            }
            return var;
        }
        return values(params.get(BatchNormalizationParamInitializer.GLOBAL_VAR));
    }

    private static double[] values(INDArray a) {
        return a.dup('c').castTo(DataType.DOUBLE).data().asDouble();
    }

    private static double[] filled(int n, double v) {
        double[] out = new double[n];
        Arrays.fill(out, v);
        return out;
    }
}
