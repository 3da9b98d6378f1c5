package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/**
 * ResNet18 in its CIFAR form, the dissertation's RVSM/ADMM/RGSM benchmark: a 3x3 stem with 64 channels instead of
 * ImageNet's 7x7/2 convolution and max pooling, four stages of two post-activation basic blocks with 64, 128, 256
 * and 512 channels (stride 2 from stage 2 on, projection shortcut 1x1 conv + BN), global average pooling, softmax.
 *
 * <p>About 11.2 M parameters; defaults are {@link ZooModel}'s.
 */
public final class ResNet18 extends GraphZooModel<ResNet18> {

    private static final int[] WIDTHS = {64, 128, 256, 512};
    private static final int[] BLOCKS = {2, 2, 2, 2};

    /** The authors' ResNets initialise every convolution with He normal scaled by the fan-out. */
    @Override
    protected boolean authorsUseFanOutConvolutions() {
        return true;
    }

    @Override
    public ComputationGraphConfiguration conf() {
        GraphBuilder g = base().graphBuilder().addInputs("input");
        ResNetBody body = new ResNetBody(ResNetVariant.POST_ACTIVATION, WIDTHS, BLOCKS, 0, false);
        String features = body.addTo(g, layers(), "", "input");
        g.addLayer("output", Layers.softmaxOutput(classes()), features);
        return g.setOutputs("output").setInputTypes(inputShape().inputType()).build();
    }
}
