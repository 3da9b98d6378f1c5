package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.adversarial.evaluation.RobustnessReport;
import io.github.dl4jrvsm.core.persist.AtomicFiles;
import io.github.dl4jrvsm.core.report.SparsityReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.json} of a run directory: the settings, the per-epoch history, the final A1..A5 and robust accuracy
 * against epsilon on the test set, per-layer sparsity, parameter counts and FLOPs, and the wall time.
 */
public record RunReport(Map<String, Object> settings, String data, String backend, List<EpochRecord> history,
                        int selectedEpoch, RobustnessReport robustness, SparsityReport sparsity, double seconds) {

    static final String FILE = "report.json";

    void write(Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve(FILE), RunState.JSON.writeValueAsString(this));
    }

    /** Reads the report of a finished run directory. */
    public static RunReport read(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("no " + FILE + " in " + dir + "; give the --out directory of a finished run");
        }
        return RunState.JSON.readValue(f.toFile(), RunReport.class);
    }

    /** The one-screen summary printed at the end of {@code train}. */
    String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-28s %s%n", "model / method", settings.get("model") + " / " + settings.get("method")));
        for (RobustnessReport.Entry e : robustness.accuracies()) {
            sb.append(String.format(Locale.ROOT, "%-28s %6.2f%%%n", e.key() + " " + e.attack(), 100 * e.accuracy()));
        }
        sb.append(String.format(Locale.ROOT, "%-28s %6.2f%%%n", "sparsity (zero weights)", 100 * sparsity.sparsity()));
        sb.append(String.format(Locale.ROOT, "%-28s %6.2f%%%n", "channel sparsity", 100 * sparsity.channelSparsity()));
        sb.append(String.format(Locale.ROOT, "%-28s %d -> %d%n", "parameters (zero channels cut)", sparsity.totalParams(),
                sparsity.prunedParams()));
        sb.append(String.format(Locale.ROOT, "%-28s %.2f -> %.2f%n", "MFLOPs per image", sparsity.flops() / 1e6,
                sparsity.prunedFlops() / 1e6));
        sb.append(String.format(Locale.ROOT, "%-28s %.0f s%n", "wall time", seconds));
        for (String w : robustness.warnings()) {
            sb.append("warning: ").append(w).append('\n');
        }
        return sb.toString();
    }
}
