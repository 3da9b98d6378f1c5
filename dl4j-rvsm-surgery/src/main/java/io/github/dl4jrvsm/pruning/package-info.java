/**
 * The two channel-pruning baselines the dissertation compares RGSM with (Table 4.3): network slimming
 * ({@link io.github.dl4jrvsm.pruning.NetworkSlimming}, Liu et al. 2017: l1 on batch-norm gammas during
 * training, a global |gamma| threshold, then fine-tuning or retraining from scratch) and l1-norm filter pruning
 * ({@link io.github.dl4jrvsm.pruning.L1FilterPruning}, Li et al. 2017: per layer, the filters with the smallest
 * l1 norm, then fine-tuning).
 *
 * <p>Why they share one pipeline: a criterion only produces a
 * {@link io.github.dl4jrvsm.pruning.ChannelSelection}; {@link io.github.dl4jrvsm.pruning.ChannelMasking}
 * zeroes those channels (filter, bias, batch-norm gamma and beta), and
 * {@link io.github.dl4jrvsm.pruning.ChannelPruner} cuts them out with the existing
 * {@link io.github.dl4jrvsm.surgery.ChannelSurgery}, so the pruned baselines and RGSM end in the same kind of
 * smaller dense network and are measured with the same report.
 * {@link io.github.dl4jrvsm.pruning.PrunedModel} offers the pruned network with inherited weights
 * (fine-tuning) and {@link io.github.dl4jrvsm.pruning.ScratchRetraining} the same architecture re-initialised.
 *
 * <p>How much to prune where: {@link io.github.dl4jrvsm.pruning.SensitivityAnalysis} (as Distiller's) prunes one
 * layer at a time by magnitude, weights or filters ({@link io.github.dl4jrvsm.pruning.PruningStructure}), at
 * several levels and measures the accuracy each time; its {@link io.github.dl4jrvsm.pruning.SensitivityResult} gives
 * per-layer rates for the criteria above.
 */
package io.github.dl4jrvsm.pruning;
