package io.github.dl4jrvsm.core.iterator;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A {@link DataSetIterator} that passes everything to another one, for wrappers that change only {@link #next()}.
 * It reports {@code asyncSupported() == false}: wrappers here call the model being trained, and DL4J's prefetch thread
 * would then wait for the network that {@code fit} holds.
 */
public abstract class DelegatingDataSetIterator extends ForwardingIterator<DataSet, DataSetPreProcessor, DataSetIterator>
        implements DataSetIterator {

    /** A wrapper whose {@link #next()} is the wrapped iterator's, or what a subclass overrides it with. */
    protected DelegatingDataSetIterator(DataSetIterator base) {
        super(base, Operations.DATA_SET, UnaryOperator.identity());
    }

    /**
     * A wrapper whose {@link #next()} is {@code eachBatch} applied to the wrapped iterator's next batch; the wrapped
     * iterator is prefetched on a background thread when it supports that, {@code eachBatch} runs on the caller's.
     */
    protected DelegatingDataSetIterator(DataSetIterator base, UnaryOperator<DataSet> eachBatch) {
        super(prefetched(base, Operations.DATA_SET), Operations.DATA_SET, eachBatch);
    }

    @Override
    public int inputColumns() {
        return base.inputColumns();
    }

    @Override
    public int totalOutcomes() {
        return base.totalOutcomes();
    }

    @Override
    public int batch() {
        return base.batch();
    }

    @Override
    public List<String> getLabels() {
        return base.getLabels();
    }
}
