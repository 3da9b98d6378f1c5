package io.github.dl4jrvsm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.LeNet5;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rvsm prune-export}: writes a smaller model with the same outputs and its report; refuses bad input. */
class PruneExportCommandTest {

    @TempDir
    Path dir;

    private static Object[] rvsm(String... args) {
        return CliRun.rvsm(args);
    }

    /** LeNet-5 on 1x28x28 with conv2 filters 0..5 and fc1 neurons 0..59 zeroed (biases left non-zero). */
    private Path sparseLeNet(boolean zero) throws Exception {
        MultiLayerNetwork net = new LeNet5().withInputShape(InputShape.FASHION_MNIST).init();
        net.getLayer(1 + 1).getParam("b").assign(0.3);
        if (zero) {
            net.getLayer(2).getParam("W").get(NDArrayIndex.interval(0, 6), NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.all()).assign(0);
            net.getLayer(4).getParam("W").get(NDArrayIndex.all(), NDArrayIndex.interval(0, 60)).assign(0);
        }
        Path f = dir.resolve(zero ? "sparse.zip" : "dense.zip");
        ModelSerializer.writeModel(net, f.toFile(), false);
        return f;
    }

    /** Largest output difference of two networks on 8 seeded random images of {@code imageShape}. */
    private static double maxOutputDifference(MultiLayerNetwork a, MultiLayerNetwork b, long... imageShape) {
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, imageShape[0], imageShape[1], imageShape[2]);
        return a.output(x).sub(b.output(x)).amaxNumber().doubleValue();
    }

    @Test
    void writesSmallerModelWithSameOutputsAndJsonReport() throws Exception {
        Path in = sparseLeNet(true);
        Path out = dir.resolve("small.zip");
        Object[] r = rvsm("prune-export", "--in", in.toString(), "--out", out.toString(), "--batches", "1,8",
                "--repetitions", "2", "--warmup", "0");
        assertEquals(0, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("| parameters |"), (String) r[1]);

        MultiLayerNetwork before = ModelSerializer.restoreMultiLayerNetwork(in.toFile());
        MultiLayerNetwork after = ModelSerializer.restoreMultiLayerNetwork(out.toFile());
        assertEquals(10, after.getLayer(2).getParam("W").size(0));
        assertEquals(60, after.getLayer(4).getParam("W").size(1));
        double diff = maxOutputDifference(before, after, 1, 28, 28);
        assertTrue(diff < 1e-5, "difference " + diff);

        JsonNode json = new ObjectMapper().readTree(dir.resolve("small.json").toFile());
        assertEquals(66, json.get("removedChannels").asInt());
        assertEquals(after.numParams(), json.get("paramsAfter").asLong());
        assertEquals(2, json.get("latency").size());
        assertTrue(json.get("flopRatio").asDouble() < 1);
    }

    /** conv(identity) 8 -> BN -> relu -> max pool -> softmax, filters 0..2 zeroed, a few steps trained. */
    private Path sparseConvBn() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(3).updater(new Adam(0.01)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).padding(1, 1)
                        .activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder()
                        .activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder().kernelSize(4, 4).stride(4, 4).build())
                .layer(new OutputLayer.Builder().nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 1)).build());
        net.init();
        Nd4j.getRandom().setSeed(2);
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 1, 8, 8);
        INDArray y = Nd4j.eye(3).getRows(new int[]{0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0});
        for (int i = 0; i < 3; i++) {
            net.fit(x, y);
        }
        net.getLayer(0).getParam("W").get(NDArrayIndex.interval(0, 3), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.all()).assign(0);
        Path f = dir.resolve("convbn.zip");
        ModelSerializer.writeModel(net, f.toFile(), false);
        return f;
    }

    @Test
    void foldBatchNormWritesAFoldedModelWithTheSameOutputs() throws Exception {
        Path in = sparseConvBn();
        Path out = dir.resolve("folded.zip");
        Object[] r = rvsm("prune-export", "--in", in.toString(), "--out", out.toString(), "--input-shape", "1,8,8",
                "--batches", "2", "--repetitions", "1", "--warmup", "0", "--fold-batch-norm");
        assertEquals(0, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("batch norm: 1 folded, 0 kept; 1 activation layers fused"), (String) r[1]);
        assertTrue(((String) r[1]).contains("batch norm folded)"), (String) r[1]);

        MultiLayerNetwork before = ModelSerializer.restoreMultiLayerNetwork(in.toFile());
        MultiLayerNetwork after = ModelSerializer.restoreMultiLayerNetwork(out.toFile());
        assertEquals(before.getnLayers() - 2, after.getnLayers(), "the batch norm and the ReLU layer after it");
        assertEquals(5, after.getLayer(0).getParam("W").size(0));
        double diff = maxOutputDifference(before, after, 1, 8, 8);
        assertTrue(diff < 1e-4, "difference " + diff);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("folded.json").toFile());
        assertTrue(json.get("latencyFolded").asBoolean());
        assertEquals(after.numParams(), json.get("paramsAfter").asLong());
    }

    @Test
    void nothingRemovableWritesNothingAndExitsWithOne() throws Exception {
        Path in = sparseLeNet(false);
        Path out = dir.resolve("small.zip");
        Object[] r = rvsm("prune-export", "--in", in.toString(), "--out", out.toString());
        assertEquals(1, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("error: No removable channel"), (String) r[1]);
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("small.json")));
    }

    @Test
    void badArgumentsExitWithTwoAndOneLine() throws Exception {
        Path in = sparseLeNet(true);
        String[][] cases = {
                {"prune-export", "--in", "/nonexistent/model.zip", "--out", dir.resolve("a.zip").toString()},
                {"prune-export", "--in", in.toString(), "--out", dir.resolve("a.bin").toString()},
                {"prune-export", "--in", in.toString(), "--out", dir.resolve("a.zip").toString(), "--input-shape", "1,x,28"},
                {"prune-export", "--in", in.toString(), "--out", dir.resolve("a.zip").toString(), "--repetitions", "0"},
                {"prune-export", "--in", in.toString(), "--out", in.toString()}};
        String[] named = {"/nonexistent/model.zip", "a.bin", "1,x,28", "--repetitions", "is the input model"};
        for (int i = 0; i < cases.length; i++) {
            Object[] r = rvsm(cases[i]);
            String text = ((String) r[1]).trim();
            assertEquals(2, r[0], Arrays.toString(cases[i]) + ": " + text);
            assertEquals(1, text.lines().count(), text);
            assertTrue(text.startsWith("error: ") && text.contains(named[i]), text);
        }
        assertFalse(Files.exists(dir.resolve("a.zip")));
    }
}
