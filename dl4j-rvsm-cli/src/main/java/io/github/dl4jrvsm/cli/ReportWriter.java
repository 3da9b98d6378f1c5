package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.persist.AtomicFiles;
import org.deeplearning4j.nn.api.Model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Turns a run's report into {@code report.md} (and, where the models are at hand, its plots). */
final class ReportWriter {

    static final String MARKDOWN = "report.md";

    private ReportWriter() {
    }

    static void write(Path dir, RunReport report, Model dense, Model sparse) throws IOException {
        AtomicFiles.writeString(dir.resolve(MARKDOWN), markdown(report));
    }

    static String markdown(RunReport r) {
        StringBuilder sb = new StringBuilder("# Run report\n\n");
        sb.append("Data: ").append(r.data()).append("  \nBackend: ").append(r.backend()).append(String.format(Locale.ROOT,
                "  \nWall time: %.0f s  \nModel selected at epoch %d (best validation score)%n%n", r.seconds(), r.selectedEpoch()));
        sb.append("## Settings\n\n| setting | value |\n|---|---|\n");
        for (Map.Entry<String, Object> e : r.settings().entrySet()) {
            sb.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
        }
        sb.append("\n## Training\n\n| epoch | loss | val accuracy | val PGD accuracy | sparsity | channel sparsity | seconds |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|\n");
        for (EpochRecord e : r.history()) {
            sb.append(String.format(Locale.ROOT, "| %d | %.4f | %.2f%% | %s | %.2f%% | %.2f%% | %.0f |%n", e.epoch(), e.loss(),
                    100 * e.validationAccuracy(), Double.isNaN(e.validationRobustAccuracy()) ? "-"
                            : String.format(Locale.ROOT, "%.2f%%", 100 * e.validationRobustAccuracy()),
                    100 * e.sparsity(), 100 * e.channelSparsity(), e.seconds()));
        }
        sb.append("\n## Robustness (test set)\n\n").append(r.robustness().toMarkdown());
        sb.append("\n## Sparsity\n\n").append(r.sparsity().toMarkdown());
        return sb.toString();
    }
}
