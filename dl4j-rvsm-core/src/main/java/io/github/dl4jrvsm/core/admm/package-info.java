/**
 * The ADMM pruning baseline: a coupling term pulling weights towards a magnitude projection, with a dual variable.
 * As the dissertation's authors compared it, the coupling acts beside the updater and nothing is hard-pruned until
 * export; Zhang et al.'s variant adds a hard prune after a set number of ADMM iterations and masked retraining.
 */
package io.github.dl4jrvsm.core.admm;
