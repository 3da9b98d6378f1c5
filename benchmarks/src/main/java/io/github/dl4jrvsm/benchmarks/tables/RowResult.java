package io.github.dl4jrvsm.benchmarks.tables;

import io.github.dl4jrvsm.cli.RunReport;

import java.nio.file.Path;
import java.util.List;

/**
 * A row's runs, one per seed: where they are, the reports of the finished ones, and the exact command of each.
 *
 * @param reports the finished runs' reports (fewer than the commands while some are pending)
 */
public record RowResult(Row row, List<Path> directories, List<RunReport> reports, List<List<String>> commands) {

    public RowResult {
        directories = List.copyOf(directories);
        reports = List.copyOf(reports);
        commands = List.copyOf(commands);
    }

    /** Whether no run of the row has finished. */
    public boolean pending() {
        return reports.isEmpty();
    }

    /** Our values in percent over the finished seeds. */
    public SeedSpread ours(Metric m) {
        return new SeedSpread(reports.stream().mapToDouble(m::percent).toArray());
    }

    /** Mean wall time of the finished runs in seconds. */
    public double seconds() {
        return reports.stream().mapToDouble(RunReport::seconds).average().orElse(Double.NaN);
    }

    public double dissertation(Metric m) {
        return row.dissertation().getOrDefault(m, Double.NaN);
    }
}
