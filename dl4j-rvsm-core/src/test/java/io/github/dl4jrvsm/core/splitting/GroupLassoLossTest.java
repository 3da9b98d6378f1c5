package io.github.dl4jrvsm.core.splitting;

import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.testsupport.TestData;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import io.github.dl4jrvsm.core.training.SparseExport;
import io.github.dl4jrvsm.core.training.SparseTraining;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.Regularization;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupLassoLossTest {

    @ParameterizedTest
    @EnumSource(ChannelGrouping.class)
    void itsGradientIsTheScoresDerivative(ChannelGrouping grouping) {
        GroupLassoLoss loss = new GroupLassoLoss(0.3, grouping);
        Nd4j.getRandom().setSeed(3);
        INDArray w = Nd4j.randn(DataType.DOUBLE, 4, 3, 3, 3);
        w.get(NDArrayIndex.point(1)).assign(0);      // a zero group: the smoothing keeps it finite
        INDArray grad = Nd4j.zeros(DataType.DOUBLE, w.shape());
        loss.apply(w, grad, 0.1, 0, 0);
        INDArray flat = w.reshape(w.length()), g = grad.reshape(grad.length());
        double h = 1e-6;
        for (int i = 0; i < flat.length(); i += 7) {
            double v = flat.getDouble(i);
            flat.putScalar(i, v + h);
            double up = loss.score(w, 0, 0);
            flat.putScalar(i, v - h);
            double down = loss.score(w, 0, 0);
            flat.putScalar(i, v);
            assertEquals((up - down) / (2 * h), g.getDouble(i), 1e-5, "entry " + i);
        }
    }

    @Test
    void theAuthorsRgsmInstallsTheGroupL0ProxAndTheLossTermAndTheExportDropsBoth() {
        SparseTraining authors = SparseTraining.rgsmAsAuthors(1e-2, 1e-5, 1, ChannelGrouping.INPUT);
        MultiLayerConfiguration conf = authors.applyTo(TestNetworks.mlp(6, 5, 3, new Sgd(0.1), 1));
        List<Regularization> hidden = ((BaseLayer) conf.getConf(0).getLayer()).getRegularization();
        assertTrue(hidden.stream().anyMatch(r -> r instanceof RelaxedSplitting s && s.getPenalty().name().equals("group-l0")),
                hidden.toString());
        assertTrue(hidden.contains(new GroupLassoLoss(1e-5, ChannelGrouping.INPUT).forLayout(
                new WeightLayout(new long[]{6, 5}, 'f'))), hidden.toString());
        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()));
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        MultiLayerNetwork exported = SparseExport.sparseCopyKeepingBatchNorm(net);
        List<Regularization> left = ((BaseLayer) exported.getLayer(0).conf().getLayer()).getRegularization();
        assertTrue(left.stream().noneMatch(r -> r instanceof GroupLassoLoss || r instanceof SparseRegularization),
                left.toString());
    }

    @ParameterizedTest
    @EnumSource(ChannelGrouping.class)
    void onAGraphsFlatWeightViewItFindsTheChannelsThroughTheLayout(ChannelGrouping grouping) {
        Nd4j.getRandom().setSeed(4);
        for (INDArray w : List.of(Nd4j.randn(DataType.DOUBLE, 4, 3, 3, 3), Nd4j.randn(DataType.DOUBLE, 5, 3).dup('f'))) {
            GroupLassoLoss loss = new GroupLassoLoss(0.3, grouping);
            INDArray expected = Nd4j.zeros(DataType.DOUBLE, w.shape());
            loss.apply(w, expected, 0.1, 0, 0);
            INDArray flat = Nd4j.toFlattened(w.ordering(), w), grad = Nd4j.zeros(DataType.DOUBLE, flat.length());
            GroupLassoLoss bound = loss.forLayout(WeightLayout.of(w));
            bound.apply(flat, grad, 0.1, 0, 0);
            assertEquals(Nd4j.toFlattened(w.ordering(), expected), grad);
            assertEquals(loss.score(w, 0, 0), bound.score(flat, 0, 0), 1e-12);
        }
    }

    @Test
    void theAuthorsRgsmTrainsAGraph() {
        DataSet data = TestData.images(64, 2, 6, 3, 4);
        ComputationGraph g = SparseTraining.rgsmAsAuthors(1e-3, 1e-2, 0.5, ChannelGrouping.OUTPUT)
                .withBatchNormData(new ListDataSetIterator<>(data.asList(), 32), 1)
                .graph(TestNetworks.residualGraph(2, 6, 3, new Sgd(0.05), 5));
        g.fit(new ListDataSetIterator<>(data.asList(), 32));
        assertTrue(Double.isFinite(g.score()), "score " + g.score());
    }
}
