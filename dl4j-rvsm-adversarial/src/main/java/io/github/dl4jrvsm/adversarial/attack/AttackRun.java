package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackModel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

/**
 * One call of an attack as its inner loop sees it, after {@link AttackBase#run} has checked the inputs: the model,
 * the clean images, the labels, the criterion and the random source seeded from the attack's seed. A run is used by
 * one thread and discarded afterwards.
 *
 * @param model     the model under attack; its pass counters measure the run
 * @param x         the clean images, in [0, 1]; not to be modified
 * @param labels    one-hot true classes or targets, as the criterion reads them
 * @param criterion what counts as success
 * @param random    every random choice of the run comes from here, so a seed reproduces the run
 */
public record AttackRun(AttackModel model, INDArray x, INDArray labels, Criterion criterion, Random random) {

    public int examples() {
        return (int) x.size(0);
    }

    /** Per example, whether {@code candidate} already meets the criterion (one forward pass). */
    public boolean[] success(INDArray candidate) {
        return criterion.isMet(model.probabilities(candidate), labels);
    }
}
