package io.github.dl4jrvsm.cli;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;
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

    /**
     * The normalizer saved inside the model zip ({@code ModelSerializer.addNormalizerToModel}), or null when there is
     * none: a model trained on normalized data takes the
     * normalizer's output, while the data sets the commands load are pixels in [0, 1].
     *
     * @throws IllegalArgumentException for a normalizer of several inputs, which a one-input classifier cannot use
     */
    DataNormalization normalizer() throws IOException {
        requireFile();
        Normalizer<?> stored = ModelSerializer.restoreNormalizerFromFile(in.toFile());
        if (stored != null && !(stored instanceof DataNormalization)) {
            throw new IllegalArgumentException("--in " + in + " holds a " + stored.getClass().getSimpleName()
                    + ", a normalizer of several inputs; the commands take one-input classifiers whose normalizer is a "
                    + "DataNormalization such as NormalizerStandardize");
        }
        return (DataNormalization) stored;
    }
}
