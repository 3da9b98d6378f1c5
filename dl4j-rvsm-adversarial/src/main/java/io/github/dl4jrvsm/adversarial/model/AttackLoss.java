package io.github.dl4jrvsm.adversarial.model;

/**
 * The objective an attack climbs. Both are per example and are to be <em>increased</em> by an untargeted attack
 * (with the true label) and <em>decreased</em> by a targeted one (with the target label).
 */
public enum AttackLoss {
    /** Softmax cross-entropy of the logits. */
    CROSS_ENTROPY,
    /** Carlini-Wagner margin {@code max_{i != y} z_i - z_y} on the logits {@code z}. */
    MARGIN
}
