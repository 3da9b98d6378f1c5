package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;

import java.util.List;

/**
 * VGG16 with batch norm in its CIFAR form, the dissertation's RVSM/RGSM benchmark, as a {@link MultiLayerNetwork}:
 * 13 3x3 convolutions (64, 64 | 128, 128 | 256 x3 | 512 x3 | 512 x3), each followed by batch norm + ReLU, a 2x2 max
 * pool after every group, then a dense head {@code fc1} 512 - {@code fc2} 512 - softmax {@code output}.
 *
 * <p>Names: {@code block2.conv1}, {@code block2.bn1}, {@code block2.pool}, ... The pools use DL4J's "same" mode
 * (output {@code ceil(in / 2)}), so five halvings take 32x32 and 28x28 inputs alike down to 1x1 x 512, and the head
 * has the same size for both (about 15.0 M parameters). The head width is {@link #withHeadWidth(int)} (default
 * {@value #DEFAULT_HEAD_WIDTH}); the other defaults are {@link ZooModel}'s.
 */
public final class Vgg16 extends MultiLayerZooModel<Vgg16> {

    public static final int DEFAULT_HEAD_WIDTH = 512;
    private static final int[][] BLOCKS = {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}};

    private int headWidth = DEFAULT_HEAD_WIDTH;

    public Vgg16 withHeadWidth(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("head width must be >= 1, got " + width);
        }
        return copy(m -> m.headWidth = width);
    }

    @Override
    protected List<Object> architecture() {
        return List.of(headWidth);
    }

    @Override
    public MultiLayerConfiguration conf() {
        Layers layers = layers();
        NeuralNetConfiguration.ListBuilder b = base().list();
        for (int block = 0; block < BLOCKS.length; block++) {
            String p = "block" + (block + 1) + ".";
            for (int c = 0; c < BLOCKS[block].length; c++) {
                b.layer(Layers.named(layers.conv(3, 1, BLOCKS[block][c], false), p + "conv" + (c + 1)));
                b.layer(Layers.named(Layers.batchNorm(), p + "bn" + (c + 1)));
                b.layer(Layers.named(Layers.relu(), p + "relu" + (c + 1)));
            }
            b.layer(Layers.named(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                    .convolutionMode(ConvolutionMode.Same).build(), p + "pool"));
        }
        b.layer(Layers.named(Layers.dense(headWidth, Activation.RELU), "fc1"));
        b.layer(Layers.named(Layers.dense(headWidth, Activation.RELU), "fc2"));
        b.layer(Layers.named(Layers.softmaxOutput(classes()), "output"));
        return b.setInputType(inputShape().inputType()).build();
    }
}
