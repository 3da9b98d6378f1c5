package io.github.dl4jrvsm.surgery;

import org.deeplearning4j.nn.api.Model;

import java.util.List;

/**
 * The network after batch-norm folding, with one decision per batch-norm layer of the original.
 *
 * @param network   the new network, same class as the original, for inference only
 * @param decisions one per batch-norm layer, in network order
 * @param <M>       MultiLayerNetwork or ComputationGraph
 */
public record FoldedModel<M extends Model>(M network, List<BatchNormFold> decisions) {

    public FoldedModel {
        decisions = List.copyOf(decisions);
    }

    /** Batch-norm layers removed (folded into their producer). */
    public List<BatchNormFold> folded() {
        return decisions.stream().filter(BatchNormFold::isFolded).toList();
    }

    /** Batch-norm layers still in the network, with the reason. */
    public List<BatchNormFold> kept() {
        return decisions.stream().filter(d -> !d.isFolded()).toList();
    }
}
