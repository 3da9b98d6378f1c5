package io.github.dl4jrvsm.core.admm;

import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupNorms;
import io.github.dl4jrvsm.core.splitting.WeightLayout;
import io.github.dl4jrvsm.core.testsupport.TestData;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import io.github.dl4jrvsm.core.training.SparseExport;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmmPruningTest {

    private static long zeros(INDArray a) {
        return a.eq(0.0).castTo(DataType.INT64).sumNumber().longValue();
    }

    @Test
    void elementProjectionKeepsExactlyTheLargestMagnitudes() {
        INDArray w = Nd4j.createFromArray(0.3, -2.0, 0.1, -0.5, 1.0, 0.05, -0.04, 0.7, 0.2, -0.9);
        INDArray p = MagnitudeProjection.elementwise(0.6).project(w);
        assertArrayEquals(new double[]{0, -2.0, 0, 0, 1.0, 0, 0, 0.7, 0, -0.9}, p.toDoubleVector(), 0);
        // brute force: no other 4-element support is closer to w
        double[] wv = w.toDoubleVector();
        double best = Double.MAX_VALUE;
        for (int mask = 0; mask < 1 << 10; mask++) {
            if (Integer.bitCount(mask) != 4) {
                continue;
            }
            double d = 0;
            for (int i = 0; i < 10; i++) {
                d += (mask >> i & 1) == 1 ? 0 : wv[i] * wv[i];
            }
            best = Math.min(best, d);
        }
        assertEquals(best, Math.pow(w.distance2(p), 2), 1e-12);
    }

    @Test
    void channelProjectionKeepsTheStrongestFilters() {
        INDArray w = Nd4j.rand(DataType.DOUBLE, 4, 3, 2, 2);
        w.slice(1, 0).muli(10);
        w.slice(3, 0).muli(5);
        INDArray p = MagnitudeProjection.channels(0.5, ChannelGrouping.OUTPUT).project(w);
        double[] norms = GroupNorms.of(p, ChannelGrouping.OUTPUT).toDoubleVector();
        assertEquals(0, norms[0]);
        assertEquals(0, norms[2]);
        assertEquals(w.slice(1, 0), p.slice(1, 0));
    }

    @Test
    void admmThenMaskedRetrainingKeepsPrunedWeightsExactlyZeroUnderMomentum() {
        DataSet train = TestData.blobs(512, 20, 4, 1), test = TestData.blobs(256, 20, 4, 2);
        int admmIterations = 80;
        MultiLayerNetwork net = SparseTraining.with(new AdmmPruning(MagnitudeProjection.elementwise(0.8), 1e-2, 10,
                admmIterations)).withLayers("hidden").network(TestNetworks.mlp(20, 64, 4, new Nesterovs(0.05, 0.9), 3));
        INDArray w = net.getLayer(0).getParam("W");
        for (int epoch = 0; epoch < 10; epoch++) {
            net.fit(new ListDataSetIterator<>(train.asList(), 32));
            if (net.getIterationCount() > admmIterations) {
                assertEquals(Math.round(0.8 * w.length()), zeros(w), "exactly the pruned share stays zero, epoch " + epoch);
            }
        }
        INDArray mask = w.neq(0.0);
        net.fit(new ListDataSetIterator<>(train.asList(), 32));
        assertEquals(mask, w.neq(0.0), "the support no longer changes");
        double acc = net.evaluate(new ListDataSetIterator<>(test.asList(), 64)).accuracy();
        assertTrue(acc > 0.9, "accuracy after pruning 80% and retraining: " + acc);
        assertEquals(w, SparseExport.sparseWeights(net).get("hidden"));
    }

    @Test
    void channelAdmmOnAGraphRemovesWholeFilters() {
        DataSet images = TestData.images(64, 2, 6, 3, 3);
        ComputationGraph g = SparseTraining.with(new AdmmPruning(
                        MagnitudeProjection.channels(0.5, ChannelGrouping.OUTPUT), 1e-2, 2, 6)).withLayers("conv1")
                .graph(TestNetworks.residualGraph(2, 6, 3, new Sgd(0.05), 4));
        for (int i = 0; i < 10; i++) {
            g.fit(images);
        }
        double[] norms = GroupNorms.of(g.getLayer("conv1").getParam("W"), ChannelGrouping.OUTPUT).toDoubleVector();
        assertEquals(4, Arrays.stream(norms).filter(n -> n == 0).count(), Arrays.toString(norms));
    }

    /**
     * DL4J compares layer configurations with equals (cloning, JSON round trips), so two instances that would shape
     * the weights differently must not be equal: the layout (shape and order of the flat parameter view a graph
     * hands over) is part of what the instance does.
     */
    @Test
    void theWeightLayoutIsPartOfEquality() {
        AdmmPruning base = new AdmmPruning(MagnitudeProjection.elementwise(0.5), 1e-2, 1, 10);
        AdmmPruning a = base.forLayer("conv1", new WeightLayout(new long[]{8, 3, 3, 3}, 'c'));
        AdmmPruning same = base.forLayer("conv1", new WeightLayout(new long[]{8, 3, 3, 3}, 'c'));
        AdmmPruning otherShape = base.forLayer("conv1", new WeightLayout(new long[]{8, 27}, 'c'));
        AdmmPruning otherOrder = base.forLayer("conv1", new WeightLayout(new long[]{8, 3, 3, 3}, 'f'));
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, otherShape);
        assertNotEquals(a, otherOrder);
        assertNotEquals(a, base.forLayer("conv1", null));
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MagnitudeProjection.elementwise(1.0));
        assertThrows(IllegalArgumentException.class, () -> MagnitudeProjection.elementwise(-0.1));
        assertThrows(IllegalArgumentException.class, () -> MagnitudeProjection.channels(0.5, null));
        MagnitudeProjection p = MagnitudeProjection.elementwise(0.5);
        assertThrows(IllegalArgumentException.class, () -> new AdmmPruning(p, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new AdmmPruning(p, 1e-3, 0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AdmmPruning(p, 1e-3, 1, -1));
        assertTrue(e.getMessage().contains("admmIterations"), e.getMessage());
    }
}
