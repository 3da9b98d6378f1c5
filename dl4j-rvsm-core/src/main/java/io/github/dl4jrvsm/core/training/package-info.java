/**
 * Wiring the sparse methods into DL4J training: {@link io.github.dl4jrvsm.core.training.SparseTraining} (the
 * one-line entry point), layer selection and validation, the epoch-end projection {@code w := u}, batch-norm
 * re-estimation, export of the final sparse network, and the NaN/Inf guard.
 */
package io.github.dl4jrvsm.core.training;
