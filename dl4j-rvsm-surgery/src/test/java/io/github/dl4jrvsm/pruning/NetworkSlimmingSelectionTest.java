package io.github.dl4jrvsm.pruning;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The global |gamma| threshold of network slimming, checked against a brute-force sort. */
class NetworkSlimmingSelectionTest {

    private static final String[] CONVS = {"conv1", "conv2"};
    private static final String[] BNS = {"bn1", "bn2"};

    /** Brute force: every (layer, channel, |gamma|), sorted by |gamma|, the first k grouped by layer. */
    private static Map<String, List<Integer>> bruteForce(MultiLayerNetwork net, int k) {
        List<double[]> all = new ArrayList<>();          // {layer index, channel, |gamma|}
        for (int l = 0; l < BNS.length; l++) {
            double[] g = PruningNets.vector(net, BNS[l], "gamma");
            for (int c = 0; c < g.length; c++) {
                all.add(new double[]{l, c, Math.abs(g[c])});
            }
        }
        all.sort(Comparator.comparingDouble(a -> a[2]));
        Map<String, List<Integer>> out = new TreeMap<>();
        for (double[] a : all.subList(0, k)) {
            out.computeIfAbsent(CONVS[(int) a[0]], x -> new ArrayList<>()).add((int) a[1]);
        }
        out.values().forEach(l -> l.sort(Integer::compare));
        return out;
    }

    /** Eight evenly spaced values from {@code from} to {@code to}. */
    private static INDArray ramp(double from, double to) {
        double[] v = new double[8];
        for (int i = 0; i < 8; i++) {
            v[i] = from + (to - from) * i / 7;
        }
        return Nd4j.create(v);
    }

    @Test
    void picksTheGloballySmallestAbsoluteGammas() {
        for (long seed = 1; seed <= 5; seed++) {
            MultiLayerNetwork net = PruningNets.randomConvBn(seed);
            ChannelSelection s = NetworkSlimming.select(net, 0.375);        // 6 of 16
            assertEquals(bruteForce(net, 6), new TreeMap<>(s.removed()), "seed " + seed);
            assertEquals(16, s.channels());
            assertEquals(6.0 / 16, s.fraction(), 1e-12);
        }
    }

    @Test
    void thresholdIsGlobal_aLayerWithSmallGammasLosesMore() {
        MultiLayerNetwork net = PruningNets.randomConvBn(3);
        PruningNets.param(net, "bn1", "gamma").assign(ramp(-0.08, -0.01));
        PruningNets.param(net, "bn2", "gamma").assign(ramp(0.5, 1.2));

        ChannelSelection s = NetworkSlimming.select(net, 0.25);           // 4 of 16, all from bn1
        assertEquals(Map.of("conv1", List.of(4, 5, 6, 7)), s.removed(), "negative gammas count by |gamma|");
    }

    @Test
    void tiesAreBrokenByModelOrderThenChannelAndNeverExceedTheCount() {
        MultiLayerNetwork net = PruningNets.randomConvBn(4);
        PruningNets.param(net, "bn1", "gamma").assign(0.5);
        PruningNets.param(net, "bn2", "gamma").assign(-0.5);

        ChannelSelection s = NetworkSlimming.select(net, 0.25);
        assertEquals(Map.of("conv1", List.of(0, 1, 2, 3)), s.removed());
        assertEquals(4, s.removedChannels());
    }

    @Test
    void keepsTheLargestGammaOfALayerTheThresholdWouldEmpty() {
        MultiLayerNetwork net = PruningNets.randomConvBn(5);
        PruningNets.param(net, "bn1", "gamma").assign(Nd4j.create(new double[]{.01, .02, .07, .03, .04, .05, .06, .00}));
        PruningNets.param(net, "bn2", "gamma").assign(ramp(0.5, 1.2));

        ChannelSelection s = NetworkSlimming.select(net, 0.5);            // 8 of 16 would be all of conv1
        assertEquals(Map.of("conv1", List.of(0, 1, 3, 4, 5, 6, 7)), s.removed(), "channel 2 (|gamma| .07) stays");
        assertEquals(7.0 / 16, s.fraction(), 1e-12);

        PrunedModel pruned = NetworkSlimming.prune(net, 0.5);
        assertEquals(1, PruningNets.nOut(pruned.network(), "conv1"));
    }

    @Test
    void zeroFractionSelectsNothing() {
        ChannelSelection s = NetworkSlimming.select(PruningNets.randomConvBn(6), 0);
        assertTrue(s.isEmpty());
        assertEquals(0, s.fraction());
    }

    @Test
    void rejectsFractionsOutsideTheUnitIntervalNamingTheRange() {
        MultiLayerNetwork net = PruningNets.randomConvBn(7);
        for (double bad : new double[]{1.0, -0.1, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NetworkSlimming.select(net, bad));
            assertTrue(e.getMessage().contains("[0, 1)") && e.getMessage().contains(String.valueOf(bad)),
                    e.getMessage());
        }
    }

    @Test
    void rejectsAModelWithoutBatchNorm() {
        MultiLayerNetwork mlp = PruningNets.mlp();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkSlimming.select(mlp, 0.5));
        assertTrue(e.getMessage().contains("batch-norm"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> NetworkSlimming.addGammaPenalty(mlp, 1e-4));
        assertTrue(e2.getMessage().contains("batch-norm"), e2.getMessage());
    }

    @Test
    void batchNormOnlyAfterNonConvolutionsIsNotEnough() {
        MultiLayerNetwork flat = PruningNets.randomFlattening(8);          // bn1 after conv1: fine
        assertEquals(List.of("conv1"), new ArrayList<>(NetworkSlimming.select(flat, 0.5).removed().keySet()));
        Map<String, Double> none = new LinkedHashMap<>();
        assertThrows(IllegalArgumentException.class, () -> L1FilterPruning.select(flat, none));
    }
}
