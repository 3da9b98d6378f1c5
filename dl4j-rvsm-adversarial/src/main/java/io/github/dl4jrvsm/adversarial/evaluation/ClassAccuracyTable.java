package io.github.dl4jrvsm.adversarial.evaluation;

import io.github.dl4jrvsm.adversarial.evaluation.RobustnessReport.Entry;

import java.util.List;
import java.util.Locale;

/**
 * The per-class accuracy of a report as a Markdown table, one row per class and one column per entry (A1 clean,
 * then each attack): which classes an attack breaks, which the overall robust accuracy hides.
 *
 * <p>A1 counts every test example while the attacks count only the attacked ones
 * ({@link RobustnessEvaluation#withMaxExamples}), so both per-class counts are shown: a cell's percentage is out of
 * its own column's count. Entries read from reports written before the counts were kept have none and are left out.
 */
final class ClassAccuracyTable {

    private ClassAccuracyTable() {
    }

    /** The table, or an empty string when no entry has per-class counts. */
    static String markdown(List<Entry> entries) {
        List<Entry> counted = entries.stream().filter(e -> e.confusion() != null).toList();
        if (counted.isEmpty()) {
            return "";
        }
        Entry clean = counted.stream().filter(e -> e.key().equals("A1")).findFirst().orElse(null);
        Entry attacked = counted.stream().filter(e -> !e.key().equals("A1")).findFirst().orElse(null);
        StringBuilder sb = new StringBuilder("Per-class accuracy (correct / examples of the class)\n\n| class |");
        StringBuilder rule = new StringBuilder("|---:|");
        if (clean != null) {
            sb.append(" examples |");
            rule.append("---:|");
        }
        if (attacked != null) {
            sb.append(" attacked |");
            rule.append("---:|");
        }
        for (Entry e : counted) {
            sb.append(' ').append(e.key()).append(' ').append(e.attack()).append(" |");
            rule.append("---:|");
        }
        sb.append('\n').append(rule).append('\n');
        int classes = counted.get(0).confusion().classes();
        for (int c = 0; c < classes; c++) {
            sb.append("| ").append(c).append(" |");
            if (clean != null) {
                sb.append(' ').append(clean.confusion().examples(c)).append(" |");
            }
            if (attacked != null) {
                sb.append(' ').append(attacked.confusion().examples(c)).append(" |");
            }
            for (Entry e : counted) {
                double a = e.confusion().accuracy(c);
                sb.append(' ').append(Double.isNaN(a) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * a)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
