package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.adversarial.attack.Norm;
import io.github.dl4jrvsm.adversarial.evaluation.AutoAttack;
import io.github.dl4jrvsm.adversarial.evaluation.AutoAttackReport;
import io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.core.testsupport.KerasModels;
import io.github.dl4jrvsm.core.training.NoOpDropout;
import io.github.dl4jrvsm.core.training.SparseTraining;
import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import io.github.dl4jrvsm.surgery.ChannelSurgery;
import io.github.dl4jrvsm.surgery.SurgeryResult;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "Keras-imported models" example, step by step, on an imported 28x28x1 LeNet (from JSON here; the
 * README imports an {@code .h5} file, which needs HDF5 but builds the same configuration).
 */
class KerasReadmeExampleTest {

    /**
     * NHWC and DOUBLE: DL4J's own convolution code trains the NHWC layer, not the oneDNN helper (FLOAT only), which
     * crashed the JVM natively in some runs that trained NHWC layers.
     */
    private static DataSet nhwc(DataSet d) {
        return new DataSet(d.getFeatures().permute(0, 2, 3, 1).dup('c').castTo(DataType.DOUBLE),
                d.getLabels().castTo(DataType.DOUBLE));
    }

    @Test
    void importTrainSparseEvaluateAndPrune() {
        MultiLayerNetwork net = KerasModels.sequential(KerasModels.LENET_28, true, 5, DataType.DOUBLE);
        NoOpDropout.remove(net);
        // a strength for this 6-filter layer and 3 short epochs: it zeroes most filters of conv1
        SparseTraining rgsm = SparseTraining.rgsm(new GroupL0LassoPenalty(0.12, 1e-3), 1.0).withLayers("conv1");
        rgsm.attach(net);
        ListDataSetIterator<DataSet> train = new ListDataSetIterator<>(nhwc(FashionMnist.train(1024)).asList(), 64);
        net.fit(train, 3);
        MultiLayerNetwork sparse = rgsm.export(net);

        SparsityReport report = SparsityReport.of(sparse, 28, 28, 1);
        assertTrue(report.layers().get(0).zeroOutputChannels() > 0, report.toMarkdown());

        DataSet test = nhwc(FashionMnist.test(32));
        AutoAttackReport aa = AutoAttack.of(Norm.LINF, 0.1).withIterations(5).withQueries(20)
                .evaluate(sparse, new ListDataSetIterator<>(test.asList(), 32), 32);
        assertEquals(32, aa.examples());
        assertTrue(aa.robust().accuracy() <= aa.clean().accuracy());

        SurgeryResult pruned = ChannelSurgery.prune(sparse);
        MultiLayerNetwork small = (MultiLayerNetwork) pruned.network();
        assertTrue(small.numParams() < sparse.numParams());
        INDArray x = test.getFeatures();
        assertTrue(small.output(x).sub(sparse.output(x)).amaxNumber().doubleValue() < 1e-4);
    }
}
