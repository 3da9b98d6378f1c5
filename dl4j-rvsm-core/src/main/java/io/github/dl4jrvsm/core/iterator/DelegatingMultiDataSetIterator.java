package io.github.dl4jrvsm.core.iterator;

import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/** The {@link MultiDataSetIterator} counterpart of {@link DelegatingDataSetIterator}. */
public abstract class DelegatingMultiDataSetIterator extends ForwardingIterator<MultiDataSet, MultiDataSetIterator>
        implements MultiDataSetIterator {

    protected DelegatingMultiDataSetIterator(MultiDataSetIterator base) {
        super(base);
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
    public void reset() {
        base.reset();
    }
}
