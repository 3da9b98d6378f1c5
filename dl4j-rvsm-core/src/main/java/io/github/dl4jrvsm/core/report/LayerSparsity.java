package io.github.dl4jrvsm.core.report;

/**
 * Sparsity of one convolution or dense layer's weight, and its size before and after removing zero channels.
 *
 * <p>A channel counts as zero when the l2 norm of its weights is below {@value SparsityReport#CHANNEL_ZERO_NORM} (the
 * dissertation's definition). "Pruned" figures assume every zero output channel (filter, neuron) and every zero input
 * channel of this layer is cut out of it; whether the neighbouring layers can follow is the surgery step's business.
 *
 * @param name               layer name
 * @param type               layer class, e.g. {@code ConvolutionLayer}
 * @param weights            number of weights
 * @param zeroWeights        weights that are exactly 0
 * @param outputChannels     filters (convolution) or neurons (dense)
 * @param zeroOutputChannels output channels with zero norm
 * @param inputChannels      input channels or input neurons
 * @param zeroInputChannels  input channels with zero norm
 * @param params             all parameters of the layer (weights and bias)
 * @param prunedParams       parameters left after removing zero channels
 * @param flops              floating-point operations of one forward pass of one example (2 per multiply-add)
 * @param prunedFlops        the same after removing zero channels
 */
public record LayerSparsity(String name, String type, long weights, long zeroWeights, long outputChannels,
                            long zeroOutputChannels, long inputChannels, long zeroInputChannels, long params,
                            long prunedParams, long flops, long prunedFlops) {

    public double sparsity() {
        return weights == 0 ? 0 : (double) zeroWeights / weights;
    }

    public double outputChannelSparsity() {
        return outputChannels == 0 ? 0 : (double) zeroOutputChannels / outputChannels;
    }

    public double inputChannelSparsity() {
        return inputChannels == 0 ? 0 : (double) zeroInputChannels / inputChannels;
    }
}
