package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.nativecpu.CpuBackend;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.List;

/**
 * {@code rvsm}: train, evaluate and report sparse, adversarially robust DL4J models. Exit codes: 0 success, 2 bad
 * arguments, 1 failure; errors are one line saying what to change.
 */
@Command(name = "rvsm", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        description = "Sparse (RVSM, RGSM, ADMM) and adversarially robust training for Deeplearning4j.",
        subcommands = {TrainCommand.class, CompareCommand.class, EvaluateCommand.class, ReportCommand.class, PruneExportCommand.class,
                CompressCommand.class, DecompressCommand.class, InferCommand.class, SensitivityCommand.class,
                CommandLine.HelpCommand.class})
public final class Rvsm implements Runnable {

    static final String VERBOSE = "--verbose";
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read by {@link #configureLogging} before parsing; declared here so that help lists it and parsing accepts it. */
    @Option(names = VERBOSE, scope = ScopeType.INHERIT,
            description = "Show DL4J's and ND4J's INFO log lines (hidden by default: they break the progress display).")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        configureLogging(List.of(args));
        CpuBackend.configure();
        CommandLine cli = Spellings.register(new CommandLine(new Rvsm()));
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

    /**
     * The log level must be set before the first logger exists, and picocli creates the subcommands (which may hold
     * loggers) before it parses, so the flag is looked for here. A level given with {@code -D} is left alone.
     */
    static void configureLogging(List<String> args) {
        if (args.contains(VERBOSE) && System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "info");
        }
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
