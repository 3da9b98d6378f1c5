package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.persist.AtomicFiles;
import io.github.dl4jrvsm.deploy.Quantization;
import io.github.dl4jrvsm.deploy.SparseModelFile;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code rvsm compress}: a model zip to the {@code .rvsmz} format (non-zero weights only, optionally fp16 or int8).
 * A quantized file is written only if the validation accuracy drops by at most {@code --max-accuracy-drop}: a
 * quantization that silently costs accuracy is worse than a larger file.
 */
@Command(name = "compress", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Store a model with only its non-zero weights (.rvsmz), optionally quantized to fp16 or int8.")
final class CompressCommand extends RvsmCommand {

    @Mixin
    InputModel input = new InputModel();

    @Option(names = "--out", required = true, description = "the .rvsmz file to write") Path out;

    @Option(names = "--quantize", defaultValue = "none",
            description = "${COMPLETION-CANDIDATES}: precision of the non-zero weights (default: ${DEFAULT-VALUE})")
    QuantizationChoice quantize;

    @Option(names = "--max-accuracy-drop", defaultValue = "0.01",
            description = "refuse a quantization that costs more validation accuracy than this (default: ${DEFAULT-VALUE})")
    double maxAccuracyDrop;

    @Option(names = "--validation", defaultValue = "2000",
            description = "validation examples the accuracy change is measured on (default: ${DEFAULT-VALUE})")
    int validation;

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Override
    public Integer call() throws Exception {
        input.requireFile();
        if (!(maxAccuracyDrop >= 0 && maxAccuracyDrop <= 1)) {
            throw new IllegalArgumentException("--max-accuracy-drop must be a share in [0, 1], got " + maxAccuracyDrop);
        }
        if (validation < 1) {
            throw new IllegalArgumentException("--validation must be >= 1, got " + validation);
        }
        Model model = input.read();
        Quantization q = quantize.quantization;
        byte[] bytes = SparseModelFile.toBytes(model, q);
        Double before = null, after = null;
        Integer examples = null;
        if (q != Quantization.NONE) {
            DataSet val = TrainingData.load(dataOptions.dataset, dataOptions.dataDir, dataOptions.download, 1, validation,
                    1, 0).validation();
            before = accuracy(model, val);
            after = accuracy(SparseModelFile.fromBytes(bytes), val);
            examples = val.numExamples();
            if (before - after > maxAccuracyDrop) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "--quantize %s costs %.2f points of "
                                + "validation accuracy (%.2f%% -> %.2f%% on %d examples), more than --max-accuracy-drop %s; "
                                + "nothing written. Use fp16, or allow a larger drop", quantize, 100 * (before - after),
                        100 * before, 100 * after, examples, maxAccuracyDrop));
            }
        }
        AtomicFiles.write(out, tmp -> Files.write(tmp, bytes));
        CompressionReport report = new CompressionReport(input.in.toString(), out.toString(), quantize.toString(),
                Files.size(input.in), bytes.length, before, after, examples);
        Path json = out.resolveSibling(out.getFileName() + ".json");
        report.writeJson(json);
        out().println(report.toText());
        out().println("written: " + out + " and " + json);
        return 0;
    }

    private static double accuracy(Model model, DataSet data) {
        return NetworkAdapter.of(model).evaluate(new ListDataSetIterator<>(data.asList(), 128)).accuracy();
    }
}
