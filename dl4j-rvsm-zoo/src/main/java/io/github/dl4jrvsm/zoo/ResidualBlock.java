package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;

/**
 * One basic residual block (two 3x3 convolutions) added to a graph, in either {@link ResNetVariant}, optionally
 * followed by {@link io.github.dl4jrvsm.zoo.layers.RelativeGaussianNoise} on the residual sum.
 *
 * <p>Vertex names are {@code prefix + "conv1"}, {@code "bn1"}, {@code "relu1"}, ..., {@code "shortcut.conv"}, {@code "add"},
 * {@code "noise"},
 * so a layer's name says where it is, e.g. {@code stage2.block1.conv1}.
 *
 * @param variant   pre- or post-activation
 * @param in        input channels
 * @param out       output channels
 * @param stride    stride of the first convolution (and of the projection shortcut)
 * @param noise     noise coefficient; 0 adds no noise layer
 * @param noiseAtInference whether the noise stays on at inference
 */
record ResidualBlock(ResNetVariant variant, int in, int out, int stride, double noise, boolean noiseAtInference) {

    /** Whether the identity cannot be the shortcut, so a strided 1x1 convolution projects it. */
    boolean projects() {
        return stride != 1 || in != out;
    }

    /** Adds the block reading from {@code input}; returns the name of its output vertex. */
    String addTo(GraphBuilder g, Layers layers, String prefix, String input) {
        String sum = variant == ResNetVariant.PRE_ACTIVATION
                ? addPreActivation(g, layers, prefix, input) : addPostActivation(g, layers, prefix, input);
        if (noise > 0) {
            g.addLayer(prefix + "noise", Layers.noise(noise, noiseAtInference), sum);
            sum = prefix + "noise";
        }
        if (variant == ResNetVariant.POST_ACTIVATION) {
            g.addLayer(prefix + "relu", Layers.relu(), sum);
            return prefix + "relu";
        }
        return sum;
    }

    /**
     * {@code conv2(relu(bn2(conv1(relu(bn1(x)))))) + shortcut}, where the projection shortcut reads the pre-activated
     * {@code relu(bn1(x))} and the identity shortcut reads {@code x}, as in the authors' PreActBasicBlock.
     */
    private String addPreActivation(GraphBuilder g, Layers layers, String p, String x) {
        g.addLayer(p + "bn1", Layers.batchNorm(), x);
        g.addLayer(p + "relu1", Layers.relu(), p + "bn1");
        g.addLayer(p + "conv1", layers.conv(3, stride, out, false), p + "relu1");
        g.addLayer(p + "bn2", Layers.batchNorm(), p + "conv1");
        g.addLayer(p + "relu2", Layers.relu(), p + "bn2");
        g.addLayer(p + "conv2", layers.conv(3, 1, out, false), p + "relu2");
        String shortcut = x;
        if (projects()) {
            g.addLayer(p + "shortcut.conv", layers.conv(1, stride, out, false), p + "relu1");
            shortcut = p + "shortcut.conv";
        }
        g.addVertex(p + "add", new ElementWiseVertex(ElementWiseVertex.Op.Add), p + "conv2", shortcut);
        return p + "add";
    }

    /**
     * {@code bn2(conv2(relu(bn1(conv1(x))))) + shortcut}, the ReLU after the sum; the projection shortcut is a strided
     * 1x1 convolution with batch norm (He et al.'s option B), the identity shortcut is {@code x}.
     */
    private String addPostActivation(GraphBuilder g, Layers layers, String p, String x) {
        g.addLayer(p + "conv1", layers.conv(3, stride, out, false), x);
        g.addLayer(p + "bn1", Layers.batchNorm(), p + "conv1");
        g.addLayer(p + "relu1", Layers.relu(), p + "bn1");
        g.addLayer(p + "conv2", layers.conv(3, 1, out, false), p + "relu1");
        g.addLayer(p + "bn2", Layers.batchNorm(), p + "conv2");
        String shortcut = x;
        if (projects()) {
            g.addLayer(p + "shortcut.conv", layers.conv(1, stride, out, false), x);
            g.addLayer(p + "shortcut.bn", Layers.batchNorm(), p + "shortcut.conv");
            shortcut = p + "shortcut.bn";
        }
        g.addVertex(p + "add", new ElementWiseVertex(ElementWiseVertex.Op.Add), p + "bn2", shortcut);
        return p + "add";
    }
}
