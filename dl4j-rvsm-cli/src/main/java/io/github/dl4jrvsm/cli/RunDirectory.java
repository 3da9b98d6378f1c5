package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.persist.SparseModelSerializer;
import org.deeplearning4j.nn.api.Model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of a run directory and the one place that reads and writes them: after every epoch the checkpoint
 * ({@code checkpoint.zip} and {@code state.json}, enough to continue exactly) and the best model so far
 * ({@code best.zip}); with a target sparsity, every lambda as it is set ({@code lambda.jsonl}); at the end the
 * exported models ({@code model.zip}, {@code small.zip}).
 */
final class RunDirectory {

    static final String MODEL = "model.zip";
    static final String SMALL = "small.zip";
    /** The {@code SparsityListener}'s JSON lines: {@code u}'s sparsity while training. */
    static final String SPARSITY_LOG = "sparsity.jsonl";
    /** The lambdas a target sparsity set, one JSON line each ({@code LambdaStep}), appended as the run goes. */
    static final String LAMBDAS = "lambda.jsonl";

    private final Path dir;

    RunDirectory(Path dir) {
        this.dir = dir;
    }

    Path path() {
        return dir;
    }

    void create() throws IOException {
        Files.createDirectories(dir);
    }

    /** Where the lambdas of a target sparsity are appended. */
    Path lambdas() {
        return dir.resolve(LAMBDAS);
    }

    /** Removes a lambda log left by an earlier run in this directory, so that a new run's log is its own. */
    void clearLambdas() throws IOException {
        Files.deleteIfExists(lambdas());
    }

    /** The state of the last finished epoch; fails with a message naming --resume when there is none. */
    RunState state() throws IOException {
        return RunState.read(dir.resolve("state.json"));
    }

    /** The network of the last finished epoch. */
    Model checkpoint() throws IOException {
        return restore(dir.resolve("checkpoint.zip"));
    }

    /**
     * Writes the epoch's checkpoint, and the network as the best one when it {@code improved}. The state is written
     * last: a run interrupted before it resumes from the previous epoch, whose files are still whole.
     */
    void saveEpoch(Model net, RunState state, boolean improved) throws IOException {
        SparseModelSerializer.write(net, dir.resolve("checkpoint.zip").toFile());
        if (improved) {
            SparseModelSerializer.write(net, dir.resolve("best.zip").toFile());
        }
        state.write(dir.resolve("state.json"));
    }

    /** The network with the best validation score, or {@code last} when no epoch was ever the best. */
    Model best(Model last) throws IOException {
        Path best = dir.resolve("best.zip");
        return Files.isRegularFile(best) ? restore(best) : last;
    }

    /** Writes {@code model} as the run's file {@code name} ({@link #MODEL} or {@link #SMALL}). */
    void write(String name, Model model) throws IOException {
        SparseModelSerializer.write(model, dir.resolve(name).toFile());
    }

    /**
     * Reads a saved model of either DL4J kind. The zip does not say which it holds, so the common one
     * (a MultiLayerNetwork) is tried first.
     */
    static Model restore(Path file) throws IOException {
        try {
            return SparseModelSerializer.restoreMultiLayerNetwork(file.toFile());
        } catch (RuntimeException | IOException e) {
            return SparseModelSerializer.restoreComputationGraph(file.toFile());
        }
    }
}
