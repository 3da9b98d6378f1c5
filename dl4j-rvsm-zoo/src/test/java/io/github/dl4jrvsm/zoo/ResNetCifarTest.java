package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Architecture of the 6n+2 CIFAR ResNets: sizes, wiring, names, initialisation, argument checks. */
class ResNetCifarTest {

    @Test
    void preActivationParameterCountsMatchTheAuthorsNetworks() {
        // DL4J counts batch-norm running mean and variance as parameters; "trainable" leaves them out, which is the
        // count of the authors' PyTorch models.
        long[][] expected = {{20, 273_658, 272_282}, {38, 566_650, 563_930}, {56, 859_642, 855_578}};
        double[] paper = {0.27e6, 0.56e6, 0.85e6};
        for (int i = 0; i < expected.length; i++) {
            ComputationGraph net = ResNetCifar.depth((int) expected[i][0]).init();
            System.out.printf("ResNet%d (pre-activation, 3x32x32): %,d parameters, %,d trainable%n", expected[i][0],
                    net.numParams(), ZooTestSupport.trainableParams(net));
            assertEquals(expected[i][1], net.numParams(), "ResNet" + expected[i][0]);
            assertEquals(expected[i][2], ZooTestSupport.trainableParams(net), "ResNet" + expected[i][0]);
            ZooTestSupport.assertRelativelyClose(paper[i], net.numParams(), 0.03, "ResNet" + expected[i][0]);
        }
    }

    @Test
    void greyInputOnlyShrinksTheStem() {
        ComputationGraph net = ResNetCifar.resnet20().withInputShape(InputShape.FASHION_MNIST).init();
        System.out.printf("ResNet20 (pre-activation, 1x28x28): %,d parameters%n", net.numParams());
        assertEquals(273_658 - 2 * 16 * 9, net.numParams());
        assertArrayEquals(new long[]{16, 1, 3, 3}, net.getLayer("stem.conv").getParam("W").shape());
    }

