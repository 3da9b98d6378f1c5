package io.github.dl4jrvsm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --batch-norm} treats every method alike: with {@code running} the tested model carries training's running
 * averages whether it is dense or sparse; with {@code reestimate} a dense model's statistics are re-measured too.
 */
class BatchNormHandlingTest {

    @TempDir
    Path dir;

    /** One epoch, so the selected network is the last checkpoint and the two can be compared. */
    private Path train(String name, String... more) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("train", "--model", "resnet20", "--train-examples", "128",
                "--validation", "32", "--test-examples", "32", "--epochs", "1", "--batch", "32", "--no-adversarial",
                "--no-robustness", "--no-progress", "--out", out.toString()));
        args.addAll(List.of(more));
        Object[] r = CliRun.rvsm(args.toArray(new String[0]));
        assertEquals(0, r[0], (String) r[1]);
        return out;
    }

    @Test
    void everyMethodGetsTheSameBatchNormStatistics() throws Exception {
        Path denseRunning = train("dense-running", "--method", "none", "--batch-norm", "running");
        Path denseMeasured = train("dense-measured", "--method", "none", "--batch-norm", "reestimate");
        Path sparseRunning = train("rvsm-running", "--method", "rvsm", "--batch-norm", "running");

        assertEquals(means(denseRunning.resolve("checkpoint.zip")), means(denseRunning.resolve("model.zip")),
                "running: the dense model keeps training's statistics");
        assertEquals(means(sparseRunning.resolve("checkpoint.zip")), means(sparseRunning.resolve("model.zip")),
                "running: the sparse model keeps training's statistics too");
        List<INDArray> trained = means(denseMeasured.resolve("checkpoint.zip"));
        List<INDArray> measured = means(denseMeasured.resolve("model.zip"));
        assertEquals(trained.size(), measured.size());
        for (int i = 0; i < trained.size(); i++) {
            assertFalse(trained.get(i).equalsWithEps(measured.get(i), 1e-6),
                    "reestimate: batch norm " + i + " of the dense model must be re-measured");
        }

        JsonNode settings = RunState.JSON.readTree(denseMeasured.resolve("report.json").toFile()).get("settings");
        assertEquals("reestimate", settings.get("batchNorm").asText());
        Object[] bad = CliRun.rvsm("train", "--batch-norm", "fresh");
        assertEquals(2, bad[0]);
        assertTrue(((String) bad[1]).contains("fresh") && ((String) bad[1]).contains("running"), (String) bad[1]);
    }

    private static List<INDArray> means(Path zip) throws Exception {
        Model m = RunDirectory.restore(zip);
        List<INDArray> means = new ArrayList<>();
        for (NamedLayer l : NamedLayer.of(m)) {
            if (l.config() instanceof BatchNormalization) {
                means.add(NetworkAdapter.of(m).param(l, BatchNormalizationParamInitializer.GLOBAL_MEAN).dup());
            }
        }
        assertFalse(means.isEmpty(), "ResNet20 has batch norms");
        return means;
    }
}
