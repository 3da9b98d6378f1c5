package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

import java.util.Arrays;

/**
 * The convolutional part of a CIFAR-style ResNet, from the image to the globally average-pooled features: a 3x3
 * stem convolution (no bias), then stages of {@link ResidualBlock}s, the first block of every stage after the first
 * halving the resolution with stride 2, then (pre-activation) a final BN + ReLU, then global average pooling.
 *
 * <p>Vertex names: {@code prefix + "stem.conv"}, {@code prefix + "stage2.block1.conv1"}, {@code prefix + "head.bn"},
 * {@code prefix + "head.pool"}. The ResNet models, ResNet18 and every EnResNet member are this body plus a head.
 */
final class ResNetBody {

    private final ResNetVariant variant;
    private final int[] widths;
    private final int[] blocks;
    private final double noise;
    private final boolean noiseAtInference;

    /**
     * @param widths channels per stage; the stem has {@code widths[0]}
     * @param blocks residual blocks per stage
     * @param noise  noise coefficient after every residual sum (0: none)
     */
    ResNetBody(ResNetVariant variant, int[] widths, int[] blocks, double noise, boolean noiseAtInference) {
        if (widths.length != blocks.length || widths.length == 0) {
            throw new IllegalArgumentException("need one block count per stage width, got widths "
                    + Arrays.toString(widths) + " and blocks " + Arrays.toString(blocks));
        }
        this.variant = variant;
        this.widths = widths.clone();
        this.blocks = blocks.clone();
        this.noise = noise;
        this.noiseAtInference = noiseAtInference;
    }

    /** Channels of the pooled features. */
    int featureWidth() {
        return widths[widths.length - 1];
    }

    /** Adds the body reading from {@code input}; returns the name of the pooled feature vertex. */
    String addTo(GraphBuilder g, Layers layers, String prefix, String input) {
        g.addLayer(prefix + "stem.conv", layers.conv(3, 1, widths[0], false), input);
        String x = prefix + "stem.conv";
        if (variant == ResNetVariant.POST_ACTIVATION) {
            g.addLayer(prefix + "stem.bn", Layers.batchNorm(), x);
            g.addLayer(prefix + "stem.relu", Layers.relu(), prefix + "stem.bn");
            x = prefix + "stem.relu";
        }
        int in = widths[0];
        for (int s = 0; s < widths.length; s++) {
            for (int b = 0; b < blocks[s]; b++) {
                int stride = s > 0 && b == 0 ? 2 : 1;
                ResidualBlock block = new ResidualBlock(variant, in, widths[s], stride, noise, noiseAtInference);
                x = block.addTo(g, layers, prefix + "stage" + (s + 1) + ".block" + (b + 1) + ".", x);
                in = widths[s];
            }
        }
        if (variant == ResNetVariant.PRE_ACTIVATION) {
            g.addLayer(prefix + "head.bn", Layers.batchNorm(), x);
            g.addLayer(prefix + "head.relu", Layers.relu(), prefix + "head.bn");
            x = prefix + "head.relu";
        }
        g.addLayer(prefix + "head.pool", Layers.globalAveragePool(), x);
        return prefix + "head.pool";
    }
}
