package io.github.dl4jrvsm.benchmarks.tables;

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

    public TableRunner(Path out, Consumer<String> log) {
        this(out, log, true, false);
    }

    /**
     * @param train   false: only read finished rows, leave the others pending (to re-render a table)
     * @param reverse train the rows last to first, e.g. in a second runner that shares the table with a first one
     */
    public TableRunner(Path out, Consumer<String> log, boolean train, boolean reverse) {
        this.runs = new RunCache(out, log);
        this.train = train;
        this.reverse = reverse;
    }

    public List<RowResult> run(TableSpec table, Scale scale) throws IOException {
        return run(table, scale, partial -> { });
    }

    /**
     * Runs the rows in order; after each one {@code progress} gets every row, the ones still to run marked pending,
     * so that a long table shows what is finished while it runs (and after an interruption).
     */
    public List<RowResult> run(TableSpec table, Scale scale, Progress progress) throws IOException {
        List<RowResult> results = new ArrayList<>();
        for (Row row : table.rows()) {
            List<String> command = command(table, row, scale);
            results.add(new RowResult(row, runs.directory(command), null, command));
        }
        for (int k = 0; k < results.size(); k++) {
            int i = reverse ? results.size() - 1 - k : k;
            RowResult r = results.get(i);
            String label = String.format("table %s row %d/%d: %s", table.id(), i + 1, results.size(), r.row().label());
            results.set(i, new RowResult(r.row(), r.directory(),
                    train ? runs.report(r.command(), label) : runs.finished(r.command()), r.command()));
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
