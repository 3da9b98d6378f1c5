package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.persist.SparseModelSerializer;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.core.targetsparsity.LambdaStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rvsm train --target-sparsity}: the run ends at the target, its lambdas are in the run directory. */
class TargetSparsityCliTest {

    @TempDir
    Path dir;

    private static String[] train(Path out, String... more) {
        List<String> all = new ArrayList<>(List.of("train", "--train-examples", "256", "--validation", "64",
                "--test-examples", "64", "--no-adversarial", "--no-robustness", "--no-progress", "--batch", "32",
                "--out", out.toString()));
        all.addAll(Arrays.asList(more));
        return all.toArray(new String[0]);
    }

    @Test
    void rvsmEndsAtTheTargetAndWritesItsLambdas() throws Exception {
        Path run = dir.resolve("rvsm");
        Object[] r = CliRun.rvsm(train(run, "--epochs", "2", "--target-sparsity", "0.9"));
        assertEquals(0, r[0], (String) r[1]);

        RunReport report = RunReport.read(run);
        assertEquals(0.9, report.settings().get("targetSparsity"));
        assertEquals(2, report.settings().get("targetEpoch"), "3/4 of 2 epochs, rounded");
        assertEquals(2, report.selectedEpoch(), "a model before the target epoch is not selectable");
        SparsityReport exported = SparsityReport.of(
                SparseModelSerializer.restoreMultiLayerNetwork(run.resolve("model.zip").toFile()), 1, 28, 28);
        assertEquals(0.9, exported.sparsity(), 0.005);

        List<LambdaStep> lambdas = LambdaStep.read(run.resolve(RunDirectory.LAMBDAS));
        // 8 batches of 32 per epoch: the attach, 16 iterations and 2 epoch starts
        assertEquals(19, lambdas.size());
        assertEquals(0.0, lambdas.get(0).sparsity(), 0);
        assertEquals(0.9, lambdas.get(lambdas.size() - 1).sparsity(), 0);
        String markdown = Files.readString(run.resolve(ReportWriter.MARKDOWN));
        assertTrue(markdown.contains("## Lambda (target sparsity)") && markdown.contains("| 2 | 90.00% |"), markdown);
        assertTrue(((String) r[1]).contains(RunDirectory.LAMBDAS), (String) r[1]);
    }

    @Test
    void rgsmReachesAChannelTargetInWholeChannels() throws Exception {
        Path run = dir.resolve("rgsm");
        Object[] r = CliRun.rvsm(train(run, "--epochs", "2", "--method", "rgsm", "--target-sparsity", "0.5",
                "--target-epoch", "1"));
        assertEquals(0, r[0], (String) r[1]);
        SparsityReport exported = RunReport.read(run).sparsity();
        // output channels of LeNet-5's convolutions and dense layers: 6 + 16 + 120 + 84 + 10 = 236, half of them zero
        assertEquals(118.0 / 236, exported.channelSparsity(), 1e-12);
    }

    @Test
    void badTargetsExitWithTwoAndOneLineAndWriteNothing() {
        String[][] cases = {
                {"--target-sparsity", "1.0"},
                {"--target-sparsity", "0"},
                {"--target-sparsity", "-0.5"},
                {"--method", "none", "--target-sparsity", "0.5"},
                {"--method", "admm", "--target-sparsity", "0.5"},
                {"--target-epoch", "2"},
                {"--epochs", "4", "--target-sparsity", "0.5", "--target-epoch", "5"}};
        String[] named = {"--target-sparsity must be in (0, 1), got 1.0", "got 0.0", "got -0.5", "--method none",
                "--method admm", "--target-epoch 2", "--target-epoch must be in [1, 4]"};
        for (int i = 0; i < cases.length; i++) {
            Path out = dir.resolve("bad" + i);
            Object[] r = CliRun.rvsm(train(out, cases[i]));
            String text = ((String) r[1]).trim();
            assertEquals(2, r[0], Arrays.toString(cases[i]) + ": " + text);
            List<String> errors = text.lines().filter(l -> l.startsWith("error: ")).toList();
            assertEquals(1, errors.size(), text);
            assertTrue(errors.get(0).contains(named[i]), Arrays.toString(cases[i]) + " -> " + errors.get(0));
            assertFalse(Files.exists(out), "nothing written for " + Arrays.toString(cases[i]));
        }
    }
}
