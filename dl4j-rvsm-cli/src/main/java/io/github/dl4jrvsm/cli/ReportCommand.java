package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.zoo.InputShape;
import org.deeplearning4j.nn.api.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code rvsm report}: (re)writes {@code report.md} and the PNG plots of a run directory from its files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Turn a run directory (report.json, model.zip, best.zip) into report.md and PNG plots.")
final class ReportCommand extends RvsmCommand {

    @Option(names = "--run", required = true, description = "the run directory (--out of rvsm train)") Path run;

    /** Rebuilds the network at initialisation from the run's settings (same model and seed). */
    private static Model initial(RunReport report, Model sparse) {
        var s = report.settings();
        String model = String.valueOf(s.get("model"));
        boolean cifar = String.valueOf(s.get("dataset")).startsWith("cifar");
        int classes = String.valueOf(s.get("dataset")).equals("cifar100") ? 100 : 10;
        return ModelFactory.configured(model, cifar ? InputShape.CIFAR : InputShape.FASHION_MNIST, classes,
                ((Number) s.get("lr")).doubleValue(), new int[0], ((Number) s.get("seed")).longValue(),
                ScheduleOptions.of(s)).init();
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(run)) {
            throw new IllegalArgumentException("--run " + run + " is not a directory; give the --out of rvsm train");
        }
        RunReport report = RunReport.read(run);
        Path modelFile = run.resolve(RunDirectory.MODEL);
        if (!Files.isRegularFile(modelFile)) {
            throw new IllegalArgumentException("no model.zip in " + run + "; the run did not finish");
        }
        Model sparse = RunDirectory.restore(modelFile);
        ReportWriter.write(run, report, initial(report, sparse), sparse);
        out().println("written: " + run.resolve(ReportWriter.MARKDOWN) + " and "
                + String.join(", ", ReportWriter.PLOTS));
        return 0;
    }
}
