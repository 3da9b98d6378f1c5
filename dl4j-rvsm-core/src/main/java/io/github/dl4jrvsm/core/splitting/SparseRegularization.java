package io.github.dl4jrvsm.core.splitting;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * A DL4J {@link Regularization} that drives a weight towards a sparse target and can tell what that target is.
 *
 * <p>Implementations sit in a layer's weight regularization list, so DL4J calls them once per iteration with the live
 * weight view and its gradient; they travel with the configuration JSON, clones, ParallelWrapper replicas and Spark
 * workers like any built-in regularization.
 */
public interface SparseRegularization extends Regularization {

    /** The sparse weights this regularization would export for the current {@code w}; {@code w} is not modified. */
    INDArray sparseWeights(INDArray w);

    /** The layer this instance belongs to, used in error messages; may be null. */
    String getLayerName();

    /** A copy bound to the named layer, whose weight has the given layout. */
    SparseRegularization forLayer(String layerName, WeightLayout layout);
}
