package io.github.dl4jrvsm.zoo.surgery;

import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupNorms;
import io.github.dl4jrvsm.surgery.SpaceDecision;
import io.github.dl4jrvsm.core.training.LayerSelection;
import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.training.SparseExport;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import io.github.dl4jrvsm.surgery.SurgeryResult;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions shared by the zoo surgery tests. */
final class ZooSurgeryChecks {

    private ZooSurgeryChecks() {
    }

    /** Scales output channel {@code o} of each hidden convolution/dense weight to norm 0.05 if o % 3 == 1, else 1.5. */
    static void prescaleFilters(Model net) {
        prescaleFilters(net, 3);
    }

    /** Like {@link #prescaleFilters(Model)}; {@code every = -k} makes all but one channel in {@code k} weak. */
    static void prescaleFilters(Model net, int every) {
        for (NamedLayer l : NamedLayer.of(net)) {
            if (!LayerSelection.isSupported(l.config()) || l.config() instanceof OutputLayer || l.name().endsWith("logits")) {
                continue;
            }
            INDArray w = SparseExport.weights(net, l);
            INDArray norms = GroupNorms.of(w, ChannelGrouping.OUTPUT);
            INDArray scale = norms.dup();
            for (long o = 0; o < norms.length(); o++) {
                scale.putScalar(o, (weak(o, every) ? 0.05 : 1.5) / Math.max(1e-12, norms.getDouble(o)));
            }
            w.assign(GroupNorms.scaled(w, scale, ChannelGrouping.OUTPUT));
        }
    }

    /** every = 3: one channel in three is weak; every = -k: all but one channel in k are weak. */
    private static boolean weak(long o, int every) {
        return every > 0 ? o % every == 1 : o % -every != 0;
    }

    /** Largest per-output standard deviation over the examples: near 0 means a constant network. */
    static double outputSpread(Model m, INDArray x) {
        INDArray out = m instanceof MultiLayerNetwork mln ? mln.output(x) : ((ComputationGraph) m).outputSingle(x);
        return out.std(0).maxNumber().doubleValue();
    }

    /**
     * In a pre-activation block, conv1's output channels (= bn2 = conv2's inputs) form a space of their own; every
     * such space with at least two constant channels must lose all but the carrier.
     */
    static void assertInnerBlockChannelsRemoved(String name, SurgeryResult r) {
        int inner = 0;
        for (SpaceDecision d : r.decisions()) {
            if (d.producers().size() == 1 && d.producers().get(0).endsWith(".conv1")) {
                if (d.constant() >= 2) {
                    assertTrue(d.removed() >= d.constant() - 1, name + " " + d.label() + ": " + d.removed()
                            + " of " + d.constant() + " constant channels removed; " + d.notes());
                }
                inner += d.removed();
            }
        }
        assertTrue(inner > 0, name + ": no inner block channel removed");
    }
}
