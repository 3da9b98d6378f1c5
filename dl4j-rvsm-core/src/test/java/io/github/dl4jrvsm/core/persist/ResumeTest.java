package io.github.dl4jrvsm.core.persist;

import io.github.dl4jrvsm.core.admm.AdmmPruning;
import io.github.dl4jrvsm.core.admm.MagnitudeProjection;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty;
import io.github.dl4jrvsm.core.prox.TransformedL1Penalty;
import io.github.dl4jrvsm.core.testsupport.TestData;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import io.github.dl4jrvsm.core.training.SparseExport;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Nesterovs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saving in the middle of training and continuing gives bit-identical weights and sparse weights. */
class ResumeTest {

    @TempDir
    Path dir;

    private static final DataSet TRAIN = TestData.blobs(96, 8, 3, 5);

    private static void train(Model net, int from, int to) {
        List<DataSet> batches = TRAIN.asList();
        for (int i = from; i < to; i++) {
            DataSet b = DataSet.merge(batches.subList((i * 16) % 96, (i * 16) % 96 + 16));
            if (net instanceof MultiLayerNetwork m) {
                m.fit(b);
            } else {
                ((ComputationGraph) net).fit(b);
            }
        }
    }

    private static void assertSameState(MultiLayerNetwork a, MultiLayerNetwork b) {
        assertEquals(a.params(), b.params(), "weights");
        assertEquals(a.getUpdater().getStateViewArray(), b.getUpdater().getStateViewArray(), "updater state");
        Map<String, INDArray> ua = SparseExport.sparseWeights(a), ub = SparseExport.sparseWeights(b);
        assertEquals(ua.keySet(), ub.keySet());
        ua.forEach((k, v) -> assertEquals(v, ub.get(k), "u of " + k));
    }

    @Test
    void rvsmResumesBitIdenticallyFromAPlainModelSerializerFile() throws Exception {
        SparseTraining method = SparseTraining.rvsm(new TransformedL1Penalty(0.02, 1.0), 0.5);
        MultiLayerNetwork straight = method.network(TestNetworks.mlp(8, 16, 3, new Nesterovs(0.05, 0.9), 11));
        MultiLayerNetwork first = method.network(TestNetworks.mlp(8, 16, 3, new Nesterovs(0.05, 0.9), 11));
        train(straight, 0, 12);
        train(first, 0, 5);
        File f = dir.resolve("mid.zip").toFile();
        ModelSerializer.writeModel(first, f, true);
        MultiLayerNetwork resumed = ModelSerializer.restoreMultiLayerNetwork(f, true);
        train(resumed, 5, 12);
        assertSameState(straight, resumed);
        assertNotEquals(0, SparseExport.sparseWeights(resumed).get("hidden").eq(0.0).castTo(
                DataType.INT32).sumNumber().intValue(), "u must be sparse for the test to mean anything");
    }

    @Test
    void rgsmGraphResumesBitIdentically() throws Exception {
        DataSet images = TestData.images(32, 2, 6, 3, 3);
        SparseTraining method = SparseTraining.rgsm(new GroupL0LassoPenalty(0.5, 1e-3), 1.0).withReplaceWeightsEachEpoch(false);
        ComputationGraph straight = method.graph(TestNetworks.residualGraph(2, 6, 3, new Nesterovs(0.02, 0.9), 4));
        ComputationGraph first = method.graph(TestNetworks.residualGraph(2, 6, 3, new Nesterovs(0.02, 0.9), 4));
        for (int i = 0; i < 6; i++) {
            straight.fit(images);
        }
        for (int i = 0; i < 3; i++) {
            first.fit(images);
        }
        File f = dir.resolve("graph.zip").toFile();
        SparseModelSerializer.write(first, f);
        ComputationGraph resumed = SparseModelSerializer.restoreComputationGraph(f);
        for (int i = 0; i < 3; i++) {
            resumed.fit(images);
        }
        assertEquals(straight.params(), resumed.params());
        SparseExport.sparseWeights(straight).forEach((k, v) -> assertEquals(v, SparseExport.sparseWeights(resumed).get(k)));
    }

    @Test
    void admmStateTravelsWithTheModel() throws Exception {
        SparseTraining method = SparseTraining.with(new AdmmPruning(MagnitudeProjection.elementwise(0.7), 1e-2, 2, 8));
        MultiLayerNetwork straight = method.network(TestNetworks.mlp(8, 16, 3, new Nesterovs(0.05, 0.9), 11));
        MultiLayerNetwork first = method.network(TestNetworks.mlp(8, 16, 3, new Nesterovs(0.05, 0.9), 11));
        train(straight, 0, 14);
        train(first, 0, 5);
        File f = dir.resolve("admm.zip").toFile();
        SparseModelSerializer.write(first, f);
        MultiLayerNetwork resumed = SparseModelSerializer.restoreMultiLayerNetwork(f);
        train(resumed, 5, 14);
        assertSameState(straight, resumed);
        assertTrue(((AdmmPruning) SparseExport.regularizationOf(resumed.getLayer(0).conf().getLayer())).isRetraining());

        // without the saved dual variables the run diverges from the uninterrupted one
        MultiLayerNetwork lossy = ModelSerializer.restoreMultiLayerNetwork(f, true);
        train(lossy, 5, 14);
        assertNotEquals(straight.params(), lossy.params());
    }

    @Test
    void writesAtomicallyAndLeavesNoTemporaryFiles() throws Exception {
        MultiLayerNetwork net = SparseTraining.rgsm(new GroupL0LassoPenalty(0.1, 0.0, ChannelGrouping.OUTPUT), 1)
                .network(TestNetworks.mlp(8, 16, 3, new Nesterovs(0.05, 0.9), 1));
        File f = dir.resolve("sub/model.zip").toFile();
        SparseModelSerializer.write(net, f);
        SparseModelSerializer.write(net, f);
        try (var files = Files.list(f.toPath().getParent())) {
            assertEquals(List.of("model.zip"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(net.params(), SparseModelSerializer.restoreMultiLayerNetwork(f).params());
    }
}
