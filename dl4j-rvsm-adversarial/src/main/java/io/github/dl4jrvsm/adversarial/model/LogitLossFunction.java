package io.github.dl4jrvsm.adversarial.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import java.util.Locale;

/**
 * Any attack loss but the cross-entropy (which the model's own output layer computes) as a DL4J loss on the logits (the output layer's activation must be the identity), so that a gradient network's backward pass yields its
 * input gradient. Used only inside the gradient networks of the attacks; never trained with.
 */
public final class LogitLossFunction implements ILossFunction {

    private final AttackLoss loss;

    /** For JSON deserialisation: DLR. */
    public LogitLossFunction() {
        this(AttackLoss.DLR);
    }

    public LogitLossFunction(AttackLoss loss) {
        if (loss == null || loss == AttackLoss.CROSS_ENTROPY) {
            throw new IllegalArgumentException("LogitLossFunction computes MARGIN, DLR, TARGETED_DLR or "
                    + "LOGIT_DIFFERENCE, got " + loss + "; the cross-entropy is the model's own softmax loss");
        }
        this.loss = loss;
    }

    private AttackLoss loss() {
        return loss;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray z = activationFn.getActivation(preOutput.dup(), false);
        return LogitLosses.values(loss(), z, labels).reshape(z.size(0), 1);
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
        double[][] logits = HostArrays.rows(z), l = HostArrays.rows(labels);
        double[][] dz = new double[logits.length][logits[0].length];
        for (int i = 0; i < logits.length; i++) {
            LogitLosses.gradient(loss(), logits[i], l[i], dz[i]);
        }
        return activationFn.backprop(preOutput.dup(), Nd4j.create(dz).castTo(z.dataType())).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return loss.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogitLossFunction f && f.loss == loss;
    }

    @Override
    public int hashCode() {
        return loss.hashCode();
    }

    @Override
    public String toString() {
        return "LogitLossFunction(" + loss + ")";
    }
}
