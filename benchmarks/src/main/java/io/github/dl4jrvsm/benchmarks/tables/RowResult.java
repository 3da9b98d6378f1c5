package io.github.dl4jrvsm.benchmarks.tables;

import io.github.dl4jrvsm.cli.RunReport;

import java.nio.file.Path;
import java.util.List;

/**
 * A row's run: where it is, its report (null while the run is pending), and the exact command that makes it.
 */
public record RowResult(Row row, Path directory, RunReport report, List<String> command) {

    public boolean pending() {
        return report == null;
    }

    /** Our value in percent, NaN while pending. */
    public double ours(Metric m) {
        return report == null ? Double.NaN : m.percent(report);
    }

    public double dissertation(Metric m) {
        return row.dissertation().getOrDefault(m, Double.NaN);
    }
}
