package io.github.dl4jrvsm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dl4jrvsm.core.testsupport.KerasModels;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rvsm evaluate} and {@code rvsm prune-export} on models imported with {@code KerasModelImport} and saved with
 * {@code ModelSerializer}: NHWC input (the NCHW data sets transposed for it; {@code --input-shape
 * height,width,channels}), batch norm folded, softmax dense and loss layer kept.
 */
class KerasModelCliTest {

    @TempDir
    Path dir;

    @Test
    void evaluateHandsTheNchwDataSetToAnNhwcModelTransposed() throws Exception {
        MultiLayerNetwork net = KerasModels.sequential(KerasModels.LENET_28, true, 2, DataType.FLOAT);
        Path in = dir.resolve("keras28.zip"), out = dir.resolve("eval");
        ModelSerializer.writeModel(net, in.toFile(), false);

        Object[] r = CliRun.rvsm("evaluate", "--in", in.toString(), "--suite", "quick", "--examples", "20",
                "--out", out.toString());
        assertEquals(0, r[0], (String) r[1]);
        JsonNode json = new ObjectMapper().readTree(out.resolve("robustness.json").toFile());
        assertTrue(json.toString().contains("A1"), json.toString());
    }

    @Test
    void pruneExportWritesASmallerNhwcModelWithTheSameOutputs() throws Exception {
        MultiLayerNetwork net = KerasModels.sequential(KerasModels.LENET_BN, true, 2, DataType.FLOAT);
        net.getLayer(0).getParam("b").assign(0.2);
        INDArray w = net.getLayer(3).getParam("W");
        for (int o : new int[]{1, 5}) {
            for (int i = 0; i < w.size(1); i++) {
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        w.putScalar(new long[]{o, i, r, c}, 0.0);
                    }
                }
            }
        }
        Path in = dir.resolve("keras.zip"), out = dir.resolve("small.zip");
        ModelSerializer.writeModel(net, in.toFile(), false);

        Object[] r = CliRun.rvsm("prune-export", "--in", in.toString(), "--out", out.toString(), "--input-shape",
                KerasModels.HEIGHT + "," + KerasModels.WIDTH + "," + KerasModels.CHANNELS, "--batches", "2",
                "--repetitions", "1", "--warmup", "0", "--fold-batch-norm");
        assertEquals(0, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("batch norm: 1 folded"), (String) r[1]);

        MultiLayerNetwork small = ModelSerializer.restoreMultiLayerNetwork(out.toFile());
        assertTrue(small.numParams() < net.numParams());
        CnnToFeedForwardPreProcessor flatten = null;
        for (var p : small.getLayerWiseConfigurations().getInputPreProcessors().values()) {
            flatten = p instanceof CnnToFeedForwardPreProcessor f ? f : flatten;
        }
        assertEquals(6, flatten.getNumChannels());
        assertEquals(CNN2DFormat.NHWC, flatten.getFormat());
        INDArray x = KerasModels.images(8, 4, DataType.FLOAT).getFeatures();
        double diff = small.output(x).sub(net.output(x)).amaxNumber().doubleValue();
        assertTrue(diff < 1e-5, "difference " + diff);
    }
}
