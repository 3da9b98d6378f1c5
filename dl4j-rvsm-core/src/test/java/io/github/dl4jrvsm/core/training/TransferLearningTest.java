package io.github.dl4jrvsm.core.training;

import io.github.dl4jrvsm.core.prox.L0Penalty;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RVSM on a network from DL4J's TransferLearning: the layers that train become sparse, frozen ones stay as they were. */
class TransferLearningTest {

    private static MultiLayerNetwork pretrained() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7)
                .updater(new Sgd(0.05)).weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv").nOut(4).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().name("fc").nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 1)).build());
        net.init();
        net.fit(data());
        return net;
    }

    private static ListDataSetIterator<DataSet> data() {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(64, 1, 8, 8);
        INDArray y = Nd4j.zeros(64, 3);
        for (int i = 0; i < 64; i++) {
            y.putScalar(i, i % 3, 1.0);
        }
        return new ListDataSetIterator<>(new DataSet(x, y).asList(), 16);
    }

    private static MultiLayerNetwork frozenFeatures(MultiLayerNetwork pretrained) {
        return new TransferLearning.Builder(pretrained)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Sgd(0.05)).build())
                .setFeatureExtractor(0)
                .build();
    }

    @Test
    void onlyTheLayersThatTrainBecomeSparse() {
        MultiLayerNetwork net = frozenFeatures(pretrained());
        INDArray frozenBefore = net.getParam("0_W").dup();
        SparseTraining rvsm = SparseTraining.rvsm(new L0Penalty(1e-3), 1.0);
        rvsm.attach(net);
        for (int e = 0; e < 3; e++) {
            net.fit(data());
        }
        assertEquals(frozenBefore, net.getParam("0_W"), "the frozen convolution must not change");

        MultiLayerNetwork exported = rvsm.export(net);
        assertEquals(frozenBefore, exported.getParam("0_W"), "nor does the export touch it");
        assertEquals(0, countZeros(exported.getParam("0_W")), "the frozen layer is not thresholded");
        long zeros = countZeros(exported.getParam("1_W"));
        assertTrue(zeros > exported.getParam("1_W").length() / 10,
                "the trained dense layer is sparse: " + zeros + " zeros of " + exported.getParam("1_W").length());
    }

    @Test
    void namingAFrozenLayerIsAnError() {
        MultiLayerNetwork net = frozenFeatures(pretrained());
        String frozen = net.getLayer(0).conf().getLayer().getLayerName();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparseTraining.rvsm(new L0Penalty(1e-3), 1.0).withLayers(frozen).attach(net));
        assertTrue(e.getMessage().contains("'" + frozen + "' is frozen") && !e.getMessage().contains("\n"),
                e.getMessage());
    }

    private static long countZeros(INDArray a) {
        return a.length() - a.neq(0).castTo(DataType.INT).sumNumber().longValue();
    }
}
