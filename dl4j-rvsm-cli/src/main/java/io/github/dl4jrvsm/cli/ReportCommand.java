package io.github.dl4jrvsm.cli;

import org.deeplearning4j.nn.api.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rvsm report}: (re)writes {@code report.md} and the PNG plots of a run directory from its files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Turn a run directory (report.json, model.zip, best.zip) into report.md and PNG plots.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, description = "the run directory (--out of rvsm train)")
    Path run;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(run)) {
            throw new IllegalArgumentException("--run " + run + " is not a directory; give the --out of rvsm train");
        }
        RunReport report = RunReport.read(run);
        Path modelFile = run.resolve("model.zip");
        if (!Files.isRegularFile(modelFile)) {
            throw new IllegalArgumentException("no model.zip in " + run + "; the run did not finish");
        }
        Model sparse = TrainCommand.restore(modelFile.toFile());
        Path best = run.resolve("best.zip");
        Model dense = Files.isRegularFile(best) ? TrainCommand.restore(best.toFile()) : null;
        ReportWriter.write(run, report, dense, sparse);
        spec.commandLine().getOut().println("written: " + run.resolve(ReportWriter.MARKDOWN) + " and "
                + String.join(", ", ReportWriter.PLOTS));
        return 0;
    }
}
