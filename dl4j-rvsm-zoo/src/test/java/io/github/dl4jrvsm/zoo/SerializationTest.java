package io.github.dl4jrvsm.zoo;

import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import io.github.dl4jrvsm.zoo.layers.RelativeGaussianNoise;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Zoo models, with the custom noise layer, survive ModelSerializer and JSON round trips unchanged. */
class SerializationTest {

    @TempDir
    Path dir;

    /** A trained step first, so that batch-norm statistics and updater state are not the initial ones. */
    private static ComputationGraph trainedEnResNet(boolean noiseAtInference) {
        ComputationGraph net = EnResNet.of(2, 8).withInputShape(InputShape.FASHION_MNIST)
                .withNoiseAtInference(noiseAtInference).init();
        net.fit(FashionMnist.train(16));
        return net;
    }

    @Test
    void enResNetRestoredByModelSerializerGivesTheSameOutputs() throws IOException {
        ComputationGraph net = trainedEnResNet(false);
        File file = dir.resolve("en2resnet8.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);
        INDArray x = FashionMnist.train(8).getFeatures();
        assertEquals(net.outputSingle(x), restored.outputSingle(x));
        assertEquals(net.getConfiguration(), restored.getConfiguration());
        RelativeGaussianNoise noise = (RelativeGaussianNoise) restored.getLayer("member2.stage3.block1.noise").conf()
                .getLayer();
        assertEquals(0.1, noise.getCoefficient());
        assertEquals(false, noise.isNoiseAtInference());
        // the restored model keeps training like the original (updater state included)
        DataSet d = FashionMnist.train(16);
        restored.fit(d);
        assertTrue(Double.isFinite(restored.score()));
    }

    @Test
    void noiseAtInferenceSurvivesModelSerializer() throws IOException {
        ComputationGraph net = EnResNet.of(2, 8).withInputShape(InputShape.FASHION_MNIST).init();
        File file = dir.resolve("noisy.zip").toFile();
        ModelSerializer.writeModel(net, file, false);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, false);
        INDArray x = FashionMnist.train(4).getFeatures();
        assertNotEquals(restored.outputSingle(x), restored.outputSingle(x), "still a randomised defence");
    }

    @Test
    void enResNetJsonRoundTrip() {
        ComputationGraph net = trainedEnResNet(false);
        String json = net.getConfiguration().toJson();
        assertTrue(json.contains(RelativeGaussianNoise.class.getName()) && json.contains("noiseAtInference"), json
                .substring(0, Math.min(300, json.length())));
        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(json);
        assertEquals(net.getConfiguration(), back);
        ComputationGraph rebuilt = new ComputationGraph(back);
        rebuilt.init(net.params().dup(), false);
        INDArray x = FashionMnist.train(8).getFeatures();
        assertEquals(net.outputSingle(x), rebuilt.outputSingle(x));
    }

    @Test
    void resNetAndVggConfigurationsRoundTripThroughJson() {
        ComputationGraphConfiguration resnet = ResNetCifar.resnet20().withVariant(ResNetVariant.POST_ACTIVATION)
                .withNoise(0.2).withNoiseAtInference(false).conf();
        assertEquals(resnet, ComputationGraphConfiguration.fromJson(resnet.toJson()));
        MultiLayerConfiguration vgg = new Vgg16().withInputShape(InputShape.FASHION_MNIST).conf();
        assertEquals(vgg, MultiLayerConfiguration.fromJson(vgg.toJson()));
    }

    @Test
    void leNetRestoredByModelSerializerGivesTheSameOutputs() throws IOException {
        MultiLayerNetwork net = new LeNet5().withInputShape(InputShape.FASHION_MNIST).init();
        net.fit(FashionMnist.train(32));
        File file = dir.resolve("lenet.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);
        INDArray x = FashionMnist.train(8).getFeatures();
        assertEquals(net.output(x), restored.output(x));
    }
}
