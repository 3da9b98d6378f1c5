package io.github.dl4jrvsm.adversarial.attack;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What an attack produced for a batch.
 *
 * @param adversarial    the adversarial images, same shape as the input, in [0, 1]
 * @param success        per example: the attack's criterion holds for {@code adversarial} (misclassified, or
 *                       classified as the target)
 * @param forwardPasses  examples passed forward through the model without a gradient, summed over the attack (a batch
 *                       of 32 counts 32)
 * @param backwardPasses examples passed forward and backward for an input gradient, summed likewise (with
 *                       expectation over transformation, every sample counts)
 */
public record AttackResult(INDArray adversarial, boolean[] success, long forwardPasses, long backwardPasses) {

    /** A result whose cost was not counted. */
    public AttackResult(INDArray adversarial, boolean[] success) {
        this(adversarial, success, 0, 0);
    }

    public int successes() {
        int n = 0;
        for (boolean s : success) {
            n += s ? 1 : 0;
        }
        return n;
    }

    /** Share of examples the attack did not succeed on (robust accuracy when all were classified correctly). */
    public double failureRate() {
        return success.length == 0 ? 0 : 1.0 - (double) successes() / success.length;
    }
}
