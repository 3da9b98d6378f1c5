package io.github.dl4jrvsm.cli;

import org.deeplearning4j.nn.api.Model;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --in}: the saved model a command reads (shared by {@code evaluate}, {@code prune-export} and {@code sensitivity}). */
final class InputModel {

    @Option(names = "--in", required = true, description = "model zip (a run's model.zip)") Path in;

    /** Fails with the option's name before any work when the file is missing. */
    void requireFile() {
        requireFile(in, "a model zip such as runs/quickstart/model.zip");
    }

    /** The one check of every command's {@code --in}: the file exists, or the error says what to give instead. */
    static void requireFile(Path in, String valid) {
        if (!Files.isRegularFile(in)) {
            throw new IllegalArgumentException("--in " + in + " is not a file; give " + valid);
        }
    }

    Model read() throws IOException {
        requireFile();
        return RunDirectory.restore(in);
    }
}
