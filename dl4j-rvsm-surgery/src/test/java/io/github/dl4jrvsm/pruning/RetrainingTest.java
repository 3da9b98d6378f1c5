package io.github.dl4jrvsm.pruning;

import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Train, prune, then fine-tune or retrain from scratch, on small images separable by brightness. */
class RetrainingTest {

    private static final DataSet TRAIN = PruningNets.brightness(96, 31);
    private static final DataSet TEST = PruningNets.brightness(96, 32);

    private static void fit(Model m, int epochs) {
        for (int e = 0; e < epochs; e++) {
            ((MultiLayerNetwork) m).fit(new ListDataSetIterator<>(TRAIN.asList(), 16));
        }
    }

    @Test
    void slimmingThenFineTuningRecoversAccuracy() {
        MultiLayerNetwork net = NetworkSlimming.addGammaPenalty(PruningNets.convBn(new Adam(0.05), 7), 1e-3);
        fit(net, 4);
        double trained = PruningNets.accuracy(net, TEST);
        assertTrue(trained > 0.9, "trained accuracy " + trained);

        PrunedModel pruned = NetworkSlimming.prune(net, 0.75);            // 12 of 16, fewer if a layer keeps one
        assertTrue(pruned.removedChannels() >= 11, "removed " + pruned.removedChannels());
        assertEquals(pruned.selection().removedChannels(), pruned.removedChannels());
        Model small = pruned.network();
        double cut = PruningNets.accuracy(small, TEST);
        INDArrayHolder before = new INDArrayHolder(((MultiLayerNetwork) small).params().dup());
        fit(small, 3);
        double tuned = PruningNets.accuracy(small, TEST);
        assertNotEquals(before.params, ((MultiLayerNetwork) small).params(), "fine-tuning trains the pruned network");
        // a short budget (18 steps): recovery well above chance (1/3) and above the cut network, not full accuracy
        assertTrue(tuned > 0.6 && tuned > cut, "fine-tuned accuracy " + tuned + " (right after cutting " + cut + ")");
    }

    @Test
    void filterPruningThenFineTuningRecoversAccuracy() {
        MultiLayerNetwork net = PruningNets.convBn(new Adam(0.05), 8);
        fit(net, 4);
        PrunedModel pruned = L1FilterPruning.prune(net, 0.5);             // 4 of 8 filters per layer
        assertEquals(4, PruningNets.nOut(pruned.network(), "conv2"));
        double cut = PruningNets.accuracy(pruned.network(), TEST);
        fit(pruned.network(), 3);
        double tuned = PruningNets.accuracy(pruned.network(), TEST);
        assertTrue(tuned > 0.6 && tuned >= cut, "fine-tuned accuracy " + tuned + " (right after cutting " + cut + ")");
    }

    @Test
    void fromScratchIsTheSameArchitectureWithSeededFreshWeights() {
        MultiLayerNetwork net = PruningNets.randomConvBn(9);
        PrunedModel pruned = L1FilterPruning.prune(net, 0.5);
        MultiLayerNetwork a = (MultiLayerNetwork) pruned.fromScratch(42);
        MultiLayerNetwork b = (MultiLayerNetwork) pruned.fromScratch(42);
        MultiLayerNetwork c = (MultiLayerNetwork) pruned.fromScratch(43);
        MultiLayerNetwork inherited = (MultiLayerNetwork) pruned.network();

        assertEquals(inherited.numParams(), a.numParams());
        assertEquals(4, PruningNets.nOut(a, "conv1"));
        assertEquals(a.params(), b.params(), "same seed, same weights");
        assertNotEquals(a.params(), c.params(), "another seed, other weights");
        assertNotEquals(inherited.params(), a.params(), "not the inherited weights");
        assertEquals(1.0, PruningNets.vector(a, "bn1", "gamma")[0], 0, "batch norm starts afresh");
        fit(a, 4);
        double acc = PruningNets.accuracy(a, TEST);
        assertTrue(acc > 0.85, "retrained-from-scratch accuracy " + acc);
    }

    /** Holds a copy of parameters for a before/after comparison. */
    private record INDArrayHolder(INDArray params) {
    }
}
