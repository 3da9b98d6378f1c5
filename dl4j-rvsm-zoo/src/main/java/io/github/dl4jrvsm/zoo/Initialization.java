package io.github.dl4jrvsm.zoo;

/**
 * How a zoo model draws its initial weights. The scale of the initial weights decides how many fall under a sparse
 * method's threshold, so the dissertation's lambda and beta mean what they meant there only with its initialisation.
 */
public enum Initialization {
    /**
     * As the authors' PyTorch code (the default): where it does not initialise a layer itself, PyTorch's default
     * {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))}, which is DL4J's {@code WeightInit.UNIFORM}; the ResNets' convolutions
     * (which their code initialises explicitly) He normal scaled by the fan-out ({@link HeFanOutNormal}). Biases
     * start at zero (PyTorch draws them from the same uniform; DL4J initialises biases with a constant).
     */
    AUTHORS,
    /** This library's earlier default: {@link HeFanOutNormal} for every convolution, Xavier for dense layers. */
    LIBRARY
}
