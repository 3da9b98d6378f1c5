package io.github.dl4jrvsm.zoo.layers;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.buffer.util.DataTypeUtil;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DL4J's own gradient checker on a small residual graph with the noise layer after the sum (noise sample fixed): the
 * convolution weights before the noise receive the exact gradient, including the part that flows through std.
 */
class NoiseGraphGradientTest {

    @Test
    void residualGraphWithNoisePassesDl4jGradientCheck() {
        DataType previous = Nd4j.dataType();
        DataTypeUtil.setDTypeForContext(DataType.DOUBLE);
        try {
            ComputationGraph net = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(3)
                    .dataType(DataType.DOUBLE).updater(new NoOp()).activation(Activation.IDENTITY).graphBuilder()
                    .addInputs("input")
                    .addLayer("conv1", new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(3)
                            .activation(Activation.TANH).build(), "input")
                    .addLayer("conv2", new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(3).build(), "conv1")
                    .addVertex("add", new ElementWiseVertex(ElementWiseVertex.Op.Add), "conv2", "conv1")
                    .addLayer("noise", new RelativeGaussianNoise(0.5, true), "add")
                    .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "noise")
                    .addLayer("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                            .activation(Activation.SOFTMAX).build(), "pool")
                    .setOutputs("output")
                    .setInputTypes(InputType.convolutional(4, 4, 2))
                    .build());
            net.init();
            Nd4j.getRandom().setSeed(5);
            INDArray x = Nd4j.randn(DataType.DOUBLE, 2, 2, 4, 4);
            INDArray y = Nd4j.create(new double[][]{{1, 0, 0}, {0, 0, 1}});
            ((RelativeGaussianNoiseLayer) net.getLayer("noise")).fixNoise(Nd4j.randn(DataType.DOUBLE, 2, 3, 4, 4));
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net)
                    .inputs(new INDArray[]{x}).labels(new INDArray[]{y}).epsilon(1e-6).maxRelError(1e-5)
                    .minAbsoluteError(1e-10).exitOnFirstError(false));
            assertTrue(ok, "DL4J gradient check failed; see the log for the offending parameters");
        } finally {
            DataTypeUtil.setDTypeForContext(previous);
        }
    }
}
