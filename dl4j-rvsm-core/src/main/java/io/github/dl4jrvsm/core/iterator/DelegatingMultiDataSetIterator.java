package io.github.dl4jrvsm.core.iterator;

import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/** The {@link MultiDataSetIterator} counterpart of {@link DelegatingDataSetIterator}. */
public abstract class DelegatingMultiDataSetIterator implements MultiDataSetIterator {

    protected final MultiDataSetIterator base;

    protected DelegatingMultiDataSetIterator(MultiDataSetIterator base) {
        if (base == null) {
            throw new IllegalArgumentException("the wrapped iterator must not be null");
        }
        this.base = base;
    }

    @Override
    public MultiDataSet next() {
        return base.next();
    }

    @Override
    public MultiDataSet next(int num) {
        throw new UnsupportedOperationException("next(int) is not supported by " + getClass().getSimpleName() + "; use next()");
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
