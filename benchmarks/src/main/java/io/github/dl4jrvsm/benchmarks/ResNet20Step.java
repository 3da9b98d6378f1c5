package io.github.dl4jrvsm.benchmarks;

import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.ResNetCifar;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;

/**
 * The zoo's ResNet20 (pre-activation, CIFAR 3x32x32, Nesterov 0.9 / lr 0.1) with one fixed random batch, so that a
 * training step (forward, backward, update) can be timed the same way by the benchmark's workers and the profiler.
 */
final class ResNet20Step {

    private final ComputationGraph net;
    private final DataSet data;
    private final CNN2DFormat format;
    private final int batch;

    ResNet20Step(CNN2DFormat format, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        this.format = format;
        this.batch = batch;
        this.net = ResNetCifar.resnet20().withInputShape(InputShape.CIFAR).withDataFormat(format).withSeed(1).init();
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 3, 32, 32);
        if (format == CNN2DFormat.NHWC) {
            x = x.permute(0, 2, 3, 1).dup('c');
        }
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, 10);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, i % 10, 1);
        }
        this.data = new DataSet(x, y);
    }

    static CNN2DFormat parseFormat(String text) {
        try {
            return CNN2DFormat.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data format must be nchw or nhwc, got '" + text + "'", e);
        }
    }

    /** One training step; returns the loss. */
    double step() {
        net.fit(data);
        return net.score();
    }

    boolean matches(CNN2DFormat f, int b) {
        return format == f && batch == b;
    }

    ComputationGraph net() {
        return net;
    }

    /** Names of the helpers attached to the stem convolution and the first batch norm ({@code none} if absent). */
    String helpers() {
        return "conv=" + name(((ConvolutionLayer) net.getLayer("stem.conv")).getHelper())
                + " bn=" + name(((BatchNormalization) layer("stage1.block1.bn1")).getHelper());
    }

    private Layer layer(String name) {
        return net.getLayer(name);
    }

    private static String name(Object helper) {
        return helper == null ? "none" : helper.getClass().getSimpleName();
    }
}
