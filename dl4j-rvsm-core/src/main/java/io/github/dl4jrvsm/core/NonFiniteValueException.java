package io.github.dl4jrvsm.core;

/** Training met NaN or infinite weights or gradients; the message names the layer and the iteration. */
public class NonFiniteValueException extends IllegalStateException {

    private final String layerName;

    public NonFiniteValueException(String layerName, String message) {
        super(message);
        this.layerName = layerName;
    }

    /** The layer whose values were not finite ({@code null} when the regularization was not bound to a layer). */
    public String getLayerName() {
        return layerName;
    }
}
