package io.github.dl4jrvsm.adversarial.attack;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/** Argument checks shared by the attacks; each names the bad value and what would be valid. */
final class Checks {

    private Checks() {
    }

    static double epsilon(double eps) {
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1] (pixel units; e.g. 8/255 = " + 8 / 255.0
                    + "), got " + eps);
        }
        return eps;
    }

    static double positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + v);
        }
        return v;
    }

    static int atLeastOne(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + v);
        }
        return v;
    }

    static void batch(INDArray x, INDArray labels) {
        if (x == null || labels == null) {
            throw new IllegalArgumentException("features and labels must not be null");
        }
        if (x.size(0) != labels.size(0)) {
            throw new IllegalArgumentException("features have " + x.size(0) + " examples but labels have "
                    + labels.size(0) + "; give one label row per example");
        }
        if (labels.rank() != 2) {
            throw new IllegalArgumentException("labels must be one-hot [examples, classes], got shape "
                    + Arrays.toString(labels.shape()));
        }
        double min = x.minNumber().doubleValue(), max = x.maxNumber().doubleValue();
        if (min < 0 || max > 1) {
            throw new IllegalArgumentException("inputs must be images in pixel space [0, 1], got values in [" + min
                    + ", " + max + "]; put normalisation inside the model");
        }
        INDArray rowSums = labels.sum(1);
        if (rowSums.minNumber().doubleValue() != 1.0 || rowSums.maxNumber().doubleValue() != 1.0
                || labels.minNumber().doubleValue() < 0) {
            throw new IllegalArgumentException("labels must be one-hot rows (one 1 per row, classes 0.."
                    + (labels.size(1) - 1) + ")");
        }
    }

    /** The labels' class count must match the model's output. */
    static void classes(INDArray labels, INDArray probabilities) {
        if (labels.size(1) != probabilities.size(1)) {
            throw new IllegalArgumentException("labels have " + labels.size(1) + " classes but the model outputs "
                    + probabilities.size(1) + "; labels must be one-hot over the model's classes 0.."
                    + (probabilities.size(1) - 1));
        }
    }
}
