package io.github.dl4jrvsm.surgery;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point: cuts the constant output channels (zero filters of convolutions, zero weight columns of dense layers)
 * out of a network and returns a new, smaller DL4J network with the same inference outputs.
 *
 * <pre>{@code
 * MultiLayerNetwork sparse = SparseExport.sparseCopy(rgsmTrained, bnData);   // w := u, plain DL4J model
 * SurgeryResult r = ChannelSurgery.prune(sparse);
 * MultiLayerNetwork small = (MultiLayerNetwork) r.network();
 * }</pre>
 *
 * <p>Pass the exported sparse model, not the training one: the surgery reads the weights {@code w} as they are,
 * and training weights are only close to their sparse copy {@code u}. Equality holds for inference mode (batch norm
 * with running statistics); the new network has no sparse regularization and no updater state.
 */
public final class ChannelSurgery {

    private ChannelSurgery() {
    }

    /** The analysis only: what would be removed, and why other constant channels would be kept. */
    public static SurgeryPlan plan(Model model) {
        ChannelGraph graph = ChannelGraph.of(model);
        return SurgeryPlanner.plan(graph, ChannelSpaces.of(graph), ChannelConstants.of(model, graph));
    }

    /**
     * The smaller network and the decisions behind it.
     *
     * @throws NothingToRemoveException when no channel can be removed (the message says why)
     */
    public static SurgeryResult prune(Model model) {
        SurgeryPlan plan = plan(model);
        if (plan.removedChannels() == 0) {
            throw new NothingToRemoveException(nothingToRemove(plan));
        }
        return new SurgeryResult(NetworkRebuilder.rebuild(model, plan), plan.decisions());
    }

    private static String nothingToRemove(SurgeryPlan plan) {
        List<String> why = new ArrayList<>();
        for (SpaceDecision d : plan.decisions()) {
            if (d.constant() > 0) {
                why.add(d.label() + ": " + String.join("; ", d.notes()));
            }
        }
        if (why.isEmpty()) {
            return "No removable channel: no convolution or dense layer has a zero output channel (filter or weight "
                    + "column); train with RGSM and OUTPUT grouping, and export with SparseExport.sparseCopy";
        }
        return "No removable channel: " + String.join(" | ", why);
    }
}
