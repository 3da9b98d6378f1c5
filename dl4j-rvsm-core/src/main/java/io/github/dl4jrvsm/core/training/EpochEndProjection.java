package io.github.dl4jrvsm.core.training;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.io.Serializable;

/**
 * At the end of every epoch replaces the weights {@code w} of each RVSM/RGSM layer by their sparse copy {@code u}, as
 * the dissertation's reference code does, then re-estimates batch-norm statistics so that evaluation after the epoch
 * sees a consistent network.
 *
 * <p>DL4J fires epoch events only in {@code fit(DataSetIterator)} and {@code fit(MultiDataSetIterator)}. Give it a
 * separate iterator for the batch-norm data (not the one being trained on: DL4J may still be prefetching from it).
 */
public class EpochEndProjection extends BaseTrainingListener implements Serializable {

    private final transient DataSetIterator batchNormData;
    private final int batchNormBatches;

    /**
     * @param batchNormData    data for the batch-norm re-estimation, or null when the model has no batch norm
     * @param batchNormBatches how many batches of it to use
     */
    public EpochEndProjection(DataSetIterator batchNormData, int batchNormBatches) {
        if (batchNormBatches < 1) {
            throw new IllegalArgumentException("batchNormBatches must be >= 1, got " + batchNormBatches);
        }
        this.batchNormData = batchNormData;
        this.batchNormBatches = batchNormBatches;
    }

    @Override
    public void onEpochEnd(Model model) {
        if (SparseExport.projectSplittingInPlace(model) > 0 && batchNormData != null) {
            BatchNormStatistics.reestimate(model, batchNormData, batchNormBatches);
        }
    }
}
