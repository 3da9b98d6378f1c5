package io.github.dl4jrvsm.pruning;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** l1-norm filter pruning: per-layer choice checked against a brute-force sort of the filter norms. */
class L1FilterPruningTest {

    /** Brute force: sum |W[o, c, i, j]| by explicit loops, the k smallest filters, ascending. */
    private static List<Integer> bruteForce(Model net, String layer, int k) {
        INDArray w = PruningNets.param(net, layer, "W").castTo(DataType.DOUBLE);
        long[] s = w.shape();
        double[] norm = new double[(int) s[0]];
        for (int o = 0; o < s[0]; o++) {
            for (int c = 0; c < s[1]; c++) {
                for (int i = 0; i < s[2]; i++) {
                    for (int j = 0; j < s[3]; j++) {
                        norm[o] += Math.abs(w.getDouble(o, c, i, j));
                    }
                }
            }
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, norm.length).boxed().toList());
        order.sort(Comparator.comparingDouble(o -> norm[o]));
        List<Integer> out = new ArrayList<>(order.subList(0, k));
        out.sort(Integer::compare);
        return out;
    }

    @Test
    void picksTheSmallestL1FiltersOfEachLayer() {
        for (long seed = 1; seed <= 5; seed++) {
            MultiLayerNetwork net = PruningNets.randomConvBn(seed);
            ChannelSelection s = L1FilterPruning.select(net, 0.3);      // floor(2.4) = 2 of 8 per layer
            assertEquals(Map.of("conv1", bruteForce(net, "conv1", 2), "conv2", bruteForce(net, "conv2", 2)),
                    s.removed(), "seed " + seed);
            assertEquals(4.0 / 16, s.fraction(), 1e-12);
        }
    }

    @Test
    void perLayerRatesPruneOnlyTheNamedLayers() {
        MultiLayerNetwork net = PruningNets.randomFlattening(2);         // conv1: 6 filters, conv2: 5
        ChannelSelection s = L1FilterPruning.select(net, Map.of("conv2", 0.6));
        assertEquals(Map.of("conv2", bruteForce(net, "conv2", 3)), s.removed());
        assertEquals(5, s.channels(), "only the named layers are counted");
        assertEquals(0.6, s.fraction(), 1e-12);
    }

    @Test
    void tiesGoToTheLowerChannelIndex() {
        MultiLayerNetwork net = PruningNets.randomConvBn(3);
        INDArray w = PruningNets.param(net, "conv1", "W");
        w.assign(0.1);
        w.get(NDArrayIndex.point(5), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()).assign(0.05);
        ChannelSelection s = L1FilterPruning.select(net, Map.of("conv1", 0.375));   // 3 of 8
        assertEquals(Map.of("conv1", List.of(0, 1, 5)), s.removed());
    }

    @Test
    void aRateBelowOneAlwaysKeepsAFilter() {
        MultiLayerNetwork net = PruningNets.randomConvBn(4);
        ChannelSelection s = L1FilterPruning.select(net, 0.99);           // floor(7.92) = 7 of 8
        assertEquals(7, s.removedFrom("conv1").size());
        assertEquals(7, s.removedFrom("conv2").size());
        assertEquals(1, PruningNets.nOut(L1FilterPruning.prune(net, 0.99).network(), "conv2"));
    }

    @Test
    void rejectsUnknownLayersNonConvolutionsAndBadRates() {
        MultiLayerNetwork net = PruningNets.randomConvBn(5);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> L1FilterPruning.select(net, Map.of("conv9", 0.5)));
        assertTrue(unknown.getMessage().contains("'conv9'") && unknown.getMessage().contains("conv1"),
                unknown.getMessage());
        IllegalArgumentException bn = assertThrows(IllegalArgumentException.class,
                () -> L1FilterPruning.select(net, Map.of("bn1", 0.5)));
        assertTrue(bn.getMessage().contains("'bn1'"), bn.getMessage());
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> L1FilterPruning.select(net, Map.of("conv1", 1.0)));
        assertTrue(rate.getMessage().contains("conv1") && rate.getMessage().contains("[0, 1)")
                && rate.getMessage().contains("1.0"), rate.getMessage());
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> L1FilterPruning.select(net, -0.2));
        assertTrue(single.getMessage().contains("[0, 1)") && single.getMessage().contains("-0.2"), single.getMessage());
        IllegalArgumentException noConv = assertThrows(IllegalArgumentException.class,
                () -> L1FilterPruning.select(PruningNets.mlp(), 0.5));
        assertTrue(noConv.getMessage().contains("convolution"), noConv.getMessage());
    }
}
