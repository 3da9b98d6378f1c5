package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.persist.AtomicFiles;
import io.github.dl4jrvsm.surgery.BatchNormFolding;
import io.github.dl4jrvsm.surgery.FoldedModel;
import io.github.dl4jrvsm.surgery.ChannelSurgery;
import io.github.dl4jrvsm.surgery.NothingToRemoveException;
import io.github.dl4jrvsm.surgery.SurgeryReport;
import io.github.dl4jrvsm.surgery.SurgeryResult;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code rvsm prune-export}: cuts the zero channels out of a sparse model (channel surgery) and writes the smaller
 * dense model and a JSON report (parameters, FLOPs, file size, latency before and after) next to it.
 *
 * <p>{@code --fold-batch-norm} writes the smaller model with every batch norm that follows a convolution or dense
 * layer folded into it (inference only: no batch norm left to train), checks that model against the input, and
 * times both sides folded, so the latency ratio is the surgery's and not the folding's. Off by default: the plain
 * export stays a trainable DL4J model.
 *
 * <p>Exit codes: 0 written; 1 nothing removable, outputs not equal, or another failure (then nothing is written);
 * 2 bad arguments. Errors are one line.
 */
@Command(name = "prune-export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cut zero channels (RGSM filters) out of a model and write a smaller, faster dense model.",
                "Writes OUT and OUT with .json instead of .zip (the report), atomically.",
                "Exit codes: 0 written; 1 no removable channel, outputs differ, or failure (nothing written); "
                        + "2 bad arguments."})
final class PruneExportCommand extends RvsmCommand {

    @Mixin
    InputModel input = new InputModel();

    @Option(names = "--out", required = true, description = "the smaller model, a .zip file") Path out;

    @Option(names = "--input-shape", defaultValue = "1,28,28",
            description = "one example's shape for FLOPs, latency and the output check (default: ${DEFAULT-VALUE}; CIFAR: 3,32,32)")
    String inputShape;

    @Option(names = "--batches", defaultValue = "1,128", description = "batch sizes timed (default: ${DEFAULT-VALUE})") String batches;

    @Option(names = "--repetitions", defaultValue = "15", description = "timed runs per network and batch size, interleaved; medians reported (default: ${DEFAULT-VALUE})")
    int repetitions;

    @Option(names = "--warmup", defaultValue = "3", description = "untimed runs first (default: ${DEFAULT-VALUE})") int warmup;

    @Option(names = "--tolerance", defaultValue = "1e-4", description = "largest output difference accepted on the check inputs (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--fold-batch-norm", description = "fold batch norms into the convolution or dense layer before "
            + "them in the written model (inference only) and time both sides folded (default: off)")
    boolean foldBatchNorm;

    @Override
    public Integer call() throws Exception {
        long[] shape = positiveList("--input-shape", inputShape);
        int[] batchSizes = Arrays.stream(positiveList("--batches", batches)).mapToInt(Math::toIntExact).toArray();
        validate();
        PrintWriter log = out();
        Model model = input.read();
        SurgeryResult result;
        try {
            result = ChannelSurgery.prune(model);
        } catch (NothingToRemoveException e) {
            err().println("error: " + e.getMessage().replace('\n', ' ') + "; nothing written");
            return 1;
        }
        SurgeryReport.LatencyOptions options = new SurgeryReport.LatencyOptions(batchSizes, warmup, repetitions);
        if (foldBatchNorm) {
            FoldedModel<Model> folded = BatchNormFolding.foldWithDecisions(result.network());
            log.println("batch norm: " + folded.folded().size() + " folded, " + folded.kept().size() + " kept; "
                    + folded.folded().stream().filter(d -> d.activation() != null).count()
                    + " activation layers fused into the layer before");
            folded.kept().forEach(d -> log.println("  " + d.describe()));
            result = new SurgeryResult(folded.network(), result.decisions());
            options = options.withFoldedBatchNorm();
        }
        SurgeryReport report = SurgeryReport.of(model, result, null, options, shape);
        log.print(report.toMarkdown());
        if (!(report.maxAbsDifference() <= tolerance)) {
            err().println("error: the new model's outputs differ by " + report.maxAbsDifference()
                    + " > --tolerance " + tolerance + "; nothing written");
            return 1;
        }
        Model written = result.network();
        AtomicFiles.write(out, tmp -> ModelSerializer.writeModel(written, tmp.toFile(), false));
        Path json = reportPath(out);
        report.writeJson(json);
        log.println("written: " + out + " and " + json);
        return 0;
    }

    private void validate() {
        input.requireFile();
        if (!out.getFileName().toString().endsWith(".zip")) {
            throw new IllegalArgumentException("--out " + out + " must end with .zip (the report goes to the same name with .json)");
        }
        if (out.toAbsolutePath().normalize().equals(input.in.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--out " + out + " is the input model; choose another file");
        }
        if (repetitions < 1 || warmup < 0) {
            throw new IllegalArgumentException("--repetitions must be >= 1 and --warmup >= 0, got " + repetitions
                    + " and " + warmup);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("--tolerance must be >= 0, got " + tolerance);
        }
    }

    /** {@code small.zip} -> {@code small.json}. */
    static Path reportPath(Path model) {
        String name = model.getFileName().toString();
        return model.resolveSibling(name.substring(0, name.length() - ".zip".length()) + ".json");
    }

    private static long[] positiveList(String option, String text) {
        String[] parts = text.split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Long.parseLong(parts[i].trim());
            } catch (NumberFormatException e) {
                out[i] = -1;
            }
            if (out[i] < 1) {
                throw new IllegalArgumentException(option + " must be comma-separated integers >= 1, e.g. 1,28,28; got '"
                        + text + "'");
            }
        }
        return out;
    }
}
