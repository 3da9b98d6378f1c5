package io.github.dl4jrvsm.adversarial.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * The Carlini-Wagner margin {@code max_{i != y} z_i - z_y} as a DL4J loss on the logits {@code z} (the output layer's
 * activation must be the identity). Used only inside the gradient networks of the attacks; never trained with.
 */
public final class MarginLossFunction implements ILossFunction {

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray z = activationFn.getActivation(preOutput.dup(), false);
        return margins(labels, z);
    }

    /** Per example {@code max_{i != y} z_i - z_y}, as a column {@code [n, 1]}; {@code labels} one-hot. */
    public static INDArray margins(INDArray labels, INDArray z) {
        long n = z.size(0);
        INDArray out = Nd4j.create(z.dataType(), n, 1);
        for (long i = 0; i < n; i++) {
            int y = labels.getRow(i).argMax().getInt(0);
            out.putScalar(i, 0, z.getDouble(i, other(z, i, y)) - z.getDouble(i, y));
        }
        return out;
    }

    /** The index of the largest logit of example {@code i} other than {@code y}. */
    static int other(INDArray z, long i, int y) {
        int best = -1;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < z.size(1); c++) {
            double v = z.getDouble(i, c);
            if (c != y && v > max) {
                max = v;
                best = c;
            }
        }
        return best;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / preOutput.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray z = activationFn.getActivation(preOutput.dup(), true);
        INDArray dz = Nd4j.zeros(z.dataType(), z.shape());
        for (long i = 0; i < z.size(0); i++) {
            int y = labels.getRow(i).argMax().getInt(0);
            dz.putScalar(i, y, -1.0);
            dz.putScalar(i, other(z, i, y), 1.0);
        }
        return activationFn.backprop(preOutput.dup(), dz).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "margin";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarginLossFunction;
    }

    @Override
    public int hashCode() {
        return 17;
    }

    @Override
    public String toString() {
        return "MarginLossFunction()";
    }
}
