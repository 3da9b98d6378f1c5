package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.pruning.SensitivityResult;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code rvsm sensitivity} prints at the end: one row per layer with its accuracy at each level, and the
 * largest level that stays within {@code --max-accuracy-drop} of the unpruned accuracy, the first guess at a
 * per-layer target.
 */
final class SensitivityTable {

    private SensitivityTable() {
    }

    static String markdown(SensitivityResult r, double maxDrop) {
        List<String> layers = r.layers();
        List<SensitivityResult.Point> first = r.curve(layers.get(0));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nUnpruned accuracy %.2f%%; accuracy with "
                + "one layer pruned (%s):%n%n| layer |", 100 * r.baseline(), r.structure()));
        StringBuilder rule = new StringBuilder("|---|");
        for (SensitivityResult.Point p : first) {
            sb.append(String.format(Locale.ROOT, " %.0f%% |", 100 * p.level()));
            rule.append("---:|");
        }
        sb.append(String.format(Locale.ROOT, " largest level within %.1f points |%n", 100 * maxDrop))
                .append(rule).append("---:|\n");
        Map<String, Double> within = r.levelsWithin(maxDrop);
        for (String layer : layers) {
            sb.append("| ").append(layer).append(" |");
            for (SensitivityResult.Point p : r.curve(layer)) {
                sb.append(String.format(Locale.ROOT, " %.2f%% |", 100 * p.accuracy()));
            }
            sb.append(String.format(Locale.ROOT, " %.0f%% |%n", 100 * within.get(layer)));
        }
        return sb.toString();
    }
}
