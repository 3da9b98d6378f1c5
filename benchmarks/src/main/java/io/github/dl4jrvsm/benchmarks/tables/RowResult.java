package io.github.dl4jrvsm.benchmarks.tables;

import io.github.dl4jrvsm.cli.RunReport;

import java.nio.file.Path;
import java.util.List;

/** A row's finished run: where it is, its report, and the exact command that made it. */
public record RowResult(Row row, Path directory, RunReport report, List<String> command) {

    public double ours(Metric m) {
        return m.percent(report);
    }

    public double dissertation(Metric m) {
        return row.dissertation().getOrDefault(m, Double.NaN);
    }
}
