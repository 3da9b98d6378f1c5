/**
 * DL4J early stopping for robust, sparse models: a score calculator that measures accuracy under attack on held-out
 * data, to be used with {@code io.github.dl4jrvsm.core.training.SparseModelSaver}, which saves the sparse export.
 */
package io.github.dl4jrvsm.adversarial.earlystopping;
