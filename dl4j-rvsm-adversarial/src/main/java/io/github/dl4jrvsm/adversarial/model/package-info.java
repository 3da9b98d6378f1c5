/**
 * The view of a DL4J network that attacks use: logits, probabilities, per-example losses and input gradients in
 * inference (or training) mode, for MultiLayerNetwork and ComputationGraph alike, with counts of the passes served.
 * The losses (cross-entropy, margin, DLR, targeted DLR, logit difference) sit in the output layer of a private copy of
 * the network, so that one DL4J backward pass gives an attack its gradient, loss values and logits together.
 */
package io.github.dl4jrvsm.adversarial.model;
