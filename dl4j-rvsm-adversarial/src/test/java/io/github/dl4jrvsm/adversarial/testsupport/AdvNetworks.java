package io.github.dl4jrvsm.adversarial.testsupport;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Networks for attack tests: batch norm and dropout everywhere, so the inference/training distinction matters. */
public final class AdvNetworks {

    private AdvNetworks() {
    }

    /** dense -&gt; BN(relu) -&gt; dropout dense -&gt; softmax, on {@code in} features. */
    public static MultiLayerNetwork denseBn(int in, int classes, DataType type, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed).dataType(type)
                .updater(new Nesterovs(0.05, 0.9)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().name("fc1").nIn(in).nOut(12).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().name("bn1").activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().name("fc2").nOut(10).activation(Activation.TANH).dropOut(0.7).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(classes)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(in)).build());
        net.init();
        return net;
    }

    /** conv -&gt; BN -&gt; conv + skip -&gt; BN -&gt; global pool -&gt; softmax, as a graph. */
    public static ComputationGraph residualBn(int channels, int size, int classes, DataType type, long seed) {
        ComputationGraph g = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(seed).dataType(type)
                .updater(new Nesterovs(0.05, 0.9)).weightInit(WeightInit.RELU).graphBuilder()
                .addInputs("input")
                .addLayer("stem", new ConvolutionLayer.Builder(3, 3).nOut(6).padding(1, 1).activation(Activation.TANH).build(), "input")
                .addLayer("bn1", new BatchNormalization.Builder().activation(Activation.TANH).build(), "stem")
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(6).padding(1, 1).activation(Activation.IDENTITY).build(), "bn1")
                .addVertex("add", new ElementWiseVertex(ElementWiseVertex.Op.Add), "conv", "stem")
                .addLayer("bn2", new BatchNormalization.Builder().activation(Activation.TANH).build(), "add")
                .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "bn2")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).build(), "gap")
                .setOutputs("out").setInputTypes(InputType.convolutional(size, size, channels)).build());
        g.init();
        return g;
    }

    /** A small LeNet-like classifier for 28x28 grey images with batch norm: conv -&gt; BN -&gt; relu -&gt; pool -&gt; dense. */
    public static MultiLayerNetwork smallCnn(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .updater(new Adam(2e-3)).weightInit(WeightInit.RELU).list()
                .layer(new ConvolutionLayer.Builder(5, 5).name("conv1").nOut(8).stride(2, 2).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().name("bn1").build())
                .layer(new ActivationLayer.Builder().name("relu1").activation(Activation.RELU).build())
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv2").nOut(16).stride(2, 2).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().name("fc").nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build());
        net.init();
        return net;
    }
}
