package io.github.dl4jrvsm.benchmarks.tables;

import io.github.dl4jrvsm.cli.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The channel-sparsity column on a real run of Table 4.1 whose network died (RGSM, group lasso, lambda 1, seed 43):
 * conv1's single input channel and 5 of conv2's 6 are zero (6 of 7 input groups), and with them 20 of 22 filters.
 */
class MetricTest {

    @TempDir
    Path dir;

    private RunReport deadRun() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/reports/rgsm-dead-network/report.json")) {
            Files.copy(in, dir.resolve("report.json"));
        }
        return RunReport.read(dir);
    }

    private static RunReport withSettings(RunReport r, String method, String grouping) {
        Map<String, Object> settings = new LinkedHashMap<>(r.settings());
        settings.put("method", method);
        settings.put("grouping", grouping);
        return new RunReport(settings, r.data(), r.backend(), r.history(), r.selectedEpoch(), r.robustness(),
                r.sparsity(), r.seconds());
    }

    @Test
    void rgsmCountsTheSideItsGroupingNamesEvenWhenTheOtherSideIsEmptier() throws IOException {
        RunReport r = deadRun();
        assertEquals(100.0 * 6 / 7, Metric.CHANNEL_SPARSITY.percent(r), 1e-9);
        assertEquals(100.0 * 20 / 22, Metric.CHANNEL_SPARSITY.percent(withSettings(r, "rgsm", "OUTPUT")), 1e-9);
        assertEquals(100.0 * 6 / 7, Metric.CHANNEL_SPARSITY.percent(withSettings(r, "admm", "INPUT")), 1e-9);
    }

    @Test
    void methodsWithoutAGroupingCountTheLargerShare() throws IOException {
        assertEquals(100.0 * 20 / 22, Metric.CHANNEL_SPARSITY.percent(withSettings(deadRun(), "slimming", null)), 1e-9);
    }
}
