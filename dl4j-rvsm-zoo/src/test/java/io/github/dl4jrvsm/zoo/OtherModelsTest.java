package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** LeNet-5, VGG16 and ResNet18: sizes, output shapes on grey 28x28 and colour 32x32 images, layer names. */
class OtherModelsTest {

    private static void assertOutputs(Model net, InputShape shape, int classes) {
        INDArray y = ZooTestSupport.output(net, ZooTestSupport.randomImages(shape, 2, 5));
        assertArrayEquals(new long[]{2, classes}, y.shape(), shape.toString());
        assertEquals(2.0, y.sumNumber().doubleValue(), 1e-4, "rows are probabilities");
    }

    @Test
    void leNet5() {
        MultiLayerNetwork grey = new LeNet5().withInputShape(InputShape.FASHION_MNIST).init();
        MultiLayerNetwork colour = new LeNet5().withInputShape(InputShape.CIFAR).init();
        System.out.printf("LeNet-5: %,d parameters (1x28x28), %,d (3x32x32)%n", grey.numParams(), colour.numParams());
        assertEquals(61_706, grey.numParams(), "the classic LeNet-5 size");
        assertEquals(83_126, colour.numParams(), "3 input channels and a 6x6 map before fc1");
        assertOutputs(grey, InputShape.FASHION_MNIST, 10);
        assertOutputs(colour, InputShape.CIFAR, 10);
        List<String> names = Arrays.stream(grey.getLayers()).map(l -> l.conf().getLayer().getLayerName()).toList();
        assertEquals(List.of("conv1", "pool1", "conv2", "pool2", "fc1", "fc2", "output"), names);
    }

    @Test
    void vgg16() {
        MultiLayerNetwork colour = new Vgg16().init();
        MultiLayerNetwork grey = new Vgg16().withInputShape(InputShape.FASHION_MNIST).withClasses(5).init();
        System.out.printf("VGG16-BN: %,d parameters (3x32x32), %,d trainable; %,d (1x28x28, 5 classes)%n",
                colour.numParams(), ZooTestSupport.trainableParams(colour), grey.numParams());
        assertEquals(15_257_802, colour.numParams());
        assertEquals(15_249_354, ZooTestSupport.trainableParams(colour));
        assertEquals(15_256_650 - 5 * 513, grey.numParams());
        long convs = Arrays.stream(colour.getLayers()).filter(l -> l.conf().getLayer() instanceof ConvolutionLayer)
                .count();
        long bns = Arrays.stream(colour.getLayers()).filter(l -> l.conf().getLayer() instanceof BatchNormalization)
                .count();
        assertEquals(13, convs);
        assertEquals(13, bns);
        assertEquals("block5.conv3", colour.getLayer(colour.getLayers().length - 7).conf().getLayer().getLayerName());
        assertEquals("block5.relu3", colour.getLayer(colour.getLayers().length - 5).conf().getLayer().getLayerName());
        assertOutputs(colour, InputShape.CIFAR, 10);
        assertOutputs(grey, InputShape.FASHION_MNIST, 5);
        assertThrows(IllegalArgumentException.class, () -> new Vgg16().withHeadWidth(0));
    }

    @Test
    void resNet18() {
        var colour = new ResNet18().init();
        var grey = new ResNet18().withInputShape(InputShape.FASHION_MNIST).init();
        System.out.printf("ResNet18 (CIFAR): %,d parameters (3x32x32), %,d trainable; %,d (1x28x28)%n",
                colour.numParams(), ZooTestSupport.trainableParams(colour), grey.numParams());
        assertEquals(11_183_562, colour.numParams());
        assertEquals(11_173_962, ZooTestSupport.trainableParams(colour), "the usual CIFAR ResNet18 size");
        assertEquals(11_182_410, grey.numParams());
        assertNotNull(colour.getLayer("stage4.block1.shortcut.bn"));
        assertArrayEquals(new long[]{512, 256, 3, 3}, colour.getLayer("stage4.block1.conv1").getParam("W").shape());
        assertOutputs(colour, InputShape.CIFAR, 10);
        assertOutputs(grey, InputShape.FASHION_MNIST, 10);
    }
}
