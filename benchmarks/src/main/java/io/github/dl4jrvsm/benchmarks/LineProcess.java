package io.github.dl4jrvsm.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process spoken to in lines: one request on its stdin, answered by one line on its stdout that starts with an
 * expected word (other lines, e.g. library banners, are skipped). Its stderr goes to a log file, so a chatty child
 * cannot block on a full pipe and a failure can still be diagnosed.
 */
final class LineProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final PrintWriter stdin;
    private final BufferedReader stdout;
    private final File log;

    LineProcess(String name, List<String> command, File log) {
        this.name = name;
        this.log = log;
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(log);
        pb.environment().put("OMP_NUM_THREADS", "1"); // single-threaded on both sides, see docs/PERFORMANCE.md
        pb.environment().put("MKL_NUM_THREADS", "1");
        try {
            this.process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Waits for the first line starting with {@code prefix}; {@code ERROR} lines and end of output throw. */
    String await(String prefix) {
        try {
            for (String line; (line = stdout.readLine()) != null; ) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                if (line.startsWith("ERROR") || line.startsWith("Traceback")) {
                    throw new IllegalStateException(name + " failed: " + line + " (log " + log + ")");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": reading its output failed (log " + log + ")", e);
        }
        throw new IllegalStateException(name + " exited before answering '" + prefix + "' (log " + log + ")");
    }

    /** Sends one request and returns the answer line starting with {@code prefix}. */
    String ask(String request, String prefix) {
        stdin.println(request);
        return await(prefix);
    }

    @Override
    public void close() {
        stdin.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
