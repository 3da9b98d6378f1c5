package io.github.dl4jrvsm.adversarial.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The objective an attack climbs, a function of the logits {@code z}. All are per example and are to be
 * <em>increased</em> by an untargeted attack (with the true label) and <em>decreased</em> by a targeted one (with the
 * target label), except {@link #TARGETED_DLR} and {@link #LOGIT_DIFFERENCE}, which an attack increases and whose
 * labels carry both classes (see {@link #pairLabels}).
 */
public enum AttackLoss {
    /** Softmax cross-entropy of the logits. */
    CROSS_ENTROPY,
    /** Carlini-Wagner margin {@code max_{i != y} z_i - z_y} on the logits {@code z}. */
    MARGIN,
    /**
     * Difference of logits ratio (Croce and Hein 2020): {@code -(z_y - max_{i != y} z_i) / (z_pi1 - z_pi3)}, with
     * {@code z_pi1 >= z_pi2 >= ...} the sorted logits. Unchanged by shifting and by positive scaling of the logits,
     * so a saturated softmax or a scaled output layer cannot hide a gradient from it. Needs 3 classes.
     */
    DLR,
    /**
     * Targeted DLR: {@code -(z_y - z_t) / (z_pi1 - (z_pi3 + z_pi4) / 2)} for the true class {@code y} and a target
     * {@code t}, climbed to reach {@code t}. Its labels are {@link #pairLabels}; needs 4 classes.
     */
    TARGETED_DLR,
    /**
     * {@code z_t - z_y} for the true class {@code y} and a target {@code t} (labels {@link #pairLabels}): the
     * linearised decision boundary FAB-T projects onto.
     */
    LOGIT_DIFFERENCE;

    /**
     * The label rows of a loss that needs two classes per example: {@code +1} at the true class, {@code -1} at the
     * target, as one array so that the loss can sit in a network's output layer like any other.
     */
    public static INDArray pairLabels(INDArray trueLabels, INDArray targets) {
        return trueLabels.sub(targets);
    }

    /** Per-example values of this loss for the given logits, {@code [n]}. */
    public INDArray values(INDArray logits, INDArray labels) {
        return LogitLosses.values(this, logits, labels);
    }
}
