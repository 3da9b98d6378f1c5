package io.github.dl4jrvsm.core.training;

import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.persist.SparseModelSerializer;
import org.deeplearning4j.earlystopping.EarlyStoppingModelSaver;
import org.deeplearning4j.nn.api.Model;

import java.io.File;
import java.io.IOException;

/**
 * An {@link EarlyStoppingModelSaver} for DL4J's {@code EarlyStoppingTrainer} that keeps a sparse method's model as
 * it will be deployed: the {@link SparseTraining#export export} (weights {@code u}, batch norm as the training's
 * configuration asks, the library's regularizations removed), not the dense {@code w} that DL4J's own savers would
 * write. The trainer fires the epoch-end projection before it scores and saves, so the saved model is the {@code u}
 * of the scored epoch.
 *
 * <p>Files are {@code bestModel.zip} and {@code latestModel.zip} in the directory, plain DL4J zips written atomically
 * (a crash mid-save leaves the previous best in place). The saver holds the training's batch-norm iterator, so unlike
 * DL4J's savers it is not meant to be serialized (Spark's early stopping).
 */
public final class SparseModelSaver<T extends Model> implements EarlyStoppingModelSaver<T> {

    private static final long serialVersionUID = 1L;

    private final File directory;
    private final transient SparseTraining training;
    private boolean graph;

    /**
     * @param directory where the zips go; created if missing
     * @param training  the method the model trains with, whose export is saved
     */
    public SparseModelSaver(File directory, SparseTraining training) {
        if (directory == null || training == null) {
            throw new IllegalArgumentException("directory and training must not be null");
        }
        if (directory.exists() && !directory.isDirectory()) {
            throw new IllegalArgumentException("'" + directory + "' is a file; give a directory for bestModel.zip and "
                    + "latestModel.zip");
        }
        this.directory = directory;
        this.training = training;
    }

    public File bestModelFile() {
        return new File(directory, "bestModel.zip");
    }

    public File latestModelFile() {
        return new File(directory, "latestModel.zip");
    }

    @Override
    public void saveBestModel(T net, double score) throws IOException {
        save(net, bestModelFile());
    }

    @Override
    public void saveLatestModel(T net, double score) throws IOException {
        save(net, latestModelFile());
    }

    @Override
    public T getBestModel() throws IOException {
        return restore(bestModelFile());
    }

    @Override
    public T getLatestModel() throws IOException {
        return restore(latestModelFile());
    }

    private void save(T net, File file) throws IOException {
        if (!directory.isDirectory() && !directory.mkdirs()) {
            throw new IOException("cannot create directory " + directory);
        }
        graph = NetworkAdapter.of(net).match(n -> false, g -> true);
        SparseModelSerializer.write(training.export(net), file);
    }

    @SuppressWarnings("unchecked")
    private T restore(File file) throws IOException {
        if (!file.isFile()) {
            throw new IOException("no model saved yet: " + file + " does not exist");
        }
        Model m = graph ? SparseModelSerializer.restoreComputationGraph(file)
                : SparseModelSerializer.restoreMultiLayerNetwork(file);
        return (T) m;
    }

    @Override
    public String toString() {
        return "SparseModelSaver(" + directory + ")";
    }
}
