package io.github.dl4jrvsm.benchmarks.tables;

import io.github.dl4jrvsm.cli.RunReport;
import io.github.dl4jrvsm.cli.Rvsm;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs an {@code rvsm train} command in its own directory under {@code out/runs}, or reads
 * the report of a finished one: an interrupted table or sweep continues by running the same command again, and two
 * experiments that need the same run share it.
 */
public final class RunCache {

    private final Path out;
    private final Consumer<String> log;

    public RunCache(Path out, Consumer<String> log) {
        this.out = out;
        this.log = log;
    }

    /** The directory a command's run lives in. */
    public Path directory(List<String> command) {
        return out.resolve("runs").resolve(RunKey.of(command));
    }

    /** The report of a finished run, or null if the run has not finished. */
    public RunReport finished(List<String> command) throws IOException {
        Path dir = directory(command);
        return Files.isRegularFile(dir.resolve("report.json")) ? RunReport.read(dir) : null;
    }

    /**
     * The run's report, training it first if needed; null if another process is training it right now (a lock file
     * in the run directory, released when that process ends, however it ends), so that two runners can share a
     * table without training a row twice.
     */
    public RunReport report(List<String> command, String label) throws IOException {
        Path dir = directory(command);
        Files.createDirectories(dir);
        try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                log.accept(label + ": being trained by another process, skipped");
                return null;
            }
            if (!Files.isRegularFile(dir.resolve("report.json"))) {
                train(command, label, dir);
            }
            return RunReport.read(dir);
        }
    }

    private void train(List<String> command, String label, Path dir) {
        log.accept(label + " -> " + dir);
        long start = System.nanoTime();
        List<String> args = new ArrayList<>(command);
        args.add("--out");
        args.add(dir.toString());
        int code = Rvsm.run(args.toArray(new String[0]));
        if (code != 0) {
            throw new IllegalStateException(label + " failed (exit " + code + "): " + String.join(" ", command));
        }
        log.accept(String.format("  done in %.0f s", (System.nanoTime() - start) / 1e9));
    }
}
