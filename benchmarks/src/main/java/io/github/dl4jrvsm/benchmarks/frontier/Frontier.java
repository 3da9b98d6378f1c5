package io.github.dl4jrvsm.benchmarks.frontier;

import io.github.dl4jrvsm.benchmarks.tables.RunCache;
import io.github.dl4jrvsm.benchmarks.tables.SeedSpread;
import io.github.dl4jrvsm.benchmarks.tables.Seeds;
import io.github.dl4jrvsm.cli.RunReport;
import io.github.dl4jrvsm.cli.plots.FrontierPlot;
import io.github.dl4jrvsm.nativecpu.CpuBackend;
import io.github.dl4jrvsm.core.persist.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/**
 * {@code frontier}: trains every point of a sweep (finished points are read back), then writes
 * {@code frontier-<name>.md} (all points, and where RVSM's and RGSM's curves lie against ADMM's) and the plots
 * {@code frontier-<name>.png} (accuracy against sparsity) and, for PGD-trained sweeps, {@code -robust.png}.
 */
@Command(name = "frontier", mixinStandardHelpOptions = true,
        description = "Accuracy-sparsity frontiers of RVSM, RGSM and ADMM at equal training budgets.")
public final class Frontier implements Callable<Integer> {


    // the names come from FrontierSweeps, so the help cannot fall behind the sweeps it offers
    @Parameters(arity = "1..*", completionCandidates = SweepNames.class, description = "sweeps: ${COMPLETION-CANDIDATES}")
    List<String> sweeps;

