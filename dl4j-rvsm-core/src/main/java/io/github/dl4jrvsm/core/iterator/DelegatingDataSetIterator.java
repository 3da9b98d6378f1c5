package io.github.dl4jrvsm.core.iterator;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.List;

/**
 * A {@link DataSetIterator} that passes everything to another one, for wrappers that change only {@link #next()}.
 * It reports {@code asyncSupported() == false}: wrappers here call the model being trained, and DL4J's prefetch thread
 * would then wait for the network that {@code fit} holds.
 */
public abstract class DelegatingDataSetIterator extends ForwardingIterator<DataSet, DataSetIterator>
        implements DataSetIterator {

    protected DelegatingDataSetIterator(DataSetIterator base) {
        super(base);
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
    public boolean resetSupported() {
        return base.resetSupported();
    }

    @Override
    public void reset() {
        base.reset();
    }

    @Override
    public int batch() {
        return base.batch();
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        base.setPreProcessor(preProcessor);
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return base.getPreProcessor();
    }

    @Override
    public List<String> getLabels() {
        return base.getLabels();
    }
}
