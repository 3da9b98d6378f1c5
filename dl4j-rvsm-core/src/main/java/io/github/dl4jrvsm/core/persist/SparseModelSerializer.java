package io.github.dl4jrvsm.core.persist;

import io.github.dl4jrvsm.core.admm.AdmmPruning;
import io.github.dl4jrvsm.core.splitting.SparseRegularization;
import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.training.SparseExport;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Saves and restores a model together with the state of its sparse methods, through DL4J's {@link ModelSerializer}.
 *
 * <p>RVSM/RGSM need nothing beyond the model: {@code u = prox(w)} follows from the weights and the configuration that
 * {@code ModelSerializer} already stores. ADMM keeps {@code z}, {@code v} and its mask, which are added to the same
 * zip as one extra entry. Files are written to a temporary file in the target directory and moved into place
 * atomically, so an interrupted save never leaves a half-written model.
 */
public final class SparseModelSerializer {

    /** The zip entry (via {@link ModelSerializer#addObjectToFile}) that holds the ADMM state. */
    public static final String STATE_KEY = "dl4j-rvsm-admm-state";

    private SparseModelSerializer() {
    }

    /** Writes the model with its updater state and sparse-method state. */
    public static void write(Model model, File file) throws IOException {
        HashMap<String, AdmmPruning.Snapshot> state = admmState(model);
        AtomicFiles.write(file.toPath(), tmp -> {
            ModelSerializer.writeModel(model, tmp.toFile(), true);
            if (!state.isEmpty()) {
                ModelSerializer.addObjectToFile(tmp.toFile(), STATE_KEY, state);
            }
        });
    }

    public static MultiLayerNetwork restoreMultiLayerNetwork(File file) throws IOException {
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(file, true);
        restoreState(net, file);
        return net;
    }

    public static ComputationGraph restoreComputationGraph(File file) throws IOException {
        ComputationGraph net = ModelSerializer.restoreComputationGraph(file, true);
        restoreState(net, file);
        return net;
    }

    private static HashMap<String, AdmmPruning.Snapshot> admmState(Model model) {
        HashMap<String, AdmmPruning.Snapshot> out = new HashMap<>();
        for (NamedLayer l : NamedLayer.of(model)) {
            SparseRegularization r = SparseExport.regularizationOf(l.config());
            if (r instanceof AdmmPruning a) {
                out.put(l.name(), a.snapshot());
            }
        }
        return out;
    }

    private static void restoreState(Model model, File file) throws IOException {
        Map<String, AdmmPruning.Snapshot> state;
        try {
            state = ModelSerializer.getObjectFromFile(file, STATE_KEY);
        } catch (RuntimeException e) {
            return; // no entry: a model without ADMM state
        }
        for (NamedLayer l : NamedLayer.of(model)) {
            SparseRegularization r = SparseExport.regularizationOf(l.config());
            if (r instanceof AdmmPruning a && state.containsKey(l.name())) {
                a.restore(state.get(l.name()));
            }
        }
    }
}
