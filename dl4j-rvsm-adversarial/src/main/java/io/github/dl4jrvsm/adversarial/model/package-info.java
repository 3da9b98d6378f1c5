/**
 * The view of a DL4J network that attacks use: probabilities, per-example losses and input gradients in inference
 * (or training) mode, for MultiLayerNetwork and ComputationGraph alike.
 */
package io.github.dl4jrvsm.adversarial.model;
