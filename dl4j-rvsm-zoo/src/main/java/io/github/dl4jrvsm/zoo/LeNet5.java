package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;

/**
 * LeNet-5 with ReLU and max pooling, the dissertation's RGSM example on (Fashion-)MNIST, as a
 * {@link MultiLayerNetwork}: conv 5x5 x 6 (padding 2) {@code conv1}, max pool 2x2 {@code pool1}, conv 5x5 x 16
 * {@code conv2}, max pool {@code pool2}, dense 120 {@code fc1}, dense 84 {@code fc2}, softmax {@code output}.
 *
 * <p>The padding of {@code conv1} keeps 28x28 inputs at 28x28, so the classic 16x5x5 feature map reaches
 * {@code fc1} (61,706 parameters); larger inputs give a wider {@code fc1}. Set {@code inputShape} to
 * {@link InputShape#FASHION_MNIST} for the usual data; the other defaults are {@link ZooModel}'s.
 */
public final class LeNet5 extends MultiLayerZooModel<LeNet5> {

    @Override
    public MultiLayerConfiguration conf() {
        Layers layers = layers();
        NeuralNetConfiguration.ListBuilder b = base().list();
        b.layer(Layers.named(layers.conv(5, 1, 2, 6, true, Activation.RELU), "conv1"));
        b.layer(Layers.named(maxPool(), "pool1"));
        b.layer(Layers.named(layers.conv(5, 1, 0, 16, true, Activation.RELU), "conv2"));
        b.layer(Layers.named(maxPool(), "pool2"));
        b.layer(Layers.named(Layers.dense(120, Activation.RELU), "fc1"));
        b.layer(Layers.named(Layers.dense(84, Activation.RELU), "fc2"));
        b.layer(Layers.named(Layers.softmaxOutput(classes()), "output"));
        return b.setInputType(inputShape().inputType()).build();
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }
}
