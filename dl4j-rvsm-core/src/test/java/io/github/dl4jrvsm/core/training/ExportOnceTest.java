package io.github.dl4jrvsm.core.training;

import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupLassoPenalty;
import io.github.dl4jrvsm.core.prox.L1Penalty;
import io.github.dl4jrvsm.core.prox.TransformedL1Penalty;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.core.splitting.SparseRegularization;
import io.github.dl4jrvsm.core.testsupport.TestNetworks;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The exported model is the {@code u} of the final step, for penalties whose prox is not idempotent: with the epoch-end
 * projection on, the weights already are {@code u} and a second prox would shrink them again.
 */
class ExportOnceTest {

    static Stream<SparseTraining> nonIdempotentPenalties() {
        return Stream.of(SparseTraining.rvsm(new L1Penalty(2e-3), 1),
                SparseTraining.rvsm(new TransformedL1Penalty(2e-3, 1), 1),
                SparseTraining.rgsm(new GroupLassoPenalty(2e-3, ChannelGrouping.OUTPUT), 1));
    }

    private static List<DataSet> batches() {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 12);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 64, 3);
        for (int i = 0; i < 64; i++) {
            y.putScalar(i, i % 3, 1);
        }
        return new DataSet(x, y).asList();
    }

    @ParameterizedTest
    @MethodSource("nonIdempotentPenalties")
    void afterTheEpochEndProjectionTheExportIsTheLastUAndNotItsProx(SparseTraining training) {
        MultiLayerNetwork net = training.network(TestNetworks.mlp(12, 16, 3, new Sgd(0.1), 3));
        // one epoch ending in the projection w := u
        net.fit(new ListDataSetIterator<>(batches(), 16));
        INDArray lastU = net.getLayer(0).getParam("W").dup();
        SparseRegularization r = SparseExport.regularizationOf(net.getLayer(0).conf().getLayer());

        MultiLayerNetwork exported = training.export(net);
        assertEquals(lastU, exported.getLayer(0).getParam("W"));
        assertNotEquals(lastU, r.sparseWeights(lastU), "the prox of u differs from u, so a second prox would show");
        long zeros = lastU.eq(0).castTo(DataType.INT64).sumNumber().longValue()
                + exported.getLayer(1).getParam("W").eq(0).castTo(DataType.INT64).sumNumber().longValue();
        assertEquals(zeros, SparsityReport.of(exported, 12).zeroWeights());
    }

    @ParameterizedTest
    @MethodSource("nonIdempotentPenalties")
    void withoutTheProjectionTheExportAppliesTheProxOnce(SparseTraining training) {
        SparseTraining noProjection = training.withReplaceWeightsEachEpoch(false);
        MultiLayerNetwork net = noProjection.network(TestNetworks.mlp(12, 16, 3, new Sgd(0.1), 3));
        net.fit(new ListDataSetIterator<>(batches(), 16));
        INDArray w = net.getLayer(0).getParam("W").dup();
        SparseRegularization r = SparseExport.regularizationOf(net.getLayer(0).conf().getLayer());
        assertEquals(r.sparseWeights(w), noProjection.export(net).getLayer(0).getParam("W"));
    }
}
