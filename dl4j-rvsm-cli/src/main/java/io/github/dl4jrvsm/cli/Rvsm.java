package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.backend.CpuBackend;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rvsm}: train, evaluate and report sparse, adversarially robust DL4J models. Exit codes: 0 success, 2 bad
 * arguments, 1 failure; errors are one line saying what to change.
 */
@Command(name = "rvsm", mixinStandardHelpOptions = true, version = "dl4j-rvsm 0.1.0",
        description = "Sparse (RVSM, RGSM, ADMM) and adversarially robust training for Deeplearning4j.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, ReportCommand.class, PruneExportCommand.class,
                CommandLine.HelpCommand.class})
public final class Rvsm implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        CpuBackend.configure();
        CommandLine cli = new CommandLine(new Rvsm());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + oneLine(e));
            return e instanceof IllegalArgumentException ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage() + " (see --help)");
            return CommandLine.ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.replace('\n', ' ');
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
