package io.github.dl4jrvsm.benchmarks;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ResNet20 training-step throughput of ND4J CPU builds x DL4J layer helpers x NCHW/NHWC x batch sizes, against the
 * PyTorch reference script ({@code benchmarks/python/resnet20_step.py}), all single-threaded and timed interleaved in
 * one run so that the ratios survive a busy machine (issue 8, speed point 4; docs/PERFORMANCE.md).
 *
 * <p>Every variant is a {@link BackendWorker} child JVM (the native build is fixed per process); PyTorch is a
 * {@code --serve} child. For each format and batch size, {@code rounds} timed rounds (after one warm-up round) run
 * every child once in turn via {@link Interleaved}; the table reports images/s from the median and PyTorch's
 * throughput divided by the variant's ("x PyTorch": how many times slower, target 1.5).
 *
 * <p>Options: {@code --variants all|BUILD:on|off,...} (default {@value #DEFAULT_VARIANTS}), {@code --batches 32,64,128},
 * {@code --formats nchw,nhwc}, {@code --rounds 3}, {@code --steps 2} (steps per timed call), {@code --python
 * /usr/bin/python3} ({@code none} to skip PyTorch), {@code --script benchmarks/python/resnet20_step.py}.
 */
public final class BackendBenchmark {

    static final String DEFAULT_VARIANTS = "all";
    static final String PYTORCH = "pytorch";

    private BackendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path logs = Files.createTempDirectory("backend-benchmark");
        System.out.printf(Locale.ROOT, "BackendBenchmark: ResNet20 training step, single-threaded (OMP_NUM_THREADS=1), "
                + "%d rounds x %d steps, %d cores, java %s; child logs in %s%n", o.rounds, o.steps,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), logs);
        Map<String, LineProcess> children = new LinkedHashMap<>();
        try {
            for (BackendVariant v : o.variants) {
                List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-Xmx2g",
                        "-Dorg.bytedeco.javacpp.maxbytes=8G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=12G"));
                cmd.addAll(v.jvmProperties());
                cmd.addAll(List.of("-cp", classPath(), BackendWorker.class.getName()));
                LineProcess p = new LineProcess(v.toString(), cmd, logs.resolve(v.build() + "-" + v.helpers() + ".log").toFile());
                children.put(v.toString(), p);
                System.out.println("  " + v + ": " + p.await("READY").substring(6));
            }
            if (o.python != null) {
                LineProcess p = new LineProcess(PYTORCH, List.of(o.python, o.script, "--serve", "--threads", "1"),
                        logs.resolve("pytorch.log").toFile());
                children.put(PYTORCH, p);
                System.out.println("  " + PYTORCH + ": " + p.await("{"));
            }
            Map<String, Map<String, Double>> imagesPerSecond = new LinkedHashMap<>();
            List<String> columns = new ArrayList<>();
            for (String format : o.formats) {
                for (int batch : o.batches) {
                    String column = format.toUpperCase(Locale.ROOT) + " " + batch;
                    columns.add(column);
                    Interleaved timing = new Interleaved();
                    for (Map.Entry<String, LineProcess> c : children.entrySet()) {
                        String request = c.getKey().equals(PYTORCH) ? batch + " " + o.steps
                                : "RUN " + format + " " + batch + " " + o.steps;
                        String prefix = c.getKey().equals(PYTORCH) ? "{" : "DONE";
                        timing.add(c.getKey(), () -> c.getValue().ask(request, prefix));
                    }
                    timing.run(1, o.rounds);
                    for (String name : children.keySet()) {
                        double ips = batch * o.steps * 1000.0 / timing.median(name);
                        imagesPerSecond.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(column, ips);
                    }
                    System.out.println("  done " + column + ": " + children.keySet().stream().map(n -> String.format(
                            Locale.ROOT, "%s %.1f img/s", n, imagesPerSecond.get(n).get(column)))
                            .collect(Collectors.joining(", ")));
                }
            }
            System.out.println();
            System.out.println(table(columns, imagesPerSecond));
        } finally {
            for (LineProcess p : children.values()) {
                p.close();
            }
        }
    }

    /** Markdown: one row per variant, per column images/s and (with PyTorch) PyTorch's images/s over the variant's. */
    static String table(List<String> columns, Map<String, Map<String, Double>> ips) {
        StringBuilder sb = new StringBuilder("| variant (build:helpers) |");
        columns.forEach(c -> sb.append(' ').append(c).append(" |"));
        sb.append("\n|---|").append("---:|".repeat(columns.size())).append('\n');
        Map<String, Double> torch = ips.get(PYTORCH);
        for (Map.Entry<String, Map<String, Double>> row : ips.entrySet()) {
            sb.append("| ").append(row.getKey().equals(PYTORCH) ? "PyTorch (NCHW, 1 thread)" : row.getKey()).append(" |");
            for (String c : columns) {
                double v = row.getValue().get(c);
                sb.append(String.format(Locale.ROOT, " %.1f", v));
                if (torch != null && !row.getKey().equals(PYTORCH)) {
                    sb.append(String.format(Locale.ROOT, " (%.2fx)", torch.get(c) / v));
                }
                sb.append(" |");
            }
            sb.append('\n');
        }
        return sb.append("\nimages/s per training step; (Nx) = PyTorch images/s / variant images/s, target <= 1.5x")
                .toString();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The class path of this program, also under {@code mvn exec:java}, whose JVM class path is Maven's own. */
    static String classPath() {
        ClassLoader cl = BackendBenchmark.class.getClassLoader();
        if (cl instanceof URLClassLoader ucl && ucl.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL u : ucl.getURLs()) {
                try {
                    entries.add(Path.of(u.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("class path entry is not a file: " + u, e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /** Parsed command line, each value checked. */
    record Options(List<BackendVariant> variants, List<Integer> batches, List<String> formats, int rounds, int steps,
                   String python, String script) {

        static Options parse(String[] args) {
            Map<String, String> m = new LinkedHashMap<>(Map.of("--variants", DEFAULT_VARIANTS, "--batches", "32,64,128",
                    "--formats", "nchw,nhwc", "--rounds", "3", "--steps", "2", "--python", "/usr/bin/python3",
                    "--script", "benchmarks/python/resnet20_step.py"));
            for (int i = 0; i < args.length; i += 2) {
                if (!m.containsKey(args[i]) || i + 1 >= args.length) {
                    throw new IllegalArgumentException("unknown option or missing value: '" + args[i] + "'; options: "
                            + m.keySet());
                }
                m.put(args[i], args[i + 1]);
            }
            List<Integer> batches = new ArrayList<>();
            for (String b : m.get("--batches").split(",")) {
                int v = positive("--batches", b);
                batches.add(v);
            }
            List<String> formats = new ArrayList<>();
            for (String f : m.get("--formats").split(",")) {
                formats.add(ResNet20Step.parseFormat(f).name().toLowerCase(Locale.ROOT));
            }
            String python = m.get("--python").equalsIgnoreCase("none") ? null : m.get("--python");
            if (python != null && !Files.isRegularFile(Path.of(m.get("--script")))) {
                throw new IllegalArgumentException("--script " + m.get("--script") + " not found (run from the "
                        + "repository root, or pass --python none)");
            }
            return new Options(BackendVariant.parseList(m.get("--variants")), batches, formats,
                    positive("--rounds", m.get("--rounds")), positive("--steps", m.get("--steps")), python,
                    m.get("--script"));
        }

        private static int positive(String option, String value) {
            try {
                int v = Integer.parseInt(value.trim());
                if (v >= 1) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " needs positive integers, got '" + value + "'");
        }
    }
}
