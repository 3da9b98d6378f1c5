package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.cli.plots.SensitivityPlot;
import io.github.dl4jrvsm.pruning.PruningStructure;
import io.github.dl4jrvsm.pruning.SensitivityAnalysis;
import io.github.dl4jrvsm.pruning.SensitivityResult;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code rvsm sensitivity}: prunes one layer at a time by magnitude at several levels, measures the validation
 * accuracy each time ({@link SensitivityAnalysis}), and writes {@code sensitivity.csv} and {@code sensitivity.png}.
 *
 * <p>The validation set is held out of the training set the way {@code rvsm train} holds it out, so
 * {@code --examples} and {@code --seed} equal to a run's {@code --validation} and {@code --seed} (both defaults
 * are train's) measure on that run's validation set, never on the test set the final numbers come from.
 */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prune one layer at a time by magnitude (10%..90%) and measure the validation accuracy.",
                "Writes sensitivity.csv and sensitivity.png into --out, atomically; nothing on bad arguments (exit 2)."})
final class SensitivityCommand extends RvsmCommand {

    static final String CSV = "sensitivity.csv";
    static final String PNG = "sensitivity.png";


    @Mixin
    InputModel input = new InputModel();

    @Option(names = "--levels", split = ",", defaultValue = "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9",
            description = "shares of a layer pruned, each in (0, 1) (default: ${DEFAULT-VALUE})")
    List<Double> levels;

    @Option(names = "--structure", defaultValue = "elements",
            description = "${COMPLETION-CANDIDATES}: single weights of conv and dense layers, or whole output "
                    + "channels (filters, by l1 norm) of convolutions (default: ${DEFAULT-VALUE})")
    PruningStructure structure;

    @Option(names = "--layers", split = ",", description = "only these layers, e.g. conv1,conv2 (default: every "
            + "layer the structure can prune)")
    List<String> layers;

    @Option(names = "--examples", defaultValue = "500",
            description = "validation examples held out of the training set (default: ${DEFAULT-VALUE}, train's --validation)")
    int examples;

    @Option(names = "--seed", defaultValue = "42",
            description = "seed of the train/validation split (default: ${DEFAULT-VALUE}, train's --seed)")
    long seed;

    @Option(names = "--max-accuracy-drop", defaultValue = "0.01",
            description = "accuracy a layer may lose, for the suggested per-layer levels (default: ${DEFAULT-VALUE})")
    double maxAccuracyDrop;

    @Option(names = "--out", description = "directory for sensitivity.csv and sensitivity.png (default: the directory of --in)")
    Path out;

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Override
    public Integer call() throws Exception {
        SensitivityAnalysis analysis = validated();
        PrintWriter log = out();
        Model model = input.read();
        List<String> chosen = option("--layers", () -> analysis.layers(model));
        TrainingData data = TrainingData.load(dataOptions.dataset, dataOptions.dataDir, dataOptions.download, 0,
                examples, 1, seed).inLayoutOf(model);
        log.printf(Locale.ROOT, "%s pruning of %d layers at %d levels, %d validation examples (%s)%n", structure,
                chosen.size(), levels.size(), data.validation().numExamples(), data.source());
        SensitivityResult r = analysis.run(model, new ListDataSetIterator<>(data.validation().asList(), 100),
                p -> log.printf(Locale.ROOT, "  %-20s %3.0f%%  accuracy %6.2f%%%n", p.layer(), 100 * p.level(),
                        100 * p.accuracy()));
        Path dir = out != null ? out : input.in.toAbsolutePath().getParent();
        r.writeCsv(dir.resolve(CSV));
        new SensitivityPlot(r).title(String.format(Locale.ROOT, "Pruning sensitivity (%s; unpruned %.2f%%)",
                structure, 100 * r.baseline())).write(dir.resolve(PNG));
        log.print(SensitivityTable.markdown(r, maxAccuracyDrop));
        log.println("written: " + dir.resolve(CSV) + " and " + dir.resolve(PNG));
        return 0;
    }

    /** Every check that needs no model or data, so that a bad argument costs nothing and writes nothing. */
    private SensitivityAnalysis validated() {
        input.requireFile();
        if (examples < 1) {
            throw new IllegalArgumentException("--examples must be >= 1, got " + examples);
        }
        if (!(maxAccuracyDrop >= 0 && maxAccuracyDrop <= 1)) {
            throw new IllegalArgumentException("--max-accuracy-drop must be in [0, 1] (an accuracy difference; 0.01 is one "
                    + "point), got " + maxAccuracyDrop);
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file; give a directory");
        }
        double[] shares = levels.stream().mapToDouble(Double::doubleValue).toArray();
        SensitivityAnalysis a = option("--levels", () -> new SensitivityAnalysis().withStructure(structure)
                .withLevels(shares));
        return layers == null ? a : option("--layers", () -> a.withLayers(layers));
    }

    /** The library's own message, prefixed with the option that carried the bad value. */
    private static <T> T option(String name, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
