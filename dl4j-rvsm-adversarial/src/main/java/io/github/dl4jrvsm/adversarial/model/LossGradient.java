package io.github.dl4jrvsm.adversarial.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one forward-backward pass of an attack loss gives: per-example loss values, the logits and each example's
 * input gradient (averaged over the EOT samples for randomised models, as are the values and logits).
 *
 * @param losses   {@code [n]}
 * @param logits   {@code [n, classes]}
 * @param gradient same shape as the input
 */
public record LossGradient(INDArray losses, INDArray logits, INDArray gradient) {
}
