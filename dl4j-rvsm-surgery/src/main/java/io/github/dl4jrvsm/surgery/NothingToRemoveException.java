package io.github.dl4jrvsm.surgery;

/**
 * The model has no channel the surgery can remove; the message says why for every space with constant channels,
 * or that no convolution or dense layer has a zero output channel. Callers should write nothing.
 */
public class NothingToRemoveException extends IllegalStateException {

    public NothingToRemoveException(String message) {
        super(message);
    }
}
