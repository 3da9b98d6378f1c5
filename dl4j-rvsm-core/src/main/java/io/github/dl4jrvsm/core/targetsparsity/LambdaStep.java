package io.github.dl4jrvsm.core.targetsparsity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One lambda the {@link LambdaController} set: for the step {@code (iteration, epoch)} of the given layers, the
 * scheduled share of zeros, the magnitude threshold that gives it and the lambda that puts the prox's threshold
 * there.
 *
 * @param iteration the iteration the lambda is for (DL4J's counter, from 0)
 * @param epoch     the epoch it belongs to (from 0)
 * @param scope     a layer name, or {@link TargetSparsity#ALL_LAYERS} for all sparse layers together
 * @param sparsity  the schedule's share of zeros at this step
 * @param threshold the magnitude (or group norm) at or below which {@code u} is zero
 * @param lambda    the penalty's lambda (lambda1 of the group l0 + lasso penalty, whose lambda2 keeps its ratio)
 */
public record LambdaStep(int iteration, int epoch, String scope, double sparsity, double threshold, double lambda)
        implements Serializable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** This step as one line of JSON, without the line break. */
    public String toJsonLine() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The steps of a file the controller wrote with {@link TargetSparsity#withJsonLines}, in file order. */
    public static List<LambdaStep> read(Path jsonLines) throws IOException {
        List<LambdaStep> steps = new ArrayList<>();
        for (String line : Files.readAllLines(jsonLines, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                steps.add(JSON.readValue(line, LambdaStep.class));
            }
        }
        return steps;
    }
}
