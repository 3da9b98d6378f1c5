/**
 * Sparsity penalties and their proximal operators, one class per penalty behind {@link
 * io.github.dl4jrvsm.core.prox.Penalty}: element-wise l0, l1 and transformed l1, and group lasso, group l0 and the
 * mixed group l0 + group lasso penalty over the channels or neurons chosen by {@link
 * io.github.dl4jrvsm.core.prox.ChannelGrouping}. Each zeroes what lies at or below a threshold and can say which lambda
 * puts that threshold where a caller wants it ({@link io.github.dl4jrvsm.core.prox.ThresholdPenalty}).
 */
package io.github.dl4jrvsm.core.prox;