    @Test
    void postActivationParameterCount() {
        ComputationGraph net = ResNetCifar.resnet20().withVariant(ResNetVariant.POST_ACTIVATION).init();
        System.out.printf("ResNet20 (post-activation, 3x32x32): %,d parameters, %,d trainable%n", net.numParams(),
                ZooTestSupport.trainableParams(net));
        assertEquals(274_042, net.numParams());
        assertEquals(272_474, ZooTestSupport.trainableParams(net));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRE_ACTIVATION", "POST_ACTIVATION"})
    void outputsProbabilitiesForGreyAndColourImages(ResNetVariant variant) {
        for (InputShape shape : List.of(InputShape.FASHION_MNIST, InputShape.CIFAR)) {
            ComputationGraph net = ResNetCifar.resnet20().withVariant(variant).withInputShape(shape).withClasses(7).init();
            INDArray y = net.outputSingle(ZooTestSupport.randomImages(shape, 3, 1));
            assertArrayEquals(new long[]{3, 7}, y.shape(), variant + " " + shape);
            for (int i = 0; i < 3; i++) {
                assertEquals(1.0, y.getRow(i).sumNumber().doubleValue(), 1e-5);
            }
        }
    }

    @Test
    void preActivationWiringFollowsTheAuthorsBlock() {
        ComputationGraphConfiguration conf = ResNetCifar.resnet20().conf();
        // the projection reads the pre-activated input, only where the shape changes
        assertEquals(List.of("stage2.block1.relu1"), conf.getVertexInputs().get("stage2.block1.shortcut.conv"));
        assertEquals(List.of("stage2.block1.bn1"), conf.getVertexInputs().get("stage2.block1.relu1"));
        assertEquals(List.of("stage2.block1.relu2"), conf.getVertexInputs().get("stage2.block1.conv2"));
        assertEquals(List.of("stage2.block1.conv2", "stage2.block1.shortcut.conv"),
                conf.getVertexInputs().get("stage2.block1.add"));
        assertTrue(conf.getVertices().containsKey("stage3.block1.shortcut.conv"));
        assertFalse(conf.getVertices().containsKey("stage1.block1.shortcut.conv"));
        assertFalse(conf.getVertices().containsKey("stage2.block2.shortcut.conv"));
        // identity shortcut: the raw block input, not its pre-activation
        assertEquals(List.of("stage1.block2.conv2", "stage1.block1.add"), conf.getVertexInputs().get("stage1.block2.add"));
        assertEquals(List.of("stage1.block1.add"), conf.getVertexInputs().get("stage1.block2.bn1"));
        assertEquals(List.of("stage3.block3.add"), conf.getVertexInputs().get("head.bn"));
        assertFalse(conf.getVertices().keySet().stream().anyMatch(k -> k.endsWith("noise")), "no noise by default");
        // 19 weighted 3x3 convolutions + 2 projections, none with a bias
        long convs = conf.getVertices().values().stream().filter(v -> v instanceof LayerVertex lv
                && lv.getLayerConf().getLayer() instanceof ConvolutionLayer c && !c.hasBias()).count();
        assertEquals(21, convs);
    }

    @Test
    void postActivationWiring() {
        ComputationGraphConfiguration conf = ResNetCifar.resnet20().withVariant(ResNetVariant.POST_ACTIVATION).conf();
        assertEquals(List.of("stage1.block3.relu"), conf.getVertexInputs().get("stage2.block1.shortcut.conv"));
        assertEquals(List.of("stage2.block1.bn2", "stage2.block1.shortcut.bn"),
                conf.getVertexInputs().get("stage2.block1.add"));
        assertEquals(List.of("stage2.block1.add"), conf.getVertexInputs().get("stage2.block1.relu"));
        assertTrue(conf.getVertices().containsKey("stem.bn"));
        assertFalse(conf.getVertices().containsKey("head.bn"));
    }

    @Test
    void convolutionsStartWithTheAuthorsFanOutHeInit() {
        ComputationGraph net = ResNetCifar.resnet20().init();
        // N(0, sqrt(2 / (k * k * out))): 3x3x64 -> 0.0589; 1x1x32 -> 0.25 (DL4J's fan-in RELU init would give 0.354)
        double std3x3 = net.getLayer("stage3.block2.conv1").getParam("W").stdNumber().doubleValue();
        ZooTestSupport.assertRelativelyClose(Math.sqrt(2.0 / (9 * 64)), std3x3, 0.03, "3x3 conv std");
        double std1x1 = net.getLayer("stage2.block1.shortcut.conv").getParam("W").stdNumber().doubleValue();
        ZooTestSupport.assertRelativelyClose(Math.sqrt(2.0 / 32), std1x1, 0.12, "1x1 projection std");
    }

    @Test
    void sameSeedSameWeights() {
        assertEquals(ResNetCifar.resnet20().withSeed(7).init().params(), ResNetCifar.resnet20().withSeed(7).init().params());
    }

    @Test
    void channelsLastIsTheSameNetworkOnPermutedImages() {
        ComputationGraph nchw = ResNetCifar.depth(8).withSeed(3).init();
        ComputationGraph nhwc = ResNetCifar.depth(8).withSeed(3).withDataFormat(CNN2DFormat.NHWC).init();
        assertEquals(nchw.params(), nhwc.params());
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3, 32, 32);
        INDArray expected = nchw.outputSingle(x);
        INDArray actual = nhwc.outputSingle(x.permute(0, 2, 3, 1).dup());
        assertTrue(expected.equalsWithEps(actual, 1e-4), expected + " vs " + actual);
        assertThrows(IllegalArgumentException.class, () -> ResNetCifar.resnet20().withDataFormat(null));
    }

    @ParameterizedTest
    @ValueSource(ints = {-4, 0, 2, 19, 21, 22})
    void rejectsDepthsThatAreNot6nPlus2(int depth) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResNetCifar.depth(depth));
        assertTrue(e.getMessage().contains("6n + 2") && e.getMessage().contains("got " + depth), e.getMessage());
    }

    @Test
    void acceptsAny6nPlus2() {
        assertEquals(8, ResNetCifar.depth(8).depth());
        assertEquals(110, ResNetCifar.depth(110).depth());
        assertEquals(3 * 2 * 2 + 1 + 2, ResNetCifar.depth(14).conf().getVertices().values().stream()
                .filter(v -> v instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof ConvolutionLayer)
                .count());
    }

    @Test
    void rejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> ResNetCifar.resnet20().withNoise(-0.1));
        assertThrows(IllegalArgumentException.class, () -> ResNetCifar.resnet20().withNoise(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ResNetCifar.resnet20().withClasses(1));
        assertThrows(IllegalArgumentException.class, () -> ResNetCifar.resnet20().withInputShape(0, 28, 28));
        assertThrows(IllegalArgumentException.class, () -> ResNetCifar.resnet20().withVariant(null));
        assertThrows(IllegalArgumentException.class, () -> ResNetCifar.resnet20().withUpdater(null));
    }
}
