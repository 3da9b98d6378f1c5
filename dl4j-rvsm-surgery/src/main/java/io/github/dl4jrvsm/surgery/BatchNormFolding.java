package io.github.dl4jrvsm.surgery;

import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import org.deeplearning4j.nn.api.Model;

import java.util.List;

/**
 * Inference-time batch-norm folding: merges every batch norm that directly follows a convolution or dense layer
 * (identity activation, sole reader) into that layer's weights and bias, and removes it.
 *
 * <pre>{@code
 * MultiLayerNetwork fast = BatchNormFolding.fold(vgg);                 // same outputs, fewer layers
 * FoldedModel<ComputationGraph> r = BatchNormFolding.foldWithDecisions(resnet);
 * r.kept().forEach(d -> System.out.println(d.describe()));          // which stayed, and why
 * }</pre>
 *
 * <p>Why: on the CPU backend a batch-norm layer costs almost as much as the convolution before it (it is
 * memory-bound and pays a per-call overhead, see docs/PERFORMANCE.md), so it hides what channel surgery saves in
 * FLOPs. Folding is exact up to float rounding for inference with running statistics; the new network has no batch
 * norm to train and no updater state, so it is for deployment and latency measurement, not for further training.
 *
 * <p>Note that DL4J's batch-norm layer ignores an activation set on it (e.g. {@code RELU}); the folded producer keeps
 * its own identity activation, so outputs are unchanged either way.
 */
public final class BatchNormFolding {

    private BatchNormFolding() {
    }

    /** One decision per batch-norm layer: folded into which layer, or kept and why. Changes nothing. */
    public static List<BatchNormFold> plan(Model model) {
        return FoldAnalysis.of(ChannelGraph.of(checked(model)));
    }

    /**
     * A new network with every foldable batch norm folded; {@code model} is not changed. A network without a
     * foldable batch norm gives an equal-output copy.
     */
    public static <M extends Model> M fold(M model) {
        return foldWithDecisions(model).network();
    }

    /** The new network and the decision for every batch-norm layer. */
    @SuppressWarnings("unchecked")
    public static <M extends Model> FoldedModel<M> foldWithDecisions(M model) {
        ChannelGraph graph = ChannelGraph.of(checked(model));
        List<BatchNormFold> decisions = FoldAnalysis.of(graph);
        return new FoldedModel<>((M) FoldRebuilder.rebuild(model, graph, decisions), decisions);
    }

    private static Model checked(Model model) {
        if (NetworkAdapter.of(model).runtimeLayers() == null) {
            throw new IllegalArgumentException("the " + model.getClass().getSimpleName()
                    + " is not initialised; call init() first");
        }
        return model;
    }
}
