package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import io.github.dl4jrvsm.zoo.layers.RelativeGaussianNoise;

import java.util.List;

/**
 * The CIFAR ResNets of He et al. with depth {@code 6n + 2} (ResNet20: n = 3, ResNet38: n = 6, ResNet56: n = 9): a 3x3
 * stem with 16 channels, three stages of {@code n} basic blocks with 16, 32 and 64 channels (stride 2 at the start of
 * stages 2 and 3), global average pooling and a softmax dense layer, as a DL4J {@link ComputationGraph}.
 *
 * <pre>{@code
 * ComputationGraph net = ResNetCifar.resnet20().withInputShape(InputShape.FASHION_MNIST).init();
 * }</pre>
 *
 * <p>Defaults: {@link ResNetVariant#PRE_ACTIVATION} (the authors' ResNet20/38), no noise; the remaining ones are
 * {@link ZooModel}'s. {@link #withNoise(double)} adds the EnResNet noise to every block of this single network; an
 * ensemble is {@link EnResNet}. With a 3x32x32 input ResNet20 has 273,658 DL4J parameters (272,282 trainable: DL4J
 * counts the batch-norm running mean and variance as parameters).
 */
public final class ResNetCifar extends GraphZooModel<ResNetCifar> {

    /** The three stage widths of the CIFAR ResNets. */
    static final int[] WIDTHS = {16, 32, 64};

    private int depth;
    private ResNetVariant variant = ResNetVariant.PRE_ACTIVATION;
    private double noise;
    private boolean noiseAtInference = true;
    private CNN2DFormat dataFormat = CNN2DFormat.NCHW;

    private ResNetCifar(int depth) {
        blocksPerStage(depth);
        this.depth = depth;
    }

    /** A ResNet of the given depth, which must be {@code 6n + 2} with {@code n >= 1} (8, 14, 20, 26, 32, 38, ...). */
    public static ResNetCifar depth(int depth) {
        return new ResNetCifar(depth);
    }

    public static ResNetCifar resnet20() {
        return depth(20);
    }

    public static ResNetCifar resnet38() {
        return depth(38);
    }

    public static ResNetCifar resnet56() {
        return depth(56);
    }

    /** {@code n} for depth {@code 6n + 2}. */
    static int blocksPerStage(int depth) {
        if (depth < 8 || (depth - 2) % 6 != 0) {
            throw new IllegalArgumentException("CIFAR ResNet depth must be 6n + 2 with n >= 1 (8, 14, 20, 26, 32, 38, "
                    + "44, 56, 110, ...), got " + depth);
        }
        return (depth - 2) / 6;
    }

    /** A copy of this model with another depth (same rule as {@link #depth(int)}). */
    public ResNetCifar withDepth(int d) {
        blocksPerStage(d);
        return copy(m -> m.depth = d);
    }

    public ResNetCifar withVariant(ResNetVariant v) {
        if (v == null) {
            throw new IllegalArgumentException("variant must not be null; PRE_ACTIVATION or POST_ACTIVATION");
        }
        return copy(m -> m.variant = v);
    }

    /** EnResNet noise coefficient {@code c >= 0} after every residual sum; 0 (default) adds no noise layers. */
    public ResNetCifar withNoise(double coefficient) {
        double c = RelativeGaussianNoise.checkedCoefficient(coefficient);
        return copy(m -> m.noise = c);
    }

    /** Whether the noise stays on at inference (default {@code true}, the defence); training always adds it. */
    public ResNetCifar withNoiseAtInference(boolean on) {
        return copy(m -> m.noiseAtInference = on);
    }

    /**
     * Memory layout of the images and of every activation: {@code NCHW} (default, DL4J's and the data iterators') or
     * {@code NHWC} (channels last, which oneDNN may prefer). Inputs must then be {@code [batch, height, width,
     * channels]}; the weights are laid out the same either way, so one seed gives the same network in both.
     */
    public ResNetCifar withDataFormat(CNN2DFormat format) {
        if (format == null) {
            throw new IllegalArgumentException("data format must not be null; CNN2DFormat.NCHW or CNN2DFormat.NHWC");
        }
        return copy(m -> m.dataFormat = format);
    }

    public CNN2DFormat dataFormat() {
        return dataFormat;
    }

    public int depth() {
        return depth;
    }

    /** The authors' ResNets initialise every convolution with He normal scaled by the fan-out. */
    @Override
    protected boolean authorsUseFanOutConvolutions() {
        return true;
    }

    @Override
    protected List<Object> architecture() {
        return List.of(depth, variant, noise, noiseAtInference, dataFormat);
    }

    /** The body this model describes (shared with {@link EnResNet}). */
    ResNetBody body() {
        int n = blocksPerStage(depth);
        return new ResNetBody(variant, WIDTHS, new int[]{n, n, n}, noise, noiseAtInference);
    }

    @Override
    public ComputationGraphConfiguration conf() {
        GraphBuilder g = base().graphBuilder().addInputs("input");
        ResNetBody body = body();
        String features = body.addTo(g, layers(), "", "input");
        g.addLayer("output", Layers.softmaxOutput(classes()), features);
        InputShape shape = inputShape();
        InputType type = dataFormat == CNN2DFormat.NCHW ? shape.inputType()
                : InputType.convolutional(shape.height(), shape.width(), shape.channels(), dataFormat);
        return g.setOutputs("output").setInputTypes(type).build();
    }
}
