package io.github.dl4jrvsm.benchmarks.tables;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A table in the dissertation's layout, every number of ours beside the dissertation's ("ours / dissertation"),
 * followed by the budget, the note on what differs, and the command of every row so that each can be re-run alone.
 */
public final class TableMarkdown {

    private TableMarkdown() {
    }

    public static String render(TableSpec table, Scale scale, List<RowResult> results, String machine) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "### Table %s: %s (%s scale)%n%n", table.id(), table.title(),
                scale.name().toLowerCase(Locale.ROOT)));
        sb.append("| ").append(table.adversarial() && !table.params().isEmpty() ? "Net" : "Method");
        for (String p : table.params()) {
            sb.append(" | ").append(p);
        }
        for (Metric m : table.metrics()) {
            sb.append(" | ").append(m.header());
        }
        sb.append(" | time |\n|---");
        sb.append("|---".repeat(table.params().size()));
        sb.append("|---:".repeat(table.metrics().size() + 1)).append("|\n");
        for (RowResult r : results) {
            sb.append("| ").append(r.row().label());
            for (String p : table.params()) {
                sb.append(" | ").append(r.row().params().getOrDefault(p, ""));
            }
            for (Metric m : table.metrics()) {
                String ours = r.pending() ? "not run" : r.ours(m).format(SeedSpread.DEPENDENT_POINTS);
                sb.append(" | ").append(cell(ours, r.dissertation(m)));
            }
            sb.append(r.pending() ? " | |\n" : String.format(Locale.ROOT, " | %.0f s%s |%n", r.seconds(),
                    Seeds.shortfall(r.reports().size(), r.commands().size())));
        }
        int seeds = results.isEmpty() ? 1 : results.get(0).commands().size();
        sb.append("\nCells: ours / dissertation, in percent");
        sb.append(seeds > 1 ? String.format(Locale.ROOT, "; ours as mean ± standard deviation over %d seeds (%d, %d, "
                + "...), ‡ where the seeds differ by more than %.0f points (their range in brackets): such a cell "
                + "cannot decide an ordering. ", seeds, Seeds.FIRST, Seeds.FIRST + 1, SeedSpread.DEPENDENT_POINTS) : ". ");
        Budget b = table.budget(scale);
        sb.append(String.format(Locale.ROOT, "Budget: %s, %s training images, %d validation, %s test images (A1), "
                        + "%d epochs, batch %d, learning-rate drops at %s%s; %s.%n",
                b.dataset(), b.trainExamples() == 0 ? "all" : String.valueOf(b.trainExamples()), b.validation(),
                b.testExamples() == 0 ? "all" : String.valueOf(b.testExamples()), b.epochs(), b.batch(),
                Arrays.toString(b.lrDrops()), b.lr() == null ? "" : ", initial learning rate " + b.lr(),
                table.adversarial() ? String.format(Locale.ROOT, "PGD-%d adversarial training (8/255, step 2/255, "
                        + "random start), attacks on %d test images", b.attackSteps(), b.evalExamples())
                        : "natural training"));
        if (!table.note().isEmpty()) {
            sb.append('\n').append(table.note()).append('\n');
        }
        sb.append('\n').append(machine).append("\n\n<details><summary>commands of the rows</summary>\n\n");
        for (RowResult r : results) {
            sb.append("- `rvsm ").append(String.join(" ", r.commands().get(0))).append("`\n");
        }
        if (seeds > 1) {
            sb.append(String.format(Locale.ROOT, "%nEach row again with `--seed %d` up to `--seed %d`.%n",
                    Seeds.FIRST + 1, Seeds.FIRST + seeds - 1));
        }
        sb.append("\n</details>\n");
        return sb.toString();
    }

    private static String cell(String ours, double dissertation) {
        return ours + " / " + number(dissertation);
    }

    private static String number(double percent) {
        return Double.isNaN(percent) ? "-" : String.format(Locale.ROOT, "%.2f", percent);
    }
}
