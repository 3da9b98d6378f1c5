package io.github.dl4jrvsm.surgery;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.dl4jrvsm.core.persist.AtomicFiles;
import io.github.dl4jrvsm.core.report.SparsityReport;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Before/after comparison of a channel surgery: parameters, FLOPs (as {@link SparsityReport} counts them),
 * ModelSerializer file size and measured latency, plus the per-space decisions. Serialises to JSON with Jackson.
 *
 * @param model            class of the network
 * @param inputShape       one example's shape, used for FLOPs and latency
 * @param removedChannels  channels removed over all spaces
 * @param paramsBefore     DL4J parameter count (batch-norm statistics included)
 * @param paramsAfter      the same for the new network
 * @param flopsBefore      forward FLOPs per example of convolution and dense layers
 * @param flopsAfter       the same for the new network
 * @param bytesBefore      ModelSerializer zip size without updater
 * @param bytesAfter       the same for the new network
 * @param maxAbsDifference largest output difference on the check input
 * @param checkedOn        what the check input was
 * @param latency          one entry per measured batch size
 * @param latencyFolded    whether latency was measured with batch norm folded into both networks
 *                         ({@link LatencyOptions#foldBatchNorm()}); parameters, FLOPs and file size are of the
 *                         networks as given either way
 * @param decisions        what was done to each channel space
 */
public record SurgeryReport(String model, long[] inputShape, int removedChannels, long paramsBefore,
                            long paramsAfter, long flopsBefore, long flopsAfter, long bytesBefore, long bytesAfter,
                            double maxAbsDifference, String checkedOn, List<Latency> latency, boolean latencyFolded,
                            List<SpaceDecision> decisions) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * How latency is measured: batch sizes, warm-up and timed repetitions per batch size, and whether both networks
     * are timed after {@link BatchNormFolding} (default off).
     *
     * <p>Why folding is an option of the measurement: on the CPU backend batch norm costs about as much as the
     * convolution it follows and shrinks with the channel count, not with the FLOPs, so an unfolded comparison
     * mostly measures batch norm. Folding both sides compares what a deployment (which folds) would run; folding
     * only one side would credit the surgery with the folding's gain.
     */
    public record LatencyOptions(int[] batches, int warmup, int repetitions, boolean foldBatchNorm) {
        /** Batches 1 and 128, 3 warm-up and 15 timed repetitions, networks as given. */
        public static final LatencyOptions DEFAULT = new LatencyOptions(new int[]{1, 128}, 3, 15);
        /** No latency measurement. */
        public static final LatencyOptions NONE = new LatencyOptions(new int[0], 0, 1);

        /** Networks timed as given. */
        public LatencyOptions(int[] batches, int warmup, int repetitions) {
            this(batches, warmup, repetitions, false);
        }

        /** The same options, timing both networks with batch norm folded. */
        public LatencyOptions withFoldedBatchNorm() {
            return new LatencyOptions(batches, warmup, repetitions, true);
        }
    }

    /**
     * Measures {@code before} and the result's network.
     *
     * @param check      inputs for the output comparison, or null for 16 uniform [0, 1) examples (seeded)
     * @param inputShape one example's shape without the batch dimension, e.g. {@code 1, 28, 28}
     */
    public static SurgeryReport of(Model before, SurgeryResult result, INDArray check, LatencyOptions options,
                                   long... inputShape) {
        Model after = result.network();
        String checkedOn = check == null ? "16 uniform random inputs in [0, 1)" : check.size(0) + " given inputs";
        INDArray x = check != null ? check : random(16, inputShape, 5);
        double diff = SurgeryOutputs.maxAbsDifference(before, after, x);
        List<Latency> latency = new ArrayList<>();
        boolean fold = options.foldBatchNorm() && options.batches().length > 0;
        Model timedBefore = fold ? BatchNormFolding.fold(before) : before;
        Model timedAfter = fold ? BatchNormFolding.fold(after) : after;
        for (int b : options.batches()) {
            latency.add(Latency.measure(timedBefore, timedAfter, random(b, inputShape, 6), options.warmup(),
                    options.repetitions()));
        }
        return new SurgeryReport(before.getClass().getSimpleName(), inputShape.clone(), result.removedChannels(),
                before.numParams(), after.numParams(), SparsityReport.of(before, inputShape).flops(),
                SparsityReport.of(after, inputShape).flops(), fileSize(before), fileSize(after), diff, checkedOn,
                List.copyOf(latency), fold, result.decisions());
    }

    private static INDArray random(int batch, long[] shape, long seed) {
        long[] s = new long[shape.length + 1];
        s[0] = batch;
        System.arraycopy(shape, 0, s, 1, shape.length);
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, s);
    }

    /** Bytes of {@code ModelSerializer.writeModel(model, file, false)}. */
    static long fileSize(Model model) {
        try {
            Path tmp = Files.createTempFile("surgery-size", ".zip");
            try {
                ModelSerializer.writeModel(model, tmp.toFile(), false);
                return Files.size(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @JsonProperty
    public double paramRatio() {
        return (double) paramsAfter / paramsBefore;
    }

    @JsonProperty
    public double flopRatio() {
        return flopsBefore == 0 ? 1 : (double) flopsAfter / flopsBefore;
    }

    @JsonProperty
    public double sizeRatio() {
        return (double) bytesAfter / bytesBefore;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SurgeryReport fromJson(String json) throws IOException {
        return JSON.readValue(json, SurgeryReport.class);
    }

    /** Writes the JSON through a temporary file and an atomic move. */
    public void writeJson(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /** A short Markdown summary: totals, latency and the spaces that changed or kept constant channels. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "| | before | after | ratio |%n|---|---:|---:|---:|%n"));
        sb.append(String.format(Locale.ROOT, "| parameters | %d | %d | %.3f |%n", paramsBefore, paramsAfter, paramRatio()));
        sb.append(String.format(Locale.ROOT, "| MFLOPs / example | %.3f | %.3f | %.3f |%n", flopsBefore / 1e6,
                flopsAfter / 1e6, flopRatio()));
        sb.append(String.format(Locale.ROOT, "| file bytes | %d | %d | %.3f |%n", bytesBefore, bytesAfter, sizeRatio()));
        for (Latency l : latency) {
            sb.append(String.format(Locale.ROOT, "| latency ms, batch %d (median of %d%s) | %.3f | %.3f | %.3f |%n",
                    l.batch(), l.repetitions(), latencyFolded ? ", batch norm folded" : "", l.beforeMs(),
                    l.afterMs(), l.ratio()));
        }
        sb.append(String.format(Locale.ROOT, "%n%d channels removed; max |output difference| %.3g on %s%n%n",
                removedChannels, maxAbsDifference, checkedOn));
        for (SpaceDecision d : decisions) {
            if (d.changes() || !d.notes().isEmpty()) {
                sb.append(String.format(Locale.ROOT, "- %s: %d -> %d channels (%d constant)%s%n", d.label(),
                        d.channels(), d.kept().length, d.constant(),
                        d.notes().isEmpty() ? "" : "; " + String.join("; ", d.notes())));
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SurgeryReport r && r.toJson().equals(toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }
}
