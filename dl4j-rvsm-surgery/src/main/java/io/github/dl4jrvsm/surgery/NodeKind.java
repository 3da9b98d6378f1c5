package io.github.dl4jrvsm.surgery;

/**
 * What a node does to the channels of its input, which is all the surgery needs to know about it.
 *
 * <p>Anything not listed is {@link #OTHER}: its inputs and output keep every channel, because the surgery cannot
 * know how it mixes them (it is named in the report when that blocks a removal).
 */
public enum NodeKind {
    /** A network input: its channels are the data's and never change. */
    INPUT,
    /** 2-D convolution, dense or output layer: reads channels through a weight and produces new ones. */
    PRODUCER,
    /** Batch normalisation: a per-channel affine map at inference (DL4J ignores an activation set on it). */
    BATCH_NORM,
    /** An element-wise activation layer. */
    ACTIVATION,
    /** 2-D pooling: per channel; a constant map stays constant where padding cannot enter the window. */
    POOLING,
    /** Global pooling: one value per channel. */
    GLOBAL_POOLING,
    /** Dropout layer: the identity at inference. */
    DROPOUT,
    /**
     * A graph's {@code PreprocessorVertex} with a {@code CnnToFeedForwardPreProcessor} (how a functional Keras
     * model's {@code Flatten} imports): the same channels, each spread over height x width features.
     */
    FLATTEN,
    /** Element-wise vertex (add, subtract, average, product, max): joins the channel spaces of its inputs. */
    ELEMENT_WISE,
    /** Any other layer or vertex. */
    OTHER
}
