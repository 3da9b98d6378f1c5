package io.github.dl4jrvsm.core.training;

import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.testsupport.TestData;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchNormExportTest {

    private static final DataSet TRAIN = TestData.images(512, 1, 8, 4, 21);
    private static final DataSet TEST = TestData.images(256, 1, 8, 4, 22);

    private static ListDataSetIterator<DataSet> iterator(DataSet d) {
        return new ListDataSetIterator<>(d.asList(), 64);
    }

    private static double accuracy(MultiLayerNetwork net) {
        return net.evaluate(iterator(TEST)).accuracy();
    }

    @Test
    void reestimatedRunningMeanAndVarianceAreThePopulationStatisticsOfTheLayerInput() {
        MultiLayerNetwork net = new MultiLayerNetwork(TestNetworks.convBn(1, 8, 4, new Nesterovs(0.05, 0.9), 3));
        net.init();
        net.fit(iterator(TRAIN));
        BatchNormStatistics.reestimate(net, iterator(TRAIN), 100);
        List<INDArray> conv1Outputs = new ArrayList<>();
        for (DataSet b : TRAIN.batchBy(64)) {
            conv1Outputs.add(net.feedForward(b.getFeatures(), true).get(1).castTo(DataType.DOUBLE));
        }
        INDArray all = Nd4j.concat(0, conv1Outputs.toArray(new INDArray[0]));
        INDArray mean = all.mean(0, 2, 3), var = all.var(false, 0, 2, 3);
        INDArray storedMean = net.getLayer(1).getParam("mean").castTo(DataType.DOUBLE).reshape(-1);
        INDArray log10Std = net.getLayer(1).getParam("log10stdev").castTo(DataType.DOUBLE).reshape(-1);
        INDArray storedVar = Transforms.pow(
                Nd4j.valueArrayOf(log10Std.shape(), 10.0, DataType.DOUBLE), log10Std.mul(2));
        assertTrue(mean.sub(storedMean).amaxNumber().doubleValue() < 1e-4, mean + " vs " + storedMean);
        assertTrue(var.sub(storedVar).amaxNumber().doubleValue() < 1e-3 * var.amaxNumber().doubleValue(),
                var + " vs " + storedVar);
    }

    @Test
    void aSparseBatchNormNetworkKeepsItsAccuracyAcrossTheExport() {
        // w stays dense-ish during training (no epoch-end projection), so the running statistics describe w, not u
        MultiLayerNetwork net = SparseTraining.rvsm(new L0Penalty(0.006), 0.5)
                .withReplaceWeightsEachEpoch(false).network(TestNetworks.convBn(1, 8, 4, new Nesterovs(0.05, 0.9), 3));
        for (int epoch = 0; epoch < 6; epoch++) {
            net.fit(iterator(TRAIN));
        }
        double trained = accuracy(net);
        MultiLayerNetwork exported = SparseExport.sparseCopy(net, iterator(TRAIN));
        MultiLayerNetwork stale = SparseExport.sparseCopyKeepingBatchNorm(net);
        double conv2Sparsity = exported.getLayer(3).getParam("W").eq(0.0).castTo(DataType.INT64).sumNumber()
                .doubleValue() / exported.getLayer(3).getParam("W").length();
        System.out.printf("trained %.3f, exported %.3f, stale BN %.3f, conv2 sparsity %.3f%n", trained,
                accuracy(exported), accuracy(stale), conv2Sparsity);
        assertTrue(conv2Sparsity > 0.5, "conv2 sparsity " + conv2Sparsity);
        assertTrue(accuracy(exported) >= trained - 0.03, "exported " + accuracy(exported) + " vs trained " + trained);
        assertTrue(accuracy(exported) > accuracy(stale), "re-estimation must beat stale statistics");
    }

    @Test
    void exportRefusesToGuessBatchNormStatistics() {
        MultiLayerNetwork net = SparseTraining.rvsm(new L0Penalty(0.05), 0.5)
                .withReplaceWeightsEachEpoch(false).network(TestNetworks.convBn(1, 8, 4, new Nesterovs(0.05, 0.9), 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparseExport.sparseCopy(net, null));
        assertTrue(e.getMessage().contains("bn1"), e.getMessage());
        assertEquals(2, BatchNormStatistics.batchNormLayers(net).size());
    }
}
