package io.github.dl4jrvsm.core.training;

import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.splitting.GroupLassoLoss;
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
     * What the sparse layers of a trained model hold, and so what the export still has to do. After the epoch-end
     * projection of {@link SparseTraining} the relaxed-splitting layers hold {@code u} already; applying the prox
     * again would shrink them a second time (l1, transformed l1 and group lasso are not idempotent), so the export
     * must take them as they are.
     */
    public enum Weights {
        /** Every sparse layer holds its dense {@code w}: the export computes {@code u = prox(w)} once. */
        DENSE,
        /**
         * The relaxed-splitting layers hold {@code u} (the epoch-end projection ran after the last step) and are
         * copied as they are; other sparse regularizations (ADMM) are projected once.
         */
        PROJECTED_AT_EPOCH_END
    }

    /**
     * A copy of the model whose weights are {@code u}, with batch-norm statistics re-estimated on {@code bnData} and
     * the library's regularizations removed, so the result is a plain DL4J network that loads without this library.
     * For a model trained by {@link SparseTraining} with its epoch-end projection use
     * {@link SparseTraining#export}, which passes {@link Weights#PROJECTED_AT_EPOCH_END}.
     *
     * @param bnData data for the batch-norm re-estimation; may be null only if the model has no batch norm
     */
    public static <M extends Model> M sparseCopy(M model, DataSetIterator bnData) {
        return sparseCopy(model, bnData, Weights.DENSE);
    }

    /** {@link #sparseCopy(Model, DataSetIterator)} for a model whose sparse layers hold {@code weights}. */
    public static <M extends Model> M sparseCopy(M model, DataSetIterator bnData, Weights weights) {
        boolean bn = BatchNormStatistics.hasBatchNorm(model);
        if (bn && bnData == null) {
            throw new IllegalArgumentException("The model has batch-norm layers " + BatchNormStatistics.batchNormLayers(model)
                    + ": their running statistics no longer fit the sparse weights. Pass training data for the "
                    + "re-estimation, or call sparseCopyKeepingBatchNorm to keep the old statistics.");
        }
        M copy = sparseCopyKeepingBatchNorm(model, weights);
        if (bn) {
            BatchNormStatistics.reestimate(copy, bnData, BatchNormStatistics.DEFAULT_MAX_BATCHES);
        }
        return copy;
    }

    /** Like {@link #sparseCopy} but keeps the batch-norm statistics measured with the dense weights. */
    public static <M extends Model> M sparseCopyKeepingBatchNorm(M model) {
        return sparseCopyKeepingBatchNorm(model, Weights.DENSE);
    }

    @SuppressWarnings("unchecked")
    public static <M extends Model> M sparseCopyKeepingBatchNorm(M model, Weights weights) {
        Model copy = NetworkAdapter.of(model).copy();
        project(copy, r -> weights == Weights.DENSE || !(r instanceof RelaxedSplitting));
        stripSparseRegularization(copy);
        return (M) copy;
    }

    /** Whether {@code r} is one of this library's (a sparse method or a loss term it installs with one). */
    static boolean isLibraryRegularization(Regularization r) {
        return r instanceof SparseRegularization || r instanceof GroupLassoLoss;
    }

    /**
     * Removes this library's regularizations (every {@link SparseRegularization} and the loss terms installed with
     * one) from the model's live layer configurations, so the model loads without the library.
     */
    public static void stripSparseRegularization(Model model) {
        for (NamedLayer l : NamedLayer.of(model)) {
            if (l.config() instanceof BaseLayer b && b.getRegularization() != null) {
                List<Regularization> kept = new ArrayList<>();
                for (Regularization r : b.getRegularization()) {
                    if (!isLibraryRegularization(r)) {
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
