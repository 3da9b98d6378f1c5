package io.github.dl4jrvsm.core.training;

import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.NonFiniteValueException;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty;
import io.github.dl4jrvsm.core.prox.GroupNorms;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.prox.L1Penalty;
import io.github.dl4jrvsm.core.splitting.RelaxedSplitting;
import io.github.dl4jrvsm.core.testsupport.TestData;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.adapter.MultiDataSetIteratorAdapter;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparseTrainingTest {

    private static double zeroFraction(INDArray a) {
        return a.eq(0.0).castTo(DataType.INT64).sumNumber().doubleValue() / a.length();
    }

    private static double accuracy(MultiLayerNetwork net, DataSet d) {
        return net.evaluate(new ListDataSetIterator<>(d.asList(), 64)).accuracy();
    }

    @Test
    void rvsmL0TrainsAnAccurateSparseMlpAndProjectsAtEpochEnd() {
        DataSet train = TestData.blobs(512, 20, 4, 1), test = TestData.blobs(256, 20, 4, 2);
        MultiLayerNetwork net = SparseTraining.rvsm(new L0Penalty(4e-3), 0.5)
                .network(TestNetworks.mlp(20, 64, 4, new Nesterovs(0.05, 0.9), 3));
        for (int epoch = 0; epoch < 8; epoch++) {
            net.fit(new ListDataSetIterator<>(train.asList(), 32));
        }
        // at an epoch end w has just been replaced by u
        Map<String, INDArray> u = SparseExport.sparseWeights(net);
        assertEquals(2, u.size());
        assertEquals(u.get("hidden"), net.getLayer(0).getParam("W"));
        double sparsity = zeroFraction(net.getLayer(0).getParam("W"));
        assertTrue(sparsity > 0.5, "hidden layer sparsity " + sparsity);
        assertTrue(accuracy(net, test) > 0.9, "accuracy " + accuracy(net, test));
        MultiLayerNetwork exported = SparseExport.sparseCopy(net, null);
        assertEquals(accuracy(net, test), accuracy(exported, test), 1e-9);
        assertTrue(((BaseLayer) exported.getLayer(0).conf().getLayer()).getRegularization().isEmpty(),
                "the exported network is plain DL4J");
    }

    @Test
    void rgsmOnAGraphZeroesWholeFiltersWithFitOnMultiDataSetIterator() {
        DataSet train = TestData.images(128, 2, 6, 3, 4);
        ComputationGraphConfiguration conf = TestNetworks.residualGraph(2, 6, 3, new Sgd(0.05), 5);
        DataSet bnData = TestData.images(64, 2, 6, 3, 9);
        ComputationGraph g = SparseTraining.rgsm(new GroupL0LassoPenalty(1.2, 1e-3, ChannelGrouping.OUTPUT), 1.0)
                .withLayers("conv1", "conv2").withBatchNormData(new ListDataSetIterator<>(bnData.asList(), 32), 2).graph(conf);
        for (int epoch = 0; epoch < 3; epoch++) {
            g.fit(new MultiDataSetIteratorAdapter(new ListDataSetIterator<>(train.asList(), 32)));
        }
        g.fit(new ListDataSetIterator<>(train.asList(), 32));
        INDArray w = g.getLayer("conv1").getParam("W");
        INDArray norms = GroupNorms.of(w, ChannelGrouping.OUTPUT);
        int zero = 0;
        for (double n : norms.toDoubleVector()) {
            zero += n == 0 ? 1 : 0;
        }
        assertTrue(zero > 0, "some filters of conv1 must be exactly zero: " + norms);
        assertEquals(w, SparseExport.sparseWeights(g).get("conv1"));
        assertFalse(SparseExport.sparseWeights(g).containsKey("stem"), "unselected layers are left alone");
        g.fit(train); // fit(DataSet) works too
    }

    @Test
    void configurationJsonKeepsTheMethod() {
        MultiLayerConfiguration conf = SparseTraining.rvsm(new L1Penalty(1e-4), 0.01).withLayers("hidden")
                .applyTo(TestNetworks.mlp(4, 3, 2, new Sgd(0.1), 1));
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        RelaxedSplitting r = (RelaxedSplitting) SparseExport.regularizationOf(back.getConf(0).getLayer());
        assertNotNull(r);
        assertEquals(new L1Penalty(1e-4), r.getPenalty());
        assertEquals(0.01, r.getBeta());
        assertEquals("hidden", r.getLayerName());
        assertEquals(null, SparseExport.regularizationOf(back.getConf(1).getLayer()));
    }

    @Test
    void badSelectionsAreRejectedWithTheValidChoices() {
        MultiLayerConfiguration conf = TestNetworks.convBn(1, 6, 2, new Sgd(0.1), 1);
        SparseTraining t = SparseTraining.rvsm(new L0Penalty(1e-4), 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.withLayers("conv9").applyTo(conf));
        assertTrue(e.getMessage().contains("conv9") && e.getMessage().contains("conv1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.withLayers("conv1_b").applyTo(conf));
        assertTrue(e.getMessage().contains("not a weight"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.withLayers("bn1").applyTo(conf));
        assertTrue(e.getMessage().contains("BatchNormalization"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.withLayers("pool").applyTo(conf));
        assertTrue(e.getMessage().contains("SubsamplingLayer"), e.getMessage());
        assertEquals(2 + 1, NamedLayer.of(t.withLayers("conv1_W", "conv2", "out").applyTo(conf)).stream()
                .filter(l -> SparseExport.regularizationOf(l.config()) != null).count());
        assertThrows(IllegalArgumentException.class, () -> new RelaxedSplitting(new L0Penalty(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new RelaxedSplitting(null, 1));
        e = assertThrows(IllegalArgumentException.class, () -> SparseTraining.rvsm(new GroupL0LassoPenalty(1, 1), 1));
        assertTrue(e.getMessage().contains("rgsm"), e.getMessage());
    }

    @Test
    void batchNormModelsNeedDataForTheEpochEndProjection() {
        MultiLayerConfiguration conf = TestNetworks.convBn(1, 6, 2, new Sgd(0.1), 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SparseTraining.rvsm(new L0Penalty(1e-4), 0.1).network(conf));
        assertTrue(e.getMessage().contains("bn1") && e.getMessage().contains("withBatchNormData"), e.getMessage());
    }

    @Test
    void nanWeightsOrGradientsStopTrainingNamingTheLayer() {
        DataSet data = TestData.blobs(16, 6, 3, 1);
        MultiLayerNetwork net = SparseTraining.rvsm(new L0Penalty(1e-4), 0.1)
                .network(TestNetworks.mlp(6, 5, 3, new Sgd(0.1), 1));
        net.getLayer(1).getParam("W").putScalar(0, 0, Double.NaN);
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class, () -> net.fit(data));
        assertEquals("out", e.getLayerName());
        assertTrue(e.getMessage().contains("'out'") && e.getMessage().contains("NaN"), e.getMessage());

        MultiLayerNetwork net2 = SparseTraining.rvsm(new L0Penalty(1e-4), 0.1)
                .network(TestNetworks.mlp(6, 5, 3, new Sgd(0.1), 1));
        DataSet bad = data.copy();
        bad.getFeatures().putScalar(0, 0, Double.POSITIVE_INFINITY);
        INDArray before = net2.params().dup();
        e = assertThrows(NonFiniteValueException.class, () -> net2.fit(bad));
        assertTrue(e.getMessage().contains("updates") || e.getMessage().contains("gradients"), e.getMessage());
        assertEquals(before, net2.params(), "no weight was changed by the failed step");
    }
}
