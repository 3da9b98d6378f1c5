package io.github.dl4jrvsm.adversarial.training;

import io.github.dl4jrvsm.core.iterator.DelegatingDataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;


/**
 * A {@link DataSetIterator} whose batches are (partly) adversarial examples against the model being trained, so that
 * {@code net.fit(new AdversarialDataSetIterator(train, AdversarialBatches.pgdDefaults(net)))} is adversarial training.
 * It composes with RVSM/RGSM/ADMM: the sparse method acts in the same training step as on clean data.
 *
 * <p>It reports {@code asyncSupported() == false}: DL4J would otherwise prefetch from it on another thread, and that
 * thread's attack would wait for the network that {@code fit} holds (a deadlock). The raw data underneath is still
 * prefetched when the base iterator supports it.
 */
public class AdversarialDataSetIterator extends DelegatingDataSetIterator {

    public AdversarialDataSetIterator(DataSetIterator base, AdversarialBatches batches) {
        super(base, d -> batches.perturb(d));
        if (batches == null) {
            throw new IllegalArgumentException("adversarial batches must be given");
        }
    }
}
