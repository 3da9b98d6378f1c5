package io.github.dl4jrvsm.core.training;

import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.splitting.RelaxedSplitting;
import io.github.dl4jrvsm.core.splitting.SparseRegularization;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.regularization.Regularization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads and applies the sparse weights {@code u} of a model trained with a {@link SparseRegularization}, and builds the
 * final sparse network.
 */
public final class SparseExport {

    /** DL4J's key of the weight parameter of convolution and dense layers. */
    public static final String WEIGHT_KEY = "W";

    private SparseExport() {
    }

    /** The sparse regularization of a layer's weights, or null. */
    public static SparseRegularization regularizationOf(org.deeplearning4j.nn.conf.layers.Layer layer) {
        if (layer instanceof BaseLayer b && b.getRegularization() != null) {
            for (Regularization r : b.getRegularization()) {
                if (r instanceof SparseRegularization s) {
                    return s;
                }
            }
        }
        return null;
    }

    /** Layer name to its current sparse weights {@code u}, for every layer with a sparse regularization. */
    public static Map<String, INDArray> sparseWeights(Model model) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (NamedLayer l : NamedLayer.of(model)) {
            SparseRegularization r = regularizationOf(l.config());
            if (r != null) {
                out.put(l.name(), r.sparseWeights(weights(model, l)));
            }
        }
        return out;
    }

    /** Replaces {@code w} by {@code u} in place in every layer with a sparse regularization; returns how many. */
    public static int projectInPlace(Model model) {
        return project(model, r -> true);
    }

    /** Replaces {@code w} by {@code u} only where the regularization is relaxed splitting (RVSM/RGSM). */
    public static int projectSplittingInPlace(Model model) {
        return project(model, r -> r instanceof RelaxedSplitting);
    }

    private static int project(Model model, Predicate<SparseRegularization> which) {
        int n = 0;
        for (NamedLayer l : NamedLayer.of(model)) {
            SparseRegularization r = regularizationOf(l.config());
            if (r != null && which.test(r)) {
                INDArray w = weights(model, l);
                w.assign(r.sparseWeights(w));
                n++;
            }
        }
        return n;
    }

    /**
     * A copy of the model whose weights are {@code u}, with batch-norm statistics re-estimated on {@code bnData} and
     * the library's regularizations removed, so the result is a plain DL4J network that loads without this library.
     *
     * @param bnData data for the batch-norm re-estimation; may be null only if the model has no batch norm
     */
    @SuppressWarnings("unchecked")
    public static <M extends Model> M sparseCopy(M model, DataSetIterator bnData) {
        boolean bn = BatchNormStatistics.hasBatchNorm(model);
        if (bn && bnData == null) {
            throw new IllegalArgumentException("The model has batch-norm layers " + BatchNormStatistics.batchNormLayers(model)
                    + ": their running statistics no longer fit the sparse weights. Pass training data for the "
                    + "re-estimation, or call sparseCopyKeepingBatchNorm to keep the old statistics.");
        }
        M copy = sparseCopyKeepingBatchNorm(model);
        if (bn) {
            BatchNormStatistics.reestimate(copy, bnData, BatchNormStatistics.DEFAULT_MAX_BATCHES);
        }
        return copy;
    }

    /** Like {@link #sparseCopy} but keeps the batch-norm statistics measured with the dense weights. */
    @SuppressWarnings("unchecked")
    public static <M extends Model> M sparseCopyKeepingBatchNorm(M model) {
        Model copy = NetworkAdapter.of(model).copy();
        projectInPlace(copy);
        stripSparseRegularization(copy);
        return (M) copy;
    }

    /** Removes every {@link SparseRegularization} from the model's live layer configurations. */
    public static void stripSparseRegularization(Model model) {
        for (NamedLayer l : NamedLayer.of(model)) {
            if (l.config() instanceof BaseLayer b && b.getRegularization() != null) {
                List<Regularization> kept = new ArrayList<>();
                for (Regularization r : b.getRegularization()) {
                    if (!(r instanceof SparseRegularization)) {
                        kept.add(r);
                    }
                }
                b.setRegularization(kept);
            }
        }
    }

    public static INDArray weights(Model model, NamedLayer l) {
        return NetworkAdapter.of(model).param(l, WEIGHT_KEY);
    }
}
