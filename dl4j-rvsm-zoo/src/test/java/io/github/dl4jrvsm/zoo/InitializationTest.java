package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The initial weight scales of {@link Initialization}: PyTorch's defaults and the authors' fan-out normal. */
class InitializationTest {

    /** U(-b, b) has standard deviation b / sqrt(3) and no value beyond b. */
    private static void assertUniform(INDArray w, double fanIn, String what) {
        double bound = 1 / Math.sqrt(fanIn);
        assertTrue(w.amaxNumber().doubleValue() <= bound, what + " exceeds 1/sqrt(fan_in) = " + bound);
        assertEquals(bound / Math.sqrt(3), w.stdNumber().doubleValue(), 0.1 * bound / Math.sqrt(3), what);
    }

    private static void assertStd(INDArray w, double std, String what) {
        assertEquals(std, w.stdNumber().doubleValue(), 0.1 * std, what);
    }

    @Test
    void leNet5TakesPyTorchsDefaultUniformEverywhere() {
        MultiLayerNetwork net = new LeNet5().withInputShape(InputShape.FASHION_MNIST).init();
        assertUniform(net.getLayer("conv2").getParam("W"), 6 * 25, "conv2");
        assertUniform(net.getLayer("fc1").getParam("W"), 400, "fc1");
        assertUniform(net.getLayer("fc2").getParam("W"), 120, "fc2");
    }

    @Test
    void resNetsTakeFanOutNormalConvolutionsAndUniformDenseLayers() {
        ComputationGraph g = ResNetCifar.resnet20().init();
        assertStd(g.getLayer("stage3.block2.conv1").getParam("W"), Math.sqrt(2.0 / (64 * 9)), "conv");
        assertUniform(g.getLayer("output").getParam("W"), 64, "dense output");
    }

    @Test
    void theLibraryOptionKeepsTheEarlierHeAndXavierScales() {
        MultiLayerNetwork net = new LeNet5().withInputShape(InputShape.FASHION_MNIST)
                .withInitialization(Initialization.LIBRARY).init();
        assertStd(net.getLayer("conv2").getParam("W"), Math.sqrt(2.0 / (16 * 25)), "conv2");
        assertStd(net.getLayer("fc1").getParam("W"), Math.sqrt(2.0 / (400 + 120)), "fc1");
        assertNotEquals(new LeNet5(), new LeNet5().withInitialization(Initialization.LIBRARY));
        assertEquals(Initialization.AUTHORS, new LeNet5().initialization());
    }
}
