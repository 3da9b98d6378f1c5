package io.github.dl4jrvsm.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.dl4jrvsm.core.persist.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a checkpoint needs besides the model to continue a run exactly: the settings it was started with, the
 * finished epochs and the best validation score so far.
 */
public record RunState(Map<String, Object> settings, int epochsDone, List<EpochRecord> history, int bestEpoch,
                       double bestScore) {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    void write(Path file) throws IOException {
        AtomicFiles.writeString(file, JSON.writeValueAsString(this));
    }

    static RunState read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no checkpoint state at " + file + "; --resume needs the --out directory "
                    + "of an earlier run");
        }
        return JSON.readValue(file.toFile(), RunState.class);
    }
}
