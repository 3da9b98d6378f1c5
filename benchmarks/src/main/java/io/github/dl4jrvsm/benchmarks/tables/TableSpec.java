package io.github.dl4jrvsm.benchmarks.tables;

import java.util.List;

/**
 * One table of the dissertation: its rows (methods with their settings and reported numbers), the columns it
 * reports, and the budget each scale gives every row.
 *
 * @param id     the dissertation's number, e.g. "4.4"
 * @param params the hyper-parameter columns printed before the results, e.g. beta, lambda
 * @param adversarial whether the rows are PGD-trained (chapter 4.2) or trained on clean images
 * @param note   what differs from the dissertation's setting, printed under the table
 */
public record TableSpec(String id, String title, Budget cpu, Budget full, List<String> params, List<Metric> metrics,
                        List<Row> rows, boolean adversarial, String note) {

    public TableSpec {
        params = List.copyOf(params);
        metrics = List.copyOf(metrics);
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("table " + id + " has no rows");
        }
    }

    public Budget budget(Scale scale) {
        return scale == Scale.CPU ? cpu : full;
    }

    /** Whether any column needs attacks after training (A2..A5); otherwise runs measure clean accuracy only. */
    public boolean needsAttacks() {
        return metrics.stream().anyMatch(Metric::needsAttacks);
    }
}
