package io.github.dl4jrvsm.adversarial.training;

import io.github.dl4jrvsm.core.iterator.DelegatingMultiDataSetIterator;
import org.nd4j.linalg.dataset.AsyncMultiDataSetIterator;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * The {@link org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator} twin of {@link AdversarialDataSetIterator}, for
 * {@code ComputationGraph.fit(MultiDataSetIterator)} on graphs with one input and one output.
 */
public class AdversarialMultiDataSetIterator extends DelegatingMultiDataSetIterator {

    private final AdversarialBatches batches;

    public AdversarialMultiDataSetIterator(MultiDataSetIterator base, AdversarialBatches batches) {
        super(base != null && base.asyncSupported() ? new AsyncMultiDataSetIterator(base, 2, false) : base);
        if (batches == null) {
            throw new IllegalArgumentException("adversarial batches must be given");
        }
        this.batches = batches;
    }

    @Override
    public MultiDataSet next() {
        MultiDataSet d = base.next();
        if (d.numFeatureArrays() != 1 || d.numLabelsArrays() != 1) {
            throw new IllegalArgumentException("Adversarial training supports one input and one output, got "
                    + d.numFeatureArrays() + " inputs and " + d.numLabelsArrays() + " outputs");
        }
        return new org.nd4j.linalg.dataset.MultiDataSet(batches.perturb(d.getFeatures(0), d.getLabels(0)),
                d.getLabels(0).dup(), d.getFeaturesMaskArray(0), d.getLabelsMaskArray(0));
    }
}
