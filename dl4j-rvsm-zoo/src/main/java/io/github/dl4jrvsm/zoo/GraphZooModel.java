package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** A zoo model that DL4J builds as a {@link ComputationGraph}; only its configuration differs from the others'. */
public abstract class GraphZooModel<B extends GraphZooModel<B>> extends ZooModel<B> {

    /** The configuration for the current settings. */
    public abstract ComputationGraphConfiguration conf();

    @Override
    public final ComputationGraph init() {
        return initialised(new ComputationGraph(conf()));
    }
}
