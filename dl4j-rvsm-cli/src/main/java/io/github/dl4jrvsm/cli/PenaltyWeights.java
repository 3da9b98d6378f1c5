package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.prox.ChannelGrouping;

/**
 * What a {@link PenaltyChoice} needs to build its penalty; each penalty reads only its own weights.
 *
 * @param lambda   the penalty weight (RGSM's group-l0 weight lambda1)
 * @param lambda2  the group-lasso weight of group-l0-lasso
 * @param a        the transformed-l1 shape parameter
 * @param grouping the channel groups of the group penalties
 */
record PenaltyWeights(double lambda, double lambda2, double a, ChannelGrouping grouping) {
}
