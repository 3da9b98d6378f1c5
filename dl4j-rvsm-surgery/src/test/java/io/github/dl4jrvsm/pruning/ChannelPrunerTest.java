package io.github.dl4jrvsm.pruning;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Masking and cutting: the cut network reproduces the masked one and has the expected channel counts. */
class ChannelPrunerTest {

    private static void assertSameOutputs(Model masked, Model cut, INDArray x) {
        double diff = PruningNets.maxAbsDiff(masked, cut, x);
        assertTrue(diff < 1e-5, "max abs difference between masked and cut outputs " + diff);
    }

    @Test
    void slimmedSequentialNetworkEqualsItsMaskedCopy() {
        for (long seed = 1; seed <= 3; seed++) {
            MultiLayerNetwork net = PruningNets.randomConvBn(seed);
            INDArray before = net.params().dup();
            PrunedModel p = NetworkSlimming.prune(net, 0.5);
            ChannelSelection s = p.selection();

            assertSameOutputs(p.masked(), p.network(), PruningNets.randomInputs(seed, 16, 1, 8, 8));
            assertEquals(8 - s.removedFrom("conv1").size(), PruningNets.nOut(p.network(), "conv1"));
            assertEquals(8 - s.removedFrom("conv2").size(), PruningNets.nOut(p.network(), "conv2"));
            assertEquals(s.removedChannels(), p.removedChannels());
            assertEquals(before, net.params(), "the original is not changed");
        }
    }

    @Test
    void maskedChannelsAreExactlyZeroAfterBatchNorm() {
        MultiLayerNetwork net = PruningNets.randomConvBn(4);
        ChannelSelection s = L1FilterPruning.select(net, 0.5);
        MultiLayerNetwork masked = ChannelMasking.mask(net, s);
        List<INDArray> acts = masked.feedForward(PruningNets.randomInputs(4, 8, 1, 8, 8), false);
        INDArray bn1 = acts.get(2);                                       // input, conv1, bn1, ...
        for (int c : s.removedFrom("conv1")) {
            INDArray ch = bn1.get(NDArrayIndex.all(), NDArrayIndex.point(c), NDArrayIndex.all(), NDArrayIndex.all());
            assertEquals(0.0, ch.amaxNumber().doubleValue(), 0.0, "channel " + c);
        }
        assertTrue(PruningNets.maxAbsDiff(net, masked, PruningNets.randomInputs(4, 8, 1, 8, 8)) > 1e-3,
                "masking must change the network, or the equality tests would prove nothing");
    }

    @Test
    void filterPrunedNetworkWithAFlatteningDenseLayerEqualsItsMaskedCopy() {
        MultiLayerNetwork net = PruningNets.randomFlattening(5);
        PrunedModel p = L1FilterPruning.prune(net, Map.of("conv1", 0.5, "conv2", 0.4));

        assertSameOutputs(p.masked(), p.network(), PruningNets.randomInputs(5, 16, 1, 10, 10));
        assertEquals(3, PruningNets.nOut(p.network(), "conv1"));
        assertEquals(3, PruningNets.nOut(p.network(), "conv2"));
        assertEquals(3L * 3 * 3, ((DenseLayer) ((MultiLayerNetwork) p.network())
                .getLayer("fc").conf().getLayer()).getNIn(), "the dense layer reads 3 channels of 3x3");
    }

    @Test
    void computationGraphWithAResidualAddIsPrunedWhereTheSurgeryAllows() {
        ComputationGraph net = PruningNets.randomResidual(6);
        PrunedModel slim = NetworkSlimming.prune(net, 0.5);               // only conv1 has a batch norm after it
        assertEquals(List.of("conv1"), List.copyOf(slim.selection().removed().keySet()));
        assertEquals(4, PruningNets.nOut(slim.network(), "conv1"));
        assertSameOutputs(slim.masked(), slim.network(), PruningNets.randomInputs(6, 8, 1, 8, 8));

        PrunedModel l1 = L1FilterPruning.prune(net, Map.of("conv1", 0.25, "conv2", 0.5));
        assertSameOutputs(l1.masked(), l1.network(), PruningNets.randomInputs(7, 8, 1, 8, 8));
        assertEquals(6, PruningNets.nOut(l1.network(), "conv1"));
        assertEquals(8, PruningNets.nOut(l1.network(), "conv2"), "conv2 is added to the unpruned stem: kept");
        assertEquals(2, l1.removedChannels());
    }

    @Test
    void anEmptySelectionGivesAnUnchangedCopy() {
        MultiLayerNetwork net = PruningNets.randomConvBn(8);
        PrunedModel p = NetworkSlimming.prune(net, 0);
        assertEquals(0, p.removedChannels());
        assertEquals(net.params(), ((MultiLayerNetwork) p.network()).params());
    }

    @Test
    void rejectsSelectionsThatDoNotFitTheModel() {
        MultiLayerNetwork net = PruningNets.randomConvBn(9);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ChannelPruner.prune(net, ChannelSelection.of(Map.of("convX", List.of(1)), 8)));
        assertTrue(unknown.getMessage().contains("'convX'"), unknown.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> ChannelPruner.prune(net, ChannelSelection.of(Map.of("conv1", List.of(2, 8)), 8)));
        assertTrue(range.getMessage().contains("Channel 8"), range.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> ChannelSelection.of(Map.of("conv1", List.of(3, 2)), 8));
        assertTrue(order.getMessage().contains("[3, 2]"), order.getMessage());
    }
}
