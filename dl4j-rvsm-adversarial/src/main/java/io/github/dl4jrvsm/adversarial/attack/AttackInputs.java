package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * The checks that only attacks need: a budget in pixel units and a batch of images with one-hot labels. Each names the
 * bad value and what would be valid; the generic number checks are {@link Validate}'s.
 */
final class AttackInputs {

    private AttackInputs() {
    }

    /** Images in [0, 1] with one one-hot label row each; the model's own pairing check comes first. */
    static void batch(INDArray x, INDArray labels) {
        AttackModel.checkBatch(x, labels);
        Validate.check(labels.rank() == 2, () -> "labels must be one-hot [examples, classes], got shape "
                + Arrays.toString(labels.shape()));
        double min = x.minNumber().doubleValue(), max = x.maxNumber().doubleValue();
        Validate.check(!(min < 0 || max > 1), () -> "inputs must be images in pixel space [0, 1], got values in ["
                + min + ", " + max + "]; give pixels and pass a fitted normalizer to AttackModel.withNormalizer (or "
                + "RobustnessEvaluation.withNormalizer), or put the normalisation inside the model");
        INDArray rowSums = labels.sum(1);
        boolean oneHot = rowSums.minNumber().doubleValue() == 1.0 && rowSums.maxNumber().doubleValue() == 1.0
                && !(labels.minNumber().doubleValue() < 0);
        Validate.check(oneHot, () -> "labels must be one-hot rows (one 1 per row, classes 0.." + (labels.size(1) - 1)
                + ")");
    }

    /** The labels' class count must match the model's output. */
    static void classes(INDArray labels, INDArray probabilities) {
        Validate.check(labels.size(1) == probabilities.size(1), () -> "labels have " + labels.size(1)
                + " classes but the model outputs " + probabilities.size(1)
                + "; labels must be one-hot over the model's classes 0.." + (probabilities.size(1) - 1));
    }
}
