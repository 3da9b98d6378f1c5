package io.github.dl4jrvsm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dl4jrvsm.core.persist.SparseModelSerializer;
import io.github.dl4jrvsm.core.report.SparsityReport;
import org.deeplearning4j.nn.api.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user drives it: exit codes, one-line errors, resume, and the run directory's content. */
class CliTest {

    @TempDir
    Path dir;

    private static final String[] SMALL = {"--train-examples", "256", "--validation", "64", "--test-examples", "64",
            "--eval-examples", "16", "--attack-steps", "2", "--nattack-population", "8", "--nattack-iterations", "4",
            "--no-progress", "--batch", "32"};

    private static Object[] rvsm(String... args) {
        return CliRun.rvsm(args);
    }

    /** {@code train} with the small settings and then {@code more}. */
    private static String[] train(String... more) {
        List<String> all = new ArrayList<>(List.of("train"));
        all.addAll(Arrays.asList(SMALL));
        all.addAll(Arrays.asList(more));
        return all.toArray(new String[0]);
    }

    @Test
    void helpOnEveryCommand() {
        for (String[] args : new String[][]{{"--help"}, {"train", "--help"}, {"evaluate", "--help"}, {"report", "--help"}}) {
            Object[] r = rvsm(args);
            assertEquals(0, r[0], Arrays.toString(args));
            assertTrue(((String) r[1]).contains("Usage:"), (String) r[1]);
        }
    }

    @Test
    void badArgumentsExitWithTwoAndOneLineSayingWhatToChange() {
        String[][] cases = {
                {"train", "--model", "resnet99"},
                {"train", "--eps", "1.5"},
                {"train", "--method", "rvsm", "--lambda", "-1"},
                {"train", "--method", "rvsm", "--penalty", "group-lasso"},
                {"train", "--epochs", "0"},
                {"train", "--no-such-option"},
                {"evaluate", "--in", "/nonexistent/model.zip"},
                {"train", "--method", "admm", "--admm-structure", "filter"},
                {"train", "--eval-attacks", "A2,A9"}};
        String[] expected = {"resnet99", "1.5", "-1.0", "group-lasso", "--epochs", "no-such-option", "/nonexistent",
                "filter", "A9"};
        for (int i = 0; i < cases.length; i++) {
            Object[] r = rvsm(cases[i]);
            String text = ((String) r[1]).trim();
            assertEquals(2, r[0], Arrays.toString(cases[i]) + ": " + text);
            String errorLine = text.lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
            assertTrue(errorLine.contains(expected[i]), Arrays.toString(cases[i]) + " -> " + text);
        }
    }

    @Test
    void resumedRunEqualsAnUninterruptedOneAndTheReportMatchesTheModel() throws Exception {
        Path straight = dir.resolve("straight"), resumed = dir.resolve("resumed");
        Object[] a = rvsm(train("--epochs", "2", "--out", straight.toString()));
        assertEquals(0, a[0], (String) a[1]);
        Object[] b1 = rvsm(train("--epochs", "1", "--out", resumed.toString()));
        assertEquals(0, b1[0], (String) b1[1]);
        Object[] b2 = rvsm(train("--epochs", "2", "--resume", "--out", resumed.toString()));
        assertEquals(0, b2[0], (String) b2[1]);
        assertTrue(((String) b2[1]).contains("resuming after epoch 1"), (String) b2[1]);

        Model m1 = RunDirectory.restore(straight.resolve("checkpoint.zip"));
        Model m2 = RunDirectory.restore(resumed.resolve("checkpoint.zip"));
        assertEquals(m1.params(), m2.params(), "resumed weights must equal the uninterrupted run's");
        JsonNode h1 = RunState.JSON.readTree(straight.resolve("state.json").toFile()).get("history");
        JsonNode h2 = RunState.JSON.readTree(resumed.resolve("state.json").toFile()).get("history");
        assertEquals(2, h1.size());
        for (int e = 0; e < 2; e++) {
            for (String k : List.of("loss", "validationAccuracy", "validationRobustAccuracy", "sparsity")) {
                assertEquals(h1.get(e).get(k).asDouble(), h2.get(e).get(k).asDouble(), 0.0, k + " of epoch " + (e + 1));
            }
        }

        JsonNode report = RunState.JSON.readTree(straight.resolve("report.json").toFile());
        for (String key : List.of("settings", "history", "robustness", "sparsity", "seconds", "selectedEpoch")) {
            assertTrue(report.has(key), "report.json lacks " + key);
        }
        Model exported = SparseModelSerializer.restoreMultiLayerNetwork(straight.resolve("model.zip").toFile());
        SparsityReport measured = SparsityReport.of(exported, 1, 28, 28);
        assertEquals(measured.sparsity(), report.get("sparsity").get("sparsity").asDouble(), 1e-12);
        assertEquals(measured.totalParams(), report.get("sparsity").get("totalParams").asLong());
        assertEquals(5, report.get("robustness").get("accuracies").size());
        assertTrue(Files.readString(straight.resolve("report.md")).contains("| A3 | IFGSM-20 |"));

        Object[] changed = rvsm(train("--epochs", "3", "--resume", "--model", "resnet20",
                "--out", resumed.toString()));
        assertEquals(2, changed[0]);
        assertTrue(((String) changed[1]).contains("model"), (String) changed[1]);

        for (String png : ReportWriter.PLOTS) {
            BufferedImage img = ImageIO.read(straight.resolve(png).toFile());
            assertTrue(img != null && img.getWidth() >= 300, png + " must be a real PNG");
        }
        List<String> records = Files.readAllLines(straight.resolve(RunDirectory.SPARSITY_LOG));
        assertEquals(2, records.stream().filter(l -> l.contains("\"event\":\"epoch\"")).count(),
                "one SparsityListener record per epoch end, besides the iterations'");
        assertTrue(records.size() > 2 && Files.readString(straight.resolve("report.md")).contains(SparsityTrajectory.PLOT));
        BufferedImage trajectory = ImageIO.read(straight.resolve(SparsityTrajectory.PLOT).toFile());
        assertTrue(trajectory != null && trajectory.getWidth() >= 300, "the trajectory of u's sparsity is a real PNG");
        Files.delete(straight.resolve("report.md"));
        Files.delete(straight.resolve("weights.png"));
        Object[] report2 = rvsm("report", "--run", straight.toString());
        assertEquals(0, report2[0], (String) report2[1]);
        assertTrue(Files.size(straight.resolve("weights.png")) > 1000 && Files.exists(straight.resolve("report.md")));
        assertEquals(2, rvsm("report", "--run", dir.resolve("nothing").toString())[0]);

        Object[] eval = rvsm("evaluate", "--suite", "dissertation", "--in", straight.resolve("model.zip").toString(),
                "--examples", "16", "--nattack-population", "8", "--nattack-iterations", "4", "--out",
                dir.resolve("eval").toString());
        assertEquals(0, eval[0], (String) eval[1]);
        assertTrue(Files.size(dir.resolve("eval/robustness.json")) > 100);
    }

