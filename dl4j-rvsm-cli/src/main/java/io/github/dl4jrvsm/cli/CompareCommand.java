package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.adversarial.evaluation.RobustnessReport;
import io.github.dl4jrvsm.core.persist.AtomicFiles;
import io.github.dl4jrvsm.deploy.Quantization;
import io.github.dl4jrvsm.deploy.SparseModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code rvsm compare}: what sparsity costs. Trains the same network twice on the same budget and data, once dense and
 * once with RVSM (both adversarially), then shows clean and robust accuracy with their 95% intervals, sparsity and
 * model size side by side. Each run is an ordinary {@code rvsm train} run in its own directory.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a dense and an RVSM model on the same budget and show accuracy, robustness and size side by side.")
final class CompareCommand extends RvsmCommand {

    @Option(names = "--out", defaultValue = "runs/compare", description = "directory of the two runs (default: ${DEFAULT-VALUE})") Path out;
    @Option(names = "--model", defaultValue = "lenet5", description = "zoo model of both runs (default: ${DEFAULT-VALUE})") String model;
    @Option(names = "--epochs", defaultValue = "4", description = "epochs of each run (default: ${DEFAULT-VALUE})") int epochs;
    @Option(names = "--train-examples", defaultValue = "4000", description = "training examples, 0 = all (default: ${DEFAULT-VALUE})") int trainExamples;
    @Option(names = "--test-examples", defaultValue = "1000", description = "test examples, all attacked (default: ${DEFAULT-VALUE})") int testExamples;
    @Option(names = "--lambda", defaultValue = "1e-5", description = "RVSM-l0 penalty weight (default: ${DEFAULT-VALUE})") double lambda;
    @Option(names = "--beta", defaultValue = "1e-2", description = "RVSM splitting strength (default: ${DEFAULT-VALUE})") double beta;
    @Option(names = "--seed", defaultValue = "42", description = "seed of both runs (default: ${DEFAULT-VALUE})") long seed;
    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "progress bars of the two runs (default: on)") boolean progress;

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Override
    public Integer call() throws Exception {
        if (epochs < 1 || testExamples < 1) {
            throw new IllegalArgumentException("--epochs and --test-examples must be >= 1, got " + epochs + " and " + testExamples);
        }
        train("dense", "--method", "none");
        train("rvsm", "--method", "rvsm", "--penalty", "l0", "--lambda", Double.toString(lambda), "--beta", Double.toString(beta));
        String table = table(RunReport.read(out.resolve("dense")), RunReport.read(out.resolve("rvsm")));
        AtomicFiles.writeString(out.resolve("compare.md"), table);
        out().print(table);
        out().println("written: " + out.resolve("compare.md"));
        return 0;
    }

    private void train(String name, String... method) {
        List<String> args = new ArrayList<>(List.of("train", "--out", out.resolve(name).toString(), "--model", model,
                "--epochs", Integer.toString(epochs), "--train-examples", Integer.toString(trainExamples),
                "--test-examples", Integer.toString(testExamples), "--eval-examples", Integer.toString(testExamples),
                "--eval-attacks", "A2,A3", "--seed", Long.toString(seed), "--dataset", dataOptions.dataset,
                progress ? "--progress" : "--no-progress"));
        if (dataOptions.dataDir != null) {
            args.addAll(List.of("--data-dir", dataOptions.dataDir.toString()));
        }
        if (dataOptions.download) {
            args.add("--download");
        }
        args.addAll(List.of(method));
        int code = Rvsm.run(args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("the " + name + " run failed (exit code " + code + "); see its output above");
        }
    }

    private String table(RunReport dense, RunReport rvsm) throws IOException {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%n%s on %s, %d epochs each, PGD adversarial "
                + "training; accuracies on %d test images with 95%% intervals%n%n| | dense | RVSM-l0 (lambda %s, beta %s) |%n"
                + "|---|---:|---:|%n", model, dense.data(), epochs, testExamples, lambda, beta));
        for (int i = 0; i < dense.robustness().accuracies().size(); i++) {
            RobustnessReport.Entry d = dense.robustness().accuracies().get(i), r = rvsm.robustness().accuracies().get(i);
            sb.append(String.format(Locale.ROOT, "| %s %s | %s | %s |%n", d.key(), d.attack(), cell(d), cell(r)));
        }
        sb.append(String.format(Locale.ROOT, "| zero weights | %.1f%% | %.1f%% |%n", 100 * dense.sparsity().sparsity(),
                100 * rvsm.sparsity().sparsity()));
        sb.append(String.format(Locale.ROOT, "| model.zip | %,d bytes | %,d bytes |%n", zipBytes("dense"), zipBytes("rvsm")));
        sb.append(String.format(Locale.ROOT, "| .rvsmz int8 (rvsm compress) | %,d bytes | %,d bytes |%n", rvsmzBytes("dense"),
                rvsmzBytes("rvsm")));
        sb.append(String.format(Locale.ROOT, "| wall time | %.0f s | %.0f s |%n", dense.seconds(), rvsm.seconds()));
        return sb.toString();
    }

    private static String cell(RobustnessReport.Entry e) {
        return String.format(Locale.ROOT, "%.1f%% (%d/%d, %.1f-%.1f)", 100 * e.accuracy(), e.correct(), e.examples(),
                100 * e.low(), 100 * e.high());
    }

    private long zipBytes(String run) throws IOException {
        return Files.size(out.resolve(run).resolve(RunDirectory.MODEL));
    }

    private long rvsmzBytes(String run) throws IOException {
        return SparseModelFile.toBytes(RunDirectory.restore(out.resolve(run).resolve(RunDirectory.MODEL)), Quantization.INT8).length;
    }
}
