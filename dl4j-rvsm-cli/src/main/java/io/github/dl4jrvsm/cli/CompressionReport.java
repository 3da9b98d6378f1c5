package io.github.dl4jrvsm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.dl4jrvsm.core.persist.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code rvsm compress} measured: the sizes of both files and, when the weights were quantized, the validation
 * accuracy before and after (null without quantization: the weights are then exact).
 */
record CompressionReport(String in, String out, String quantization, long zipBytes, long rvsmzBytes,
                         Double accuracyBefore, Double accuracyAfter, Integer validationExamples) {

    double ratio() {
        return (double) zipBytes / rvsmzBytes;
    }

    String toText() {
        String sizes = String.format(Locale.ROOT, "%s: %,d bytes -> %s: %,d bytes (%.1fx smaller, %s)", in, zipBytes,
                out, rvsmzBytes, ratio(), quantization);
        if (accuracyBefore == null) {
            return sizes;
        }
        return sizes + String.format(Locale.ROOT, "%nvalidation accuracy %.2f%% -> %.2f%% on %d examples", 100 * accuracyBefore,
                100 * accuracyAfter, validationExamples);
    }

    void writeJson(Path file) throws IOException {
        AtomicFiles.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(this));
    }
}
