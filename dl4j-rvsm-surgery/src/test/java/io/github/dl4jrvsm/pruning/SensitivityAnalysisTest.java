package io.github.dl4jrvsm.pruning;

import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sensitivity analysis: exactly the expected weights or filters of one layer at a time, everything else intact. */
class SensitivityAnalysisTest {

    /** Every parameter of the model by "layer/key", copied. */
    private static Map<String, INDArray> snapshot(Model m) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        NetworkAdapter a = NetworkAdapter.of(m);
        for (NamedLayer l : a.layers()) {
            a.layer(l).paramTable().forEach((k, v) -> out.put(l.name() + "/" + k, v.dup()));
        }
        return out;
    }

    /** A score that records the parameters it sees and returns a fixed sequence of accuracies. */
    private static final class Recorder {
        final List<Map<String, INDArray>> seen = new ArrayList<>();

        double score(Model m) {
            seen.add(snapshot(m));
            return 1.0 - 0.01 * (seen.size() - 1);
        }
    }

    /** mlp 4-5-3: hidden W holds +-1..+-20 in a scrambled order, so the k smallest magnitudes are 1..k. */
    private static MultiLayerNetwork handSetMlp() {
        MultiLayerNetwork net = PruningNets.mlp();
        INDArray w = Nd4j.create(DataType.FLOAT, 4, 5);
        for (int i = 0; i < 20; i++) {
            int magnitude = (i * 7) % 20 + 1;      // 7 is coprime with 20: every magnitude once
            w.putScalar(i / 5, i % 5, (i % 2 == 0 ? 1 : -1) * magnitude);
        }
        PruningNets.param(net, "hidden", "W").assign(w);
        return net;
    }

    @Test
    void elementLevelsZeroExactlyTheSmallestWeightsOfOneLayerAtATime() {
        MultiLayerNetwork net = handSetMlp();
        Map<String, INDArray> before = snapshot(net);
        Recorder rec = new Recorder();
        double[] levels = {0.1, 0.25, 0.5, 0.9};
        SensitivityResult r = new SensitivityAnalysis().withLevels(levels).run(net, rec::score);

        assertEquals(List.of("hidden", "out"), r.layers());
        assertEquals(2 * levels.length, r.points().size());
        assertEquals(1 + 2 * levels.length, rec.seen.size());
        assertSameParams(before, rec.seen.get(0), Set.of());
        for (int i = 0; i < levels.length; i++) {
            Map<String, INDArray> during = rec.seen.get(1 + i);
            int k = (int) Math.floor(levels[i] * 20 + 1e-9);
            INDArray w = before.get("hidden/W"), pruned = during.get("hidden/W");
            for (int row = 0; row < 4; row++) {
                for (int col = 0; col < 5; col++) {
                    double original = w.getDouble(row, col);
                    double expected = Math.abs(original) <= k ? 0 : original;
                    assertEquals(expected, pruned.getDouble(row, col), 0, "level " + levels[i] + " at " + row + "," + col);
                }
            }
            assertSameParams(before, during, Set.of("hidden/W"));
            assertEquals(k, r.points().get(i).pruned());
            assertEquals(20, r.points().get(i).total());
        }
        for (int i = 0; i < levels.length; i++) {
            // the output layer's turn: hidden is whole again, out lost floor(level * 15) weights
            Map<String, INDArray> during = rec.seen.get(1 + levels.length + i);
            assertSameParams(before, during, Set.of("out/W"));
            long zeros = during.get("out/W").eq(0).castTo(DataType.INT32).sumNumber().longValue();
            assertEquals((long) Math.floor(levels[i] * 15 + 1e-9), zeros, "out at level " + levels[i]);
        }
        assertSameParams(before, snapshot(net), Set.of());
        SensitivityResult.Point p = r.curve("out").get(1);
        assertEquals(0.25, p.level());
        assertEquals(1.0 - 0.06, p.accuracy(), 1e-12);
        assertEquals(r.baseline() - p.accuracy(), p.drop(), 1e-12);
    }

    @Test
    void channelLevelsZeroTheFiltersOfSmallestL1NormAndTheirBatchNormEntries() {
        MultiLayerNetwork net = PruningNets.randomFlattening(5);          // conv1 (6, bn1 after it), conv2 (5)
        INDArray conv2 = PruningNets.param(net, "conv2", "W");
        double[] filterValue = {0.5, -0.1, 0.4, 0.2, -0.3};             // l1 order: 1, 3, 4, 2, 0
        for (int o = 0; o < 5; o++) {
            INDArray f = conv2.dup();
            f.get(NDArrayIndex.point(o), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()).assign(filterValue[o]);
            conv2.assign(f);
        }
        Map<String, INDArray> before = snapshot(net);
        Recorder rec = new Recorder();
        SensitivityResult r = new SensitivityAnalysis().withStructure(PruningStructure.CHANNELS).withLevels(0.4, 0.7)
                .run(net, rec::score);

        assertEquals(List.of("conv1", "conv2"), r.layers());
        List<Integer> conv1Order = filterOrder(before.get("conv1/W"));
        for (int i = 0; i < 2; i++) {
            Map<String, INDArray> during = rec.seen.get(1 + i);
            List<Integer> removed = conv1Order.subList(0, i == 0 ? 2 : 4);   // floor(2.4), floor(4.2) of 6
            assertSameParams(before, during, Set.of("conv1/W", "conv1/b", "bn1/gamma", "bn1/beta"));
            for (int o = 0; o < 6; o++) {
                boolean gone = removed.contains(o);
                assertEquals(gone, filter(during.get("conv1/W"), o).eq(0).all(), "conv1 filter " + o);
                for (String key : List.of("conv1/b", "bn1/gamma", "bn1/beta")) {
                    double original = before.get(key).getDouble(o);
                    assertEquals(gone ? 0 : original, during.get(key).getDouble(o), 0, key + "[" + o + "]");
                }
            }
        }
        List<List<Integer>> conv2Removed = List.of(List.of(1, 3), List.of(1, 3, 4));   // floor(2.0), floor(3.5)
        for (int i = 0; i < 2; i++) {
            Map<String, INDArray> during = rec.seen.get(3 + i);
            assertSameParams(before, during, Set.of("conv2/W", "conv2/b"));
            for (int o = 0; o < 5; o++) {
                boolean gone = conv2Removed.get(i).contains(o);
                assertEquals(gone, filter(during.get("conv2/W"), o).eq(0).all(), "conv2 filter " + o);
                assertEquals(gone ? 0 : before.get("conv2/b").getDouble(o), during.get("conv2/b").getDouble(o), 0);
            }
            assertEquals(conv2Removed.get(i).size(), r.curve("conv2").get(i).pruned());
            assertEquals(5, r.curve("conv2").get(i).total());
        }
        assertSameParams(before, snapshot(net), Set.of());
    }

    @Test
    void accuracyIsThatOfTheLayerPrunedByHand() {
        MultiLayerNetwork net = PruningNets.randomFlattening(7);
        DataSet small = PruningNets.brightness(96, 7);
        INDArray x = Nd4j.zeros(DataType.FLOAT, 96, 1, 10, 10);            // the net reads 10x10 images
        x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, 9), NDArrayIndex.interval(1, 9))
                .assign(small.getFeatures());
        DataSet padded = new DataSet(x, small.getLabels());
        for (int epoch = 0; epoch < 10; epoch++) {
            net.fit(padded);                                                 // accuracy worth losing
        }
        SensitivityResult r = new SensitivityAnalysis().withLevels(0.3, 0.8).withLayers(List.of("fc"))
                .run(net, new ListDataSetIterator<>(padded.asList(), 16));
        assertEquals(PruningNets.accuracy(net, padded), r.baseline(), 1e-12);
        for (SensitivityResult.Point p : r.points()) {
            MultiLayerNetwork byHand = net.clone();
            INDArray w = PruningNets.param(byHand, "fc", "W");
            double[] flat = w.castTo(DataType.DOUBLE).dup('c').data().asDouble();
            double[] sorted = flat.clone();
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = Math.abs(sorted[i]);
            }
            Arrays.sort(sorted);
            double threshold = sorted[(int) p.pruned() - 1];                   // random weights: no ties
            w.assign(Transforms.abs(w, true).gt(threshold).castTo(w.dataType()).muli(w));
            assertEquals(PruningNets.accuracy(byHand, padded), p.accuracy(), 1e-12, "level " + p.level());
            assertEquals((long) Math.floor(p.level() * w.length()), p.pruned());
        }
        assertEquals(List.of("fc"), r.layers());
    }

    @Test
    void tiesGoToTheLowerPositionAndTheCountIsExact() {
        MultiLayerNetwork net = PruningNets.mlp();
        INDArray w = PruningNets.param(net, "hidden", "W");
        w.assign(0.1);
        assertEquals(5, SmallestWeights.zero(w, 0.25));
        assertEquals(5, w.eq(0).castTo(DataType.INT32).sumNumber().intValue());
        assertTrue(w.getRow(0).eq(0).all(), "row-major order: the first row goes first, " + w);
    }

    @Test
    void levelsWithinStopAtTheFirstLevelThatCostsTooMuch() {
        List<SensitivityResult.Point> pts = List.of(point("a", 0.1, 0.0), point("a", 0.2, 0.005),
                point("a", 0.3, 0.02), point("a", 0.4, 0.001), point("b", 0.1, 0.05), point("b", 0.2, 0.0));
        SensitivityResult r = new SensitivityResult(PruningStructure.ELEMENTS, 0.9, pts);
        assertEquals(Map.of("a", 0.2, "b", 0.0), r.levelsWithin(0.01));
        assertEquals(Map.of("a", 0.4, "b", 0.2), r.levelsWithin(0.05));
        String csv = r.toCsv();
        List<String> lines = csv.lines().toList();
        assertEquals(SensitivityResult.CSV_HEADER, lines.get(0));
        assertEquals(1 + 6, lines.size());
        assertEquals("a,0.3,elements,0.880000,0.020000,3,10", lines.get(3));
        assertThrows(IllegalArgumentException.class, () -> r.levelsWithin(-0.1));
        assertThrows(IllegalArgumentException.class, () -> r.curve("c"));
    }

    @Test
    void badInputIsRefusedByName() {
        SensitivityAnalysis a = new SensitivityAnalysis();
        for (double bad : new double[]{0, 1, -0.1, 1.5, Double.NaN}) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> a.withLevels(0.5, bad)).getMessage()
                    .contains(String.valueOf(bad)), "level " + bad);
        }
        assertThrows(IllegalArgumentException.class, () -> a.withLevels());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.withLevels(0.2, 0.2)).getMessage().contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.withLayers(List.of())).getMessage()
                .contains("at least one layer"));
        assertThrows(IllegalArgumentException.class, () -> a.withLayers(List.of(" ")));
        MultiLayerNetwork mlp = PruningNets.mlp();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.withLayers(List.of("nope")).run(mlp, m -> 1))
                .getMessage().contains("nope"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> a.withStructure(PruningStructure.CHANNELS).run(mlp, m -> 1)).getMessage().contains("convolution"));
        MultiLayerNetwork conv = PruningNets.randomFlattening(1);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> a.withStructure(PruningStructure.CHANNELS).withLayers(List.of("fc")).run(conv, m -> 1))
                .getMessage().contains("'fc'"));
        assertThrows(IllegalArgumentException.class, () -> a.withLayers(List.of("bn1")).run(conv, m -> 1));
    }

    private static SensitivityResult.Point point(String layer, double level, double drop) {
        return new SensitivityResult.Point(layer, level, 0.9 - drop, drop, Math.round(level * 10), 10);
    }

    private static INDArray filter(INDArray w, int o) {
        return w.get(NDArrayIndex.point(o), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
    }

    /** Output channels by ascending l1 norm (random weights: no ties). */
    private static List<Integer> filterOrder(INDArray w) {
        List<Integer> order = new ArrayList<>();
        for (int o = 0; o < w.size(0); o++) {
            order.add(o);
        }
        order.sort((x, y) -> Double.compare(filter(w, x).norm1Number().doubleValue(), filter(w, y).norm1Number().doubleValue()));
        return order;
    }

    /** Every parameter equal to {@code expected}'s except those in {@code changed}, which must differ. */
    private static void assertSameParams(Map<String, INDArray> expected, Map<String, INDArray> actual, Set<String> changed) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String k : expected.keySet()) {
            boolean same = expected.get(k).equals(actual.get(k));
            assertEquals(!changed.contains(k), same, k + (same ? " did not change" : " changed"));
        }
    }
}
