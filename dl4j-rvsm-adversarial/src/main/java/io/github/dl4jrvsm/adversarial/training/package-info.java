/**
 * Adversarial training as iterator wrappers: batches replaced by attacks against the current model, composable with
 * the core's sparse methods in the same training step.
 */
package io.github.dl4jrvsm.adversarial.training;
