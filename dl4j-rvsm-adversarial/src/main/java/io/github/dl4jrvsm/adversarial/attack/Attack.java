package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackModel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.Serializable;
import java.util.Map;

/**
 * An adversarial attack on a batch. Inputs are images in pixel space [0, 1]; every attack returns images in [0, 1].
 *
 * <p>Attacks are immutable settings and {@link Serializable}, so that a training hook can carry one to Spark
 * executors and make adversarial examples there against each worker's model.
 *
 * <p>{@code labels} are one-hot: the true classes for an untargeted attack (success = misclassified), the target
 * classes for a targeted one (success = classified as the target).
 */
public interface Attack extends Serializable {

    AttackResult run(AttackModel model, INDArray x, INDArray labels);

    /** A short name for reports, e.g. {@code PGD-10}. */
    String name();

    /** The attack's settings, for reports (name to value). */
    Map<String, Object> settings();

    /** The same attack with another seed for its random choices (attacks without randomness return themselves). */
    default Attack withSeed(long seed) {
        return this;
    }

    /** Whether the attack reads gradients (false for black-box attacks). */
    default boolean usesGradients() {
        return true;
    }
}
