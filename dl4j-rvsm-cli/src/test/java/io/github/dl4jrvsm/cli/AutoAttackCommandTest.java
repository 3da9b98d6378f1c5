package io.github.dl4jrvsm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dl4jrvsm.data.testsupport.FashionMnist;
import io.github.dl4jrvsm.zoo.InputShape;
import io.github.dl4jrvsm.zoo.LeNet5;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rvsm evaluate --suite autoattack}: the report, the saved adversarial images, and the refusals. */
class AutoAttackCommandTest {

    @TempDir
    static Path dir;

    private static Path model;

    @BeforeAll
    static void trainALeNet() throws Exception {
        MultiLayerNetwork net = new LeNet5().withInputShape(InputShape.FASHION_MNIST).init();
        net.fit(new ListDataSetIterator<>(FashionMnist.train(1024).asList(), 64));
        model = dir.resolve("lenet.zip");
        ModelSerializer.writeModel(net, model.toFile(), false);
    }

    @Test
    void autoAttackWritesARobustBenchShapedReportAndTheAdversarialImages() throws Exception {
        Path out = dir.resolve("aa"), adv = dir.resolve("aa/adversarial.bin");
        Object[] r = CliRun.rvsm("evaluate", "--in", model.toString(), "--suite", "autoattack", "--examples", "24",
                "--autoattack-iterations", "5", "--square-queries", "40", "--out", out.toString(),
                "--save-adversarial", adv.toString());
        assertEquals(0, r[0], (String) r[1]);
        JsonNode json = new ObjectMapper().readTree(out.resolve("autoattack.json").toFile());
        assertEquals("Linf", json.get("threat_model").asText());
        assertEquals("8/255", json.get("eps").asText());
        assertEquals(24, json.get("n_examples").asInt());
        assertEquals("standard", json.get("version").asText());
        assertTrue(json.get("autoattack_acc").asDouble() <= json.get("clean_acc").asDouble());
        assertEquals(4, json.get("attacks").size(), "APGD-CE, APGD-T, FAB-T, Square");
        assertTrue(Files.readString(out.resolve("autoattack.md")).contains("reduced budget"));

        DataSet saved = new DataSet();
        saved.load(adv.toFile());
        DataSet clean = TrainingData.load("fashion-mnist", null, false, 0, 0, 24, 0).test();
        assertArrayEquals(clean.getFeatures().shape(), saved.getFeatures().shape());
        assertEquals(clean.getLabels(), saved.getLabels());
        INDArray delta = Transforms.abs(saved.getFeatures().sub(clean.getFeatures()));
        assertTrue(delta.maxNumber().doubleValue() <= 8 / 255.0 + 1e-6, "within the L-infinity ball");
        assertTrue(saved.getFeatures().minNumber().doubleValue() >= 0 && saved.getFeatures().maxNumber().doubleValue() <= 1);
        assertFalse(new File(adv + ".tmp").exists());
    }

    @Test
    void combinationsThatCannotRunAreOneLineErrorsAndWriteNothing() {
        Path out = dir.resolve("refused");
        String[][] bad = {
                {"--suite", "dissertation", "--norm", "l2"},
                {"--suite", "dissertation", "--save-adversarial", out.resolve("x.bin").toString()},
                {"--suite", "autoattack", "--norm", "linf", "--eps", "1.5"},
                {"--suite", "autoattack", "--autoattack-version", "sometimes"},
                {"--suite", "everything"}};
        for (String[] args : bad) {
            String[] full = new String[args.length + 4];
            full[0] = "evaluate";
            full[1] = "--in";
            full[2] = model.toString();
            full[3] = "--out=" + out;
            System.arraycopy(args, 0, full, 4, args.length);
            Object[] r = CliRun.rvsm(full);
            assertEquals(2, r[0], String.join(" ", args) + ": " + r[1]);
            assertEquals(1, ((String) r[1]).strip().lines().count(), (String) r[1]);
        }
        assertFalse(Files.exists(out), "nothing written");
    }
}
