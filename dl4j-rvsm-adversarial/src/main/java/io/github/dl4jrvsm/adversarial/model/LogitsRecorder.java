package io.github.dl4jrvsm.adversarial.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Wraps the loss of a gradient network's output layer and keeps a copy of the logits of the last backward pass, so
 * that one forward-backward pass gives an attack the gradient, the loss values and the predictions together (APGD
 * needs all three at every iterate; a separate forward pass for them would cost a third more).
 */
public final class LogitsRecorder implements ILossFunction {

    private final ILossFunction inner;
    private transient INDArray logits;

    public LogitsRecorder(ILossFunction inner) {
        this.inner = inner;
    }

    /** The logits seen by the last gradient computation (outside any workspace), or null; reading clears them. */
    INDArray take() {
        INDArray l = logits;
        logits = null;
        return l;
    }

    private void record(INDArray preOutput) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            logits = preOutput.dup();
        }
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return inner.computeScoreArray(labels, preOutput, activationFn, mask);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        return inner.computeScore(labels, preOutput, activationFn, mask, average);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        record(preOutput);
        return inner.computeGradient(labels, preOutput, activationFn, mask);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        record(preOutput);
        return inner.computeGradientAndScore(labels, preOutput, activationFn, mask, average);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogitsRecorder r && r.inner.equals(inner);
    }

    @Override
    public int hashCode() {
        return inner.hashCode() * 7;
    }

    @Override
    public String toString() {
        return "LogitsRecorder(" + inner + ")";
    }
}
