package io.github.dl4jrvsm.zoo;

import io.github.dl4jrvsm.zoo.layers.RelativeGaussianNoise;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The few DL4J layer configurations the zoo is made of, each built the one way the models need it.
 *
 * <p>Convolutions are plain 2-D {@link ConvolutionLayer}s (so the core's {@code LayerSelection} can sparsify them),
 * with "same" padding {@code (k - 1) / 2} for odd kernels and no bias when batch norm follows (the bias would be
 * cancelled by the normalisation, as in the reference code's {@code bias=False}).
 */
final class Layers {

    private final IWeightInit convolutionInit;

    Layers(IWeightInit convolutionInit) {
        this.convolutionInit = convolutionInit;
    }

    /** {@code k x k} convolution, stride {@code stride}, padding {@code (k-1)/2}, identity activation. */
    ConvolutionLayer conv(int k, int stride, int nOut, boolean bias) {
        return conv(k, stride, (k - 1) / 2, nOut, bias, Activation.IDENTITY);
    }

    ConvolutionLayer conv(int k, int stride, int padding, int nOut, boolean bias, Activation activation) {
        return new ConvolutionLayer.Builder(k, k).stride(stride, stride).padding(padding, padding).nOut(nOut)
                .hasBias(bias).weightInit(convolutionInit).activation(activation).build();
    }

    /**
     * Batch norm (DL4J defaults: decay 0.9, eps 1e-5, learnable gamma and beta). No activation: DL4J's batch-norm
     * layer ignores the one it is given (its activate() returns the normalised input), so a ReLU after batch norm
     * must be its own {@link #relu()} layer.
     */
    static BatchNormalization batchNorm() {
        return new BatchNormalization.Builder().activation(Activation.IDENTITY).build();
    }

    static ActivationLayer relu() {
        return new ActivationLayer.Builder().activation(Activation.RELU).build();
    }

    static GlobalPoolingLayer globalAveragePool() {
        return new GlobalPoolingLayer.Builder(PoolingType.AVG).build();
    }

    static DenseLayer dense(int nOut, Activation activation) {
        return new DenseLayer.Builder().nOut(nOut).activation(activation).build();
    }

    /** Softmax output with cross-entropy loss: probabilities, usable by DL4J's {@code Evaluation}. */
    static OutputLayer softmaxOutput(int classes) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                .activation(Activation.SOFTMAX).build();
    }

    /** {@code layer} with its name set (for the layers of a MultiLayerNetwork). */
    static <L extends Layer> L named(L layer, String name) {
        layer.setLayerName(name);
        return layer;
    }

    static RelativeGaussianNoise noise(double coefficient, boolean atInference) {
        return new RelativeGaussianNoise.Builder().coefficient(coefficient).noiseAtInference(atInference).build();
    }
}
