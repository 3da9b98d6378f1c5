/**
 * Channel surgery: cuts zero output channels (filters, neurons) out of a trained network and builds a new, smaller
 * dense DL4J network with the same outputs.
 *
 * <p>Why a package of its own: group-sparse training (RGSM) only zeroes weights; DL4J has no sparse kernels, so the
 * network gets faster and smaller only once the zero channels are physically removed, with the consumers' inputs,
 * the batch-norm parameters and the residual joins following. The steps, one class each:
 * {@link io.github.dl4jrvsm.surgery.ChannelGraph} (one node view of MultiLayerNetwork and ComputationGraph),
 * {@link io.github.dl4jrvsm.surgery.ChannelConstants} (which channels are input-independent constants, and their
 * value), {@link io.github.dl4jrvsm.surgery.ChannelSpaces} (channels that must be removed together, e.g. across
 * residual adds), {@link io.github.dl4jrvsm.surgery.SurgeryPlanner} (what is removed, folded or kept and why),
 * {@link io.github.dl4jrvsm.surgery.NetworkRebuilder} (the new network) and
 * {@link io.github.dl4jrvsm.surgery.ChannelSurgery}, the entry point. {@link
 * io.github.dl4jrvsm.surgery.SurgeryReport} compares parameters, FLOPs, file size and measured latency.
 *
 * <p>{@link io.github.dl4jrvsm.surgery.BatchNormFolding} is the inference-time companion: it merges each batch
 * norm that directly follows a convolution or dense layer into that layer ({@code FoldAnalysis} decides,
 * {@code FoldedParams} computes, {@code FoldRebuilder} builds), because on the CPU backend an unfolded batch norm
 * keeps a pruned network's latency from following its FLOPs. {@link io.github.dl4jrvsm.surgery.NormalizerFolding}
 * does the same for a fitted input normalizer, so that an exported model takes pixels.
 */
package io.github.dl4jrvsm.surgery;