    static final class SweepNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return new TreeSet<>(FrontierSweeps.all().keySet()).iterator();
        }
    }

    @Option(names = "--out", defaultValue = "results", description = "directory of the results and runs (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seeds", defaultValue = "1", converter = Seeds.Converter.class,
            description = "runs per point, seeds 42, 43, ...; the plot shows the means, the table mean and spread "
                    + "(default: ${DEFAULT-VALUE})")
    Seeds seeds;

    public static void main(String[] args) {
        CpuBackend.configure();
        System.exit(new CommandLine(new Frontier()).setParameterExceptionHandler(Seeds::oneLineError).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        RunCache runs = new RunCache(out, System.out::println);
        for (String name : sweeps) {
            FrontierSpec spec = FrontierSweeps.get(name);
            Map<String, List<FrontierPoint>> byMethod = new LinkedHashMap<>();
            List<List<String>> commands = new ArrayList<>();
            int i = 0;
            for (FrontierSpec.Setting s : spec.settings()) {
                List<RunReport> reports = new ArrayList<>();
                List<List<String>> seeded = seeds.of(spec.command(s));
                commands.add(seeded.get(0));
                i++;
                for (int k = 0; k < seeded.size(); k++) {
                    RunReport r = runs.report(seeded.get(k), String.format("sweep %s point %d/%d%s: %s %s", name, i,
                            spec.settings().size(), seeded.size() > 1 ? " seed " + (k + 1) + "/" + seeded.size() : "",
                            s.method(), s.label()));
                    if (r != null) {
                        reports.add(r);
                    }
                }
                if (!reports.isEmpty()) {
                    byMethod.computeIfAbsent(s.method(), k -> new ArrayList<>())
                            .add(FrontierPoint.of(s.method(), s.label(), reports));
                }
            }
            write(spec, byMethod, commands, seeds);
        }
        return 0;
    }

    private void write(FrontierSpec spec, Map<String, List<FrontierPoint>> byMethod, List<List<String>> commands,
                       Seeds seeds) throws IOException {
        String base = "frontier-" + spec.name();
        plot(byMethod, FrontierPoint::accuracy, "test accuracy", "Accuracy against sparsity: " + spec.name(),
                out.resolve(base + ".png"));
        if (spec.adversarial()) {
            plot(byMethod, FrontierPoint::robustAccuracy, "accuracy under IFGSM-20 (8/255)",
                    "Robust accuracy against sparsity: " + spec.name(), out.resolve(base + "-robust.png"));
        }
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "### Frontier %s (%s%s)%n%n", spec.name(),
                spec.model(), spec.adversarial() ? ", PGD-" + spec.budget().attackSteps() + " training" : ", natural training"));
        md.append("| method | setting | sparsity | ch. sparsity | accuracy |")
                .append(spec.adversarial() ? " IFGSM-20 |" : "").append(" time |\n|---|---|---:|---:|---:|")
                .append(spec.adversarial() ? "---:|" : "").append("---:|\n");
        for (List<FrontierPoint> pts : byMethod.values()) {
            for (FrontierPoint p : pts) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %.2f%% | %.2f%% | %s |%s %.0f s |%n", p.method(),
                        settingLabel(p, seeds.count()), 100 * p.sparsity(), 100 * p.channelSparsity(), percent(p.accuracies()),
                        spec.adversarial() ? " " + percent(p.robustAccuracies()) + " |" : "", p.seconds()));
            }
        }
        md.append('\n');
        List<FrontierPoint> admm = byMethod.getOrDefault("ADMM", List.of());
        for (String m : List.of("RVSM-l0", "RVSM-l0 target", "RGSM")) {
            if (byMethod.containsKey(m) && !admm.isEmpty()) {
                md.append("- accuracy: ").append(FrontierComparison.of(m, byMethod.get(m), "ADMM", admm,
                        FrontierPoint::accuracy).summary()).append('\n');
                if (spec.adversarial()) {
                    md.append("- robust accuracy: ").append(FrontierComparison.of(m, byMethod.get(m), "ADMM", admm,
                            FrontierPoint::robustAccuracy).summary()).append('\n');
                }
            }
        }
        md.append(String.format(Locale.ROOT, "%nPlot: `%s.png`%s. Budget per point: %s.%n%n<details><summary>commands"
                        + "</summary>%n%n", base, spec.adversarial() ? ", `" + base + "-robust.png`" : "",
                spec.budget().dataset() + " " + spec.budget().trainingImages() + ", " + spec.budget().epochs() + " epochs"));
        for (List<String> c : commands) {
            md.append("- `rvsm ").append(String.join(" ", c)).append("`\n");
        }
        if (seeds.count() > 1) {
            md.append(String.format(Locale.ROOT, "%nEach point is the mean of %d runs, these commands and the same with "
                    + "`--seed %d` up to `--seed %d`; accuracies are mean ± standard deviation, ‡ where the seeds differ "
                    + "by more than %.0f points.%n", seeds.count(), Seeds.FIRST + 1, Seeds.FIRST + seeds.count() - 1,
                    SeedSpread.DEPENDENT_POINTS));
        }
        md.append("\n</details>\n");
        AtomicFiles.writeString(out.resolve(base + ".md"), md.toString());
        System.out.println(md);
    }

    /** The setting, with the number of seeds behind it when some are missing (a second runner may share the sweep). */
    static String settingLabel(FrontierPoint p, int seeds) {
        return p.setting() + Seeds.shortfall(p.accuracies().n(), seeds);
    }

    /** An accuracy spread in percent. */
    private static String percent(SeedSpread fractions) {
        double[] v = new double[fractions.n()];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 * fractions.values()[i];
        }
        return new SeedSpread(v).format(SeedSpread.DEPENDENT_POINTS) + "%";
    }

    private static void plot(Map<String, List<FrontierPoint>> byMethod, ToDoubleFunction<FrontierPoint> y, String yTitle,
                             String title, Path png) throws IOException {
        FrontierPlot plot = new FrontierPlot().title(title).axes("sparsity (share of zero weights)", yTitle);
        for (Map.Entry<String, List<FrontierPoint>> e : byMethod.entrySet()) {
            plot.add(e.getKey(), e.getValue().stream().map(p -> new FrontierPlot.Point(p.sparsity(), y.applyAsDouble(p)))
                    .toList());
        }
        plot.write(png);
    }
}
