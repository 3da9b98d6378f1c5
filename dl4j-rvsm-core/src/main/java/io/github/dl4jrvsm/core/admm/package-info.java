/**
 * The ADMM pruning baseline: a loss term pulling weights towards a magnitude projection with a dual variable, then
 * a hard prune and masked retraining.
 */
package io.github.dl4jrvsm.core.admm;
