package io.github.dl4jrvsm.benchmarks.tables;

import io.github.dl4jrvsm.nativecpu.CpuBackend;
import io.github.dl4jrvsm.core.persist.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code reproduce}: runs tables of the dissertation at a scale and writes each as {@code table-<id>-<scale>.md}
 * with the dissertation's numbers beside ours. Re-running continues where it stopped (finished rows are read back).
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce the dissertation's tables (3.1-4.8) at cpu or full scale.")
public final class Reproduce implements Callable<Integer> {

    @Parameters(arity = "0..*", description = "table ids, e.g. 3.1 4.4 (default: all)") List<String> tables = List.of();

    @Option(names = "--scale", defaultValue = "CPU", description = "CPU or FULL (default: ${DEFAULT-VALUE})") Scale scale;

    @Option(names = "--out", defaultValue = "results", description = "directory of the tables and runs (default: ${DEFAULT-VALUE})") Path out;

    @Option(names = "--list", description = "list the tables and their rows, run nothing") boolean list;

    @Option(names = "--render-only", description = "write the tables from the finished rows, train nothing") boolean renderOnly;

    @Option(names = "--seeds", defaultValue = "1", converter = Seeds.Converter.class,
            description = "runs per row, seeds 42, 43, ...; cells show mean and spread (default: ${DEFAULT-VALUE})")
    Seeds seeds;

    @Option(names = "--reverse", description = "train the rows last to first (a second runner on the same table)") boolean reverse;

    public static void main(String[] args) {
        CpuBackend.configure();
        System.exit(new CommandLine(new Reproduce()).setParameterExceptionHandler(Seeds::oneLineError)
                .setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<TableSpec> chosen = tables.isEmpty() ? List.copyOf(DissertationTables.all().values())
                : tables.stream().map(DissertationTables::get).toList();
        if (list) {
            for (TableSpec t : chosen) {
                System.out.printf("Table %s: %s%n", t.id(), t.title());
                for (Row r : t.rows()) {
                    for (List<String> c : seeds.of(TableRunner.command(t, r, scale))) {
                        System.out.printf("  %-34s rvsm %s%n", r.label(), String.join(" ", c));
                    }
                }
            }
            return 0;
        }
        TableRunner runner = new TableRunner(out, System.out::println, !renderOnly, reverse, seeds);
        String machine = String.format(Locale.ROOT, "Machine: %d cores, %s %s, %s, OMP_NUM_THREADS=%s.",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), CpuBackend.describe(), System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        for (TableSpec t : chosen) {
            Path file = out.resolve("table-" + t.id() + "-" + scale.name().toLowerCase(Locale.ROOT) + ".md");
            String md = TableMarkdown.render(t, scale, runner.run(t, scale,
                    soFar -> AtomicFiles.writeString(file, TableMarkdown.render(t, scale, soFar, machine))), machine);
            AtomicFiles.writeString(file, md);
            System.out.println(md);
            System.out.println("written: " + file);
        }
        return 0;
    }
}