    @Test
    void withoutRobustnessTheCleanAccuracyCoversTheWholeTestSetAndChannelAdmmZeroesChannels() throws Exception {
        Path run = dir.resolve("admm");
        Object[] r = rvsm(train("--epochs", "2", "--no-adversarial", "--no-robustness", "--method", "admm",
                "--admm-structure", "channel", "--prune-fraction", "0.5", "--out", run.toString()));
        assertEquals(0, r[0], (String) r[1]);
        RunReport report = RunReport.read(run);
        assertEquals(1, report.robustness().accuracies().size());
        assertTrue(report.robustness().epsilonCurve().isEmpty());
        assertEquals(64, report.robustness().examples(), "A1 must cover all --test-examples, not --eval-examples");
        Model exported = SparseModelSerializer.restoreMultiLayerNetwork(run.resolve("model.zip").toFile());
        TrainingData data = TrainingData.load("fashion-mnist", null, false, 256, 64, 64, 42);
        assertEquals(EpochValidation.accuracy(exported, data.test()), report.robustness().accuracy("A1"), 1e-12);
        assertTrue(report.sparsity().channelSparsity() > 0.3, "half the channels of each layer pruned: "
                + report.sparsity().channelSparsity());
        assertTrue(!Files.exists(run.resolve("robustness.png")), "no curve, no robustness plot");
    }

    @Test
    void filterPruningBaselineHoldsTheChosenChannelsAtZeroAndSlimmingNeedsBatchNorm() throws Exception {
        Path run = dir.resolve("l1");
        Object[] r = rvsm(train("--epochs", "2", "--no-adversarial", "--no-robustness", "--method", "l1-filter",
                "--prune-fraction", "0.5", "--out", run.toString()));
        assertEquals(0, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("pruned 11 of 22 channels"), (String) r[1]);   // 3 of 6 and 8 of 16
        RunReport report = RunReport.read(run);
        assertEquals(11, report.sparsity().layers().stream().filter(l -> l.name().startsWith("conv"))
                .mapToLong(l -> l.zeroOutputChannels()).sum(), report.sparsity().toString());
        assertEquals(2, report.selectedEpoch(), "the model before pruning is not selectable");
        assertTrue(Files.size(run.resolve("small.zip")) < Files.size(run.resolve("model.zip")));

        Object[] slim = rvsm(train("--epochs", "2", "--no-adversarial", "--method", "slimming", "--out",
                dir.resolve("slim").toString()));
        assertEquals(2, slim[0], (String) slim[1]);
        assertTrue(((String) slim[1]).contains("batch"), (String) slim[1]);
    }
}
