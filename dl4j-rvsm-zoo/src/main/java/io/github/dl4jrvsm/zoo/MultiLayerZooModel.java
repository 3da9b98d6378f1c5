package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** A zoo model that DL4J builds as a {@link MultiLayerNetwork}; only its configuration differs from the others'. */
public abstract class MultiLayerZooModel<B extends MultiLayerZooModel<B>> extends ZooModel<B> {

    /** The configuration for the current settings. */
    public abstract MultiLayerConfiguration conf();

    @Override
    public final MultiLayerNetwork init() {
        return initialised(new MultiLayerNetwork(conf()));
    }
}
