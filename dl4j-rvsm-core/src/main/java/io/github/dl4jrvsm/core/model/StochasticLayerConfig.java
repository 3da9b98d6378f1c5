package io.github.dl4jrvsm.core.model;

import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * A layer configuration whose forward pass draws random numbers, possibly also at inference (such as the Gaussian
 * noise of EnResNet's residual blocks).
 *
 * <p>Tools that run a training-mode forward pass but need the inference behaviour (the attacks' gradient networks, for
 * instance, which must differentiate the model as it is evaluated) replace such a layer by
 * {@link #inferenceBehaviourForTraining()}; evaluation reports whether a model is randomised.
 */
public interface StochasticLayerConfig {

    /** Whether the layer is random when the network runs in inference mode. */
    boolean isStochasticAtInference();

    /** A copy whose training-mode pass behaves as this layer's inference pass. */
    Layer inferenceBehaviourForTraining();
}
