package io.github.dl4jrvsm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rvsm compare}: two runs on one budget and their side-by-side table. */
class CompareCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainsDenseAndRvsmAndPrintsThemSideBySide() throws Exception {
        Object[] r = CliRun.rvsm("compare", "--out", dir.toString(), "--epochs", "1", "--train-examples", "256",
                "--test-examples", "48", "--no-progress");
        String out = (String) r[1];
        assertEquals(0, r[0], out);
        RunReport dense = RunReport.read(dir.resolve("dense")), rvsm = RunReport.read(dir.resolve("rvsm"));
        assertEquals("none", dense.settings().get("method"));
        assertEquals("rvsm", rvsm.settings().get("method"));
        assertEquals(dense.settings().get("seed"), rvsm.settings().get("seed"));
        assertEquals(48, rvsm.robustness().accuracies().get(0).examples());
        assertTrue(rvsm.sparsity().sparsity() > dense.sparsity().sparsity(), out);
        String table = Files.readString(dir.resolve("compare.md"));
        assertTrue(table.contains("| A1 clean |") && table.contains("| A3 IFGSM-20 |") && table.contains("/48, "), table);
        assertTrue(table.contains("| .rvsmz int8 (rvsm compress) |"), table);
        assertTrue(out.contains(table.trim().lines().findFirst().orElseThrow()), out);
    }

    @Test
    void badBudgetsAreRefusedByName() {
        Object[] r = CliRun.rvsm("compare", "--out", dir.toString(), "--epochs", "0");
        assertEquals(2, r[0]);
        assertTrue(((String) r[1]).contains("--epochs and --test-examples must be >= 1, got 0"), (String) r[1]);
    }
}
