package io.github.dl4jrvsm.deploy;

/**
 * How the non-zero weights of convolution and dense layers are stored. Biases and batch-norm parameters are always
 * kept at full precision: they are few, and batch-norm variances span a range fp16 and int8 cannot hold.
 */
public enum Quantization {
    /** The exact float values: loading gives a network with the same parameters (-0.0 comes back as 0.0). */
    NONE,
    /** IEEE half precision, round to nearest even: relative error at most 2^-11 for values in fp16's normal range. */
    FP16,
    /**
     * Symmetric int8 per output channel (filter or neuron): {@code q = round(w / s)}, {@code s = max|w| / 127} over
     * the channel, as in TensorFlow Lite's and PyTorch's per-channel weight quantization. Error at most {@code s/2}.
     */
    INT8
}
