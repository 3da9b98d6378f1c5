package io.github.dl4jrvsm.adversarial.training;

import io.github.dl4jrvsm.core.iterator.DelegatingMultiDataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * The {@link MultiDataSetIterator} twin of {@link AdversarialDataSetIterator}, for
 * {@code ComputationGraph.fit(MultiDataSetIterator)} on graphs with one input and one output.
 */
public class AdversarialMultiDataSetIterator extends DelegatingMultiDataSetIterator {

    public AdversarialMultiDataSetIterator(MultiDataSetIterator base, AdversarialBatches batches) {
        super(base, d -> batches.perturb(d));
        if (batches == null) {
            throw new IllegalArgumentException("adversarial batches must be given");
        }
    }
}
