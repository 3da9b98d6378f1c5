package io.github.dl4jrvsm.adversarial.training;

import org.nd4j.linalg.dataset.AsyncDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.List;

/**
 * A {@link DataSetIterator} whose batches are (partly) adversarial examples against the model being trained, so that
 * {@code net.fit(new AdversarialDataSetIterator(train, AdversarialBatches.pgdDefaults(net)))} is adversarial training.
 * It composes with RVSM/RGSM/ADMM: the sparse method acts in the same training step as on clean data.
 *
 * <p>It reports {@code asyncSupported() == false}: DL4J would otherwise prefetch from it on another thread, and that
 * thread's attack would wait for the network that {@code fit} holds (a deadlock). The raw data underneath is still
 * prefetched when the base iterator supports it.
 */
public class AdversarialDataSetIterator implements DataSetIterator {

    private final DataSetIterator base;
    private final AdversarialBatches batches;

    public AdversarialDataSetIterator(DataSetIterator base, AdversarialBatches batches) {
        if (base == null || batches == null) {
            throw new IllegalArgumentException("base iterator and adversarial batches must be given");
        }
        this.base = base.asyncSupported() ? new AsyncDataSetIterator(base, 2, false) : base;
        this.batches = batches;
    }

    @Override
    public DataSet next() {
        DataSet d = base.next();
        return new DataSet(batches.perturb(d.getFeatures(), d.getLabels()), d.getLabels().dup(),
                d.getFeaturesMaskArray(), d.getLabelsMaskArray());
    }

    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("next(int) is not supported; use next()");
    }

    @Override
    public boolean hasNext() {
        return base.hasNext();
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
    public boolean asyncSupported() {
        return false;
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
