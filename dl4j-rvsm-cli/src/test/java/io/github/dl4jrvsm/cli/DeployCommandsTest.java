package io.github.dl4jrvsm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.LeNet5;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rvsm compress}, {@code decompress} and {@code infer} on a 90%-sparse LeNet-5. */
class DeployCommandsTest {

    @TempDir
    Path dir;

    private MultiLayerNetwork sparseLeNet() throws Exception {
        MultiLayerNetwork net = new LeNet5().withInputShape(InputShape.FASHION_MNIST).init();
        Nd4j.getRandom().setSeed(3);
        net.paramTable().forEach((k, p) -> {
            if (k.endsWith("_W")) {
                p.muli(Nd4j.rand(DataType.FLOAT, p.shape()).gte(0.9).castTo(DataType.FLOAT));
            }
        });
        ModelSerializer.writeModel(net, dir.resolve("model.zip").toFile(), true);
        return net;
    }

    @Test
    void compressThenDecompressGivesTheSameParametersFromASmallerFile() throws Exception {
        MultiLayerNetwork net = sparseLeNet();
        Object[] r = CliRun.rvsm("compress", "--in", dir.resolve("model.zip").toString(), "--out",
                dir.resolve("model.rvsmz").toString());
        assertEquals(0, r[0], (String) r[1]);
        JsonNode report = new ObjectMapper().readTree(dir.resolve("model.rvsmz.json").toFile());
        assertTrue(report.get("zipBytes").asLong() > 1.4 * report.get("rvsmzBytes").asLong(), report.toString());
        assertEquals(Files.size(dir.resolve("model.rvsmz")), report.get("rvsmzBytes").asLong());
        r = CliRun.rvsm("decompress", "--in", dir.resolve("model.rvsmz").toString(), "--out",
                dir.resolve("back.zip").toString());
        assertEquals(0, r[0], (String) r[1]);
        assertEquals(net.params(), ModelSerializer.restoreMultiLayerNetwork(dir.resolve("back.zip").toFile()).params());
    }

    @Test
    void int8ReportsTheValidationAccuracyChange() throws Exception {
        sparseLeNet();
        Object[] r = CliRun.rvsm("compress", "--in", dir.resolve("model.zip").toString(), "--out",
                dir.resolve("q.rvsmz").toString(), "--quantize", "int8", "--validation", "300",
                "--max-accuracy-drop", "1");
        assertEquals(0, r[0], (String) r[1]);
        JsonNode report = new ObjectMapper().readTree(dir.resolve("q.rvsmz.json").toFile());
        assertEquals("int8", report.get("quantization").asText());
        assertEquals(300, report.get("validationExamples").asInt());
        assertTrue(report.get("accuracyAfter").isNumber(), report.toString());
    }

    @Test
    void inferAgreesWithDl4jOnTheTestImages() throws Exception {
        sparseLeNet();
        Object[] r = CliRun.rvsm("infer", "--in", dir.resolve("model.zip").toString(), "--examples", "200",
                "--repetitions", "5");
        assertEquals(0, r[0], (String) r[1]);
        String out = (String) r[1];
        assertTrue(out.matches("(?s).*predictions equal to DL4J's on (19[0-9]|200) of 200.*"), out);
        assertTrue(out.contains("batch 1: sparse runtime"), out);
    }

    @Test
    void badValuesAreRefusedWithTheirName() throws Exception {
        sparseLeNet();
        Object[] r = CliRun.rvsm("compress", "--in", dir.resolve("model.zip").toString(), "--out",
                dir.resolve("x.rvsmz").toString(), "--quantize", "int4");
        assertEquals(2, r[0]);
        assertTrue(((String) r[1]).contains("[none, fp16, int8]"), (String) r[1]);
        r = CliRun.rvsm("compress", "--in", dir.resolve("model.zip").toString(), "--out",
                dir.resolve("x.rvsmz").toString(), "--max-accuracy-drop", "-0.5");
        assertEquals(2, r[0]);
        assertTrue(((String) r[1]).contains("--max-accuracy-drop must be a share in [0, 1], got -0.5"), (String) r[1]);
        assertFalse(Files.exists(dir.resolve("x.rvsmz")));
        Files.writeString(dir.resolve("broken.rvsmz"), "RVSMZ\1 truncated");
        r = CliRun.rvsm("decompress", "--in", dir.resolve("broken.rvsmz").toString(), "--out",
                dir.resolve("y.zip").toString());
        assertEquals(1, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("truncated") || ((String) r[1]).contains("corrupt"), (String) r[1]);
        assertFalse(Files.exists(dir.resolve("y.zip")));
    }
}
