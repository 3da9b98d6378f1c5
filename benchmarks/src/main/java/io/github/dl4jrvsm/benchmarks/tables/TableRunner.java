package io.github.dl4jrvsm.benchmarks.tables;

import io.github.dl4jrvsm.cli.RunReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the rows of a table with {@code rvsm train}, each in its own run directory under
 * {@code out/runs}, and collects their reports. A row whose directory already holds a report is read, not trained
 * again, so an interrupted table is continued by running the same command.
 */
public final class TableRunner {

    private final RunCache runs;
    private final boolean train;
    private final boolean reverse;
    private final Seeds seeds;

    public TableRunner(Path out, Consumer<String> log) {
        this(out, log, true, false, new Seeds(1));
    }

    /**
     * @param train   false: only read finished rows, leave the others pending (to re-render a table)
     * @param reverse train the rows last to first, e.g. in a second runner that shares the table with a first one
     * @param seeds   how many runs per row, each with its own seed
     */
    public TableRunner(Path out, Consumer<String> log, boolean train, boolean reverse, Seeds seeds) {
        this.runs = new RunCache(out, log);
        this.train = train;
        this.reverse = reverse;
        this.seeds = seeds;
    }

    public List<RowResult> run(TableSpec table, Scale scale) throws IOException {
        return run(table, scale, partial -> { });
    }

    /**
     * Runs the rows in order, every seed of a row before the next row; after each row {@code progress} gets every
     * row, the ones still to run marked pending, so that a long table shows what is finished while it runs (and
     * after an interruption).
     */
    public List<RowResult> run(TableSpec table, Scale scale, Progress progress) throws IOException {
        List<RowResult> results = new ArrayList<>();
        for (Row row : table.rows()) {
            List<List<String>> commands = seeds.of(command(table, row, scale));
            results.add(new RowResult(row, commands.stream().map(runs::directory).toList(), List.of(), commands));
        }
        for (int k = 0; k < results.size(); k++) {
            int i = reverse ? results.size() - 1 - k : k;
            RowResult r = results.get(i);
            List<RunReport> reports = new ArrayList<>();
            for (int s = 0; s < r.commands().size(); s++) {
                String label = String.format("table %s row %d/%d%s: %s", table.id(), i + 1, results.size(),
                        r.commands().size() > 1 ? " seed " + (s + 1) + "/" + r.commands().size() : "", r.row().label());
                RunReport report = train ? runs.report(r.commands().get(s), label) : runs.finished(r.commands().get(s));
                if (report != null) {
                    reports.add(report);
                }
            }
            results.set(i, new RowResult(r.row(), r.directories(), reports, r.commands()));
            progress.rowDone(List.copyOf(results));
        }
        return results;
    }

    /** Told after every finished row. */
    @FunctionalInterface
    public interface Progress {
        void rowDone(List<RowResult> soFar) throws IOException;
    }

    /** The full command of a row: its method options, then the scale's budget, the training kind, the evaluation. */
    static List<String> command(TableSpec table, Row row, Scale scale) {
        return TrainArguments.of(table, row, scale).toList();
    }
}
