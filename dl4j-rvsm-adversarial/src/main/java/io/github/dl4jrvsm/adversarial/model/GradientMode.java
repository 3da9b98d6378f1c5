package io.github.dl4jrvsm.adversarial.model;

/**
 * Which function of the model an attack differentiates.
 *
 * <p>{@link #INFERENCE} (the default, and the only sound choice for evaluation) differentiates the model as it is
 * scored: batch norm on its running statistics, dropout off, layers that are random at inference (EnResNet noise)
 * random. {@link #TRAINING} differentiates the training-mode forward pass (batch statistics, dropout on), as the
 * dissertation's reference code did when making adversarial examples for training.
 */
public enum GradientMode {
    INFERENCE,
    TRAINING
}
