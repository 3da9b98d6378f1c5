package io.github.dl4jrvsm.core.training;

import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty;
import io.github.dl4jrvsm.core.prox.GroupNorms;
import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.report.LayerSparsity;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.core.testsupport.KerasModels;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RVSM and RGSM on networks as {@code KerasModelImport} builds them (NHWC convolutions, softmax dense layer, loss
 * layer), and the sparsity report on them.
 */
class KerasImportedTrainingTest {

    /**
     * Training runs in DOUBLE, on DL4J's own convolution code: the oneDNN helper (FLOAT only, on in these tests)
     * crashed the JVM natively in some runs that trained NHWC layers.
     */
    private static DataSet doubles(DataSet d) {
        return new DataSet(d.getFeatures().castTo(DataType.DOUBLE), d.getLabels().castTo(DataType.DOUBLE));
    }

    private static ListDataSetIterator<DataSet> batches(DataSet d) {
        return new ListDataSetIterator<>(d.asList(), 32);
    }

    @Test
    void rvsmTrainsAnImportedNhwcLeNetAndTheReportMeasuresIt() {
        MultiLayerNetwork net = SparseTraining.rvsm(new L0Penalty(2e-3), 0.5)
                .network(KerasModels.sequentialConfiguration(KerasModels.LENET, true, 1, DataType.DOUBLE));
        NoOpDropout.remove(net);
        DataSet train = doubles(KerasModels.blobs(256, 1));
        double before = net.score(train);
        for (int epoch = 0; epoch < 6; epoch++) {
            net.fit(batches(train));
        }
        double after = net.score(train);
        // the score includes the penalty; Keras' Adam(1e-3) moves slowly
        assertTrue(after < 0.98 * before, "loss " + before + " -> " + after);
        // the softmax dense layer is a dense layer like any other; the loss layer has no weight
        assertEquals(List.of("conv1", "fc1", "predictions"), List.copyOf(SparseExport.sparseWeights(net).keySet()));

        MultiLayerNetwork sparse = SparseExport.sparseCopy(net, null);
        SparsityReport r = SparsityReport.of(sparse, KerasModels.HEIGHT, KerasModels.WIDTH, KerasModels.CHANNELS);
        assertEquals(List.of("conv1", "fc1", "predictions"), r.layers().stream().map(LayerSparsity::name).toList());
        INDArray fc1 = sparse.getLayer(2).getParam("W");
        long zeros = fc1.eq(0.0).castTo(DataType.INT64).sumNumber().longValue();
        assertTrue(zeros > fc1.length() / 4, "fc1 has " + zeros + " zeros of " + fc1.length());
        assertEquals(zeros, r.layers().get(1).zeroWeights());
        // conv1: 6 x 2 x 3 x 3 weights at 10 x 10 output positions, two FLOPs per multiply-add
        assertEquals(2L * 6 * 2 * 3 * 3 * 10 * 10, r.layers().get(0).flops());
        assertEquals(2L * 150 * 16, r.layers().get(1).flops());
    }

    /** The imported LeNet (DOUBLE) with one channel group of its NHWC first convolution set to zero. */
    private static MultiLayerNetwork withConv1GroupZeroed(ChannelGrouping grouping, int group) {
        MultiLayerNetwork net = KerasModels.sequential(KerasModels.LENET, true, 2, DataType.DOUBLE);
        INDArray w = net.getLayer(0).getParam("W");
        w.put(slice(w, grouping.groupAxis(w), group), 0.0);
        return net;
    }

    @Test
    void outputGroupsAreTheLastAxisOfAnNhwcActivation() {
        int group = 2;
        MultiLayerNetwork net = withConv1GroupZeroed(ChannelGrouping.OUTPUT, group);
        INDArray w = net.getLayer(0).getParam("W");
        net.getLayer(0).getParam("b").putScalar(group, 0.0);
        assertEquals(0.0, GroupNorms.of(w, ChannelGrouping.OUTPUT).getDouble(group));

        INDArray out = net.feedForwardToLayer(0, KerasModels.images(4, 3, DataType.DOUBLE).getFeatures()).get(1);
        assertEquals(List.of(4L, 10L, 10L, 6L), List.of(out.size(0), out.size(1), out.size(2), out.size(3)));
        for (int c = 0; c < 6; c++) {
            double max = out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(c))
                    .amaxNumber().doubleValue();
            assertEquals(c == group, max == 0.0, "channel " + c + " max " + max);
        }
    }

    @Test
    void inputGroupsAreTheLastAxisOfAnNhwcInput() {
        int group = 1;
        MultiLayerNetwork net = withConv1GroupZeroed(ChannelGrouping.INPUT, group);
        INDArray x = KerasModels.images(4, 3, DataType.DOUBLE).getFeatures();
        INDArray changed = x.dup();
        changed.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(group)).assign(0.5);
        assertEquals(0.0, net.output(x).sub(net.output(changed)).amaxNumber().doubleValue(), 1e-12);
        changed.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(1 - group)).assign(0.5);
        assertTrue(net.output(x).sub(net.output(changed)).amaxNumber().doubleValue() > 1e-6);
    }

    @Test
    void noOpDropoutStopsAnImportedNhwcNetworkFromTraining() {
        // DL4J's own convolution backward pass (the oneDNN helper, when on, takes FLOAT only) meets the dropout mask
        DataSet train = doubles(KerasModels.blobs(64, 4));
        MultiLayerNetwork broken = KerasModels.sequential(KerasModels.LENET_BN, true, 1, DataType.DOUBLE);
        assertThrows(RuntimeException.class, () -> broken.fit(train), "DL4J M2.1 fails on Keras' Dropout(1.0)");

        MultiLayerNetwork net = SparseTraining.rgsm(new GroupL0LassoPenalty(0.5, 1e-3, ChannelGrouping.OUTPUT), 1.0)
                .withBatchNormData(batches(train), 2)
                .network(KerasModels.sequentialConfiguration(KerasModels.LENET_BN, true, 1, DataType.DOUBLE));
        INDArray x = train.getFeatures();
        INDArray before = net.output(x);
        List<String> cleared = NoOpDropout.remove(net);
        assertEquals(List.of("conv1", "bn1", "conv2", "pool1", "fc1", "predictions"), cleared);
        assertEquals(0.0, net.output(x).sub(before).amaxNumber().doubleValue(), 0.0);
        double start = net.score(train);
        for (int epoch = 0; epoch < 4; epoch++) {
            net.fit(batches(train));
        }
        assertTrue(net.score(train) < start, "loss " + start + " -> " + net.score(train));
    }

    /** Every index of {@code w}, with {@code axis} fixed at {@code index}. */
    private static INDArrayIndex[] slice(INDArray w, int axis, int index) {
        INDArrayIndex[] idx = new INDArrayIndex[w.rank()];
        for (int d = 0; d < idx.length; d++) {
            idx[d] = d == axis ? NDArrayIndex.point(index) : NDArrayIndex.all();
        }
        return idx;
    }
}
