package io.github.dl4jrvsm.core.training;

import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.splitting.RelaxedSplitting;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DL4J's L2 weight decay (the CLI's {@code --weight-decay}) and RVSM act together: the configuration keeps both, and
 * one SGD step differs from the step without decay by exactly {@code -lr * decay * w}, the decay's own gradient.
 */
class WeightDecayCompositionTest {

    private static final double LR = 0.1;
    private static final double DECAY = 5e-3;

    private static MultiLayerConfiguration conf(double l2) {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder().seed(4).updater(new Sgd(LR))
                .weightInit(WeightInit.XAVIER);
        if (l2 > 0) {
            b.l2(l2);
        }
        return b.list()
                .layer(new DenseLayer.Builder().name("hidden").nIn(6).nOut(5).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nIn(5).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }

    @Test
    void decayAndSplittingBothApplyInOneStep() {
        SparseTraining rvsm = SparseTraining.rvsm(new L0Penalty(1e-4), 0.5).withReplaceWeightsEachEpoch(false);
        MultiLayerNetwork plain = rvsm.network(conf(0));
        MultiLayerNetwork decayed = rvsm.network(conf(DECAY));
        BaseLayer hidden = (BaseLayer) decayed.getLayer(0).conf().getLayer();
        assertTrue(hidden.getRegularization().stream().anyMatch(r -> r instanceof L2Regularization));
        assertTrue(hidden.getRegularization().stream().anyMatch(r -> r instanceof RelaxedSplitting));

        INDArray w0 = plain.getLayer(0).getParam("W").dup();
        assertEquals(w0, decayed.getLayer(0).getParam("W"));
        Nd4j.getRandom().setSeed(2);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 3);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 3, 1);
        }
        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, 8, 6), y);
        plain.fit(batch);
        decayed.fit(batch);
        INDArray expected = w0.mul(-LR * DECAY);
        INDArray actual = decayed.getLayer(0).getParam("W").sub(plain.getLayer(0).getParam("W"));
        assertEquals(0, expected.sub(actual).amaxNumber().doubleValue(), 1e-6);
        assertTrue(plain.getLayer(0).getParam("W").sub(w0).amaxNumber().doubleValue() > 0, "the step moved the weights");
    }
}
