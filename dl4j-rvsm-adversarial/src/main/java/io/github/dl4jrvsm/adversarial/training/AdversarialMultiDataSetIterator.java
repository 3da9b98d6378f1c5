package io.github.dl4jrvsm.adversarial.training;

import org.nd4j.linalg.dataset.AsyncMultiDataSetIterator;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * The {@link org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator} twin of {@link AdversarialDataSetIterator}, for
 * {@code ComputationGraph.fit(MultiDataSetIterator)} on graphs with one input and one output.
 */
public class AdversarialMultiDataSetIterator implements MultiDataSetIterator {

    private final MultiDataSetIterator base;
    private final AdversarialBatches batches;

    public AdversarialMultiDataSetIterator(MultiDataSetIterator base, AdversarialBatches batches) {
        if (base == null || batches == null) {
            throw new IllegalArgumentException("base iterator and adversarial batches must be given");
        }
        this.base = base.asyncSupported() ? new AsyncMultiDataSetIterator(base, 2, false) : base;
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

    @Override
    public MultiDataSet next(int num) {
        throw new UnsupportedOperationException("next(int) is not supported; use next()");
    }

    @Override
    public boolean hasNext() {
        return base.hasNext();
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        base.setPreProcessor(preProcessor);
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return base.getPreProcessor();
    }

    @Override
    public boolean resetSupported() {
        return base.resetSupported();
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        base.reset();
    }
}
