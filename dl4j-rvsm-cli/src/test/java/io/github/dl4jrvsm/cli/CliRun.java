package io.github.dl4jrvsm.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code rvsm} in-process the way a user's shell would, capturing what it prints. */
final class CliRun {

    private CliRun() {
    }

    /** Runs rvsm with the arguments; returns {exit code, stdout + stderr}. */
    static Object[] rvsm(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            return new Object[]{Rvsm.run(args), bytes.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
