package io.github.dl4jrvsm.core.iterator;

import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

import java.util.function.UnaryOperator;

/** The {@link MultiDataSetIterator} counterpart of {@link DelegatingDataSetIterator}. */
public abstract class DelegatingMultiDataSetIterator
        extends ForwardingIterator<MultiDataSet, MultiDataSetPreProcessor, MultiDataSetIterator>
        implements MultiDataSetIterator {

    /** A wrapper whose {@link #next()} is the wrapped iterator's, or what a subclass overrides it with. */
    protected DelegatingMultiDataSetIterator(MultiDataSetIterator base) {
        super(base, Operations.MULTI_DATA_SET, UnaryOperator.identity());
    }

    /**
     * A wrapper whose {@link #next()} is {@code eachBatch} applied to the wrapped iterator's next batch; the wrapped
     * iterator is prefetched on a background thread when it supports that, {@code eachBatch} runs on the caller's.
     */
    protected DelegatingMultiDataSetIterator(MultiDataSetIterator base, UnaryOperator<MultiDataSet> eachBatch) {
        super(prefetched(base, Operations.MULTI_DATA_SET), Operations.MULTI_DATA_SET, eachBatch);
    }
}
