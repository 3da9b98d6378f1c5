package io.github.dl4jrvsm.adversarial.attack;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What an attack produced for a batch.
 *
 * @param adversarial the adversarial images, same shape as the input, in [0, 1]
 * @param success     per example: the attack's goal holds for {@code adversarial} (misclassified, or classified as
 *                    the target)
 */
public record AttackResult(INDArray adversarial, boolean[] success) {

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
