package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.persist.AtomicFiles;
import org.deeplearning4j.nn.api.Model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.dl4jrvsm.cli.plots.ChannelNormHistogramPlot;
import io.github.dl4jrvsm.cli.plots.RobustnessCurvePlot;
import io.github.dl4jrvsm.cli.plots.TrainingCurvesPlot;
import io.github.dl4jrvsm.cli.plots.WeightHistogramPlot;
import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.targetsparsity.LambdaStep;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Turns a run's report and models into {@code report.md} and its PNG plots. */
final class ReportWriter {

    static final String MARKDOWN = "report.md";
    static final List<String> PLOTS = List.of("weights.png", "channel-norms.png", "training.png", "robustness.png");

    private ReportWriter() {
    }

    /**
     * @param initial the same network at initialisation (same seed): the dense reference, since with the default
     *                epoch-end projection the trained weights already equal the sparse ones
     * @param sparse  the exported sparse model (weights u)
     */
    static void write(Path dir, RunReport report, Model initial, Model sparse) throws IOException {
        WeightHistogramPlot weights = new WeightHistogramPlot().title("Weights: at initialisation vs exported sparse model");
        Model dense = initial;
        if (dense != null) {
            weights.add("at initialisation", dense);
        }
        weights.add("exported sparse model", sparse).write(dir.resolve(PLOTS.get(0)));
        if (hasConvolutions(sparse)) {
            ChannelNormHistogramPlot channels = new ChannelNormHistogramPlot().title("Output-channel norms of the convolutions");
            if (dense != null) {
                channels.add("at initialisation", dense);
            }
            channels.add("exported sparse model", sparse).write(dir.resolve(PLOTS.get(1)));
        }
        List<TrainingCurvesPlot.EpochRecord> epochs = new ArrayList<>();
        for (EpochRecord e : report.history()) {
            epochs.add(new TrainingCurvesPlot.EpochRecord(e.epoch(), e.loss(), e.validationAccuracy(),
                    e.validationRobustAccuracy(), e.sparsity()));
        }
        if (!epochs.isEmpty()) {
            new TrainingCurvesPlot(epochs).title("Training (validation set)").write(dir.resolve(PLOTS.get(2)));
        }
        if (!report.robustness().epsilonCurve().isEmpty()) {
            new RobustnessCurvePlot().title("Robust accuracy against epsilon (PGD, test set)")
                .add(String.valueOf(report.settings().get("model")), report.robustness()).write(dir.resolve(PLOTS.get(3)));
        }
        String md = markdown(report, lambdaAtEpochEnds(dir));
        if (SparsityTrajectory.plot(dir)) {
            md += "![" + SparsityTrajectory.PLOT + "](" + SparsityTrajectory.PLOT + ")\n\n";
        }
        AtomicFiles.writeString(dir.resolve(MARKDOWN), md);
    }

    private static boolean hasConvolutions(Model m) {
        return NamedLayer.of(m).stream()
                .anyMatch(l -> l.config().getClass() == ConvolutionLayer.class);
    }

    /**
     * From a target-sparsity run's lambda log, the last lambda of each epoch: the one its epoch-end projection used.
     * Empty when the run had no target.
     */
    static List<LambdaStep> lambdaAtEpochEnds(Path dir) throws IOException {
        Path log = dir.resolve(RunDirectory.LAMBDAS);
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        Map<Integer, LambdaStep> last = new TreeMap<>();
        for (LambdaStep s : LambdaStep.read(log)) {
            last.put(s.epoch(), s);
        }
        return List.copyOf(last.values());
    }

    static String markdown(RunReport r, List<LambdaStep> lambdas) {
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
        if (!lambdas.isEmpty()) {
            sb.append("\n## Lambda (target sparsity)\n\nLambda is set before every step so that u has the scheduled "
                    + "share of zeros; every value is in ").append(RunDirectory.LAMBDAS)
                    .append(". At each epoch's end:\n\n")
                    .append("| epoch | sparsity of u | threshold | lambda |\n|---:|---:|---:|---:|\n");
            for (LambdaStep s : lambdas) {
                sb.append(String.format(Locale.ROOT, "| %d | %.2f%% | %.4g | %.4g |%n", s.epoch() + 1,
                        100 * s.sparsity(), s.threshold(), s.lambda()));
            }
        }
        sb.append("\n## Robustness (test set)\n\n").append(r.robustness().toMarkdown());
        sb.append("\n## Sparsity\n\n").append(r.sparsity().toMarkdown());
        sb.append("\n## Plots\n\n");
        for (String p : PLOTS) {
            sb.append("![").append(p).append("](").append(p).append(")\n\n");
        }
        return sb.toString();
    }
}
