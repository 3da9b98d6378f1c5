package io.github.dl4jrvsm.core.prox;

import io.github.dl4jrvsm.core.internal.Validate;

/**
 * The two thresholds every penalty here is built from, and their inverses: hard thresholding (the prox of
 * {@code lambda*||.||_0}, on weights or on group norms) and soft thresholding (of {@code lambda*|.|}, on weights or
 * group norms). Kept once so that the element-wise and group forms cannot drift apart.
 */
final class Thresholds {

    private Thresholds() {
    }

    /** {@code sqrt(2*lambda/beta)}: keeping a magnitude above it costs less than zeroing it. */
    static double hard(double lambda, double beta) {
        return Math.sqrt(2 * lambda / Validate.positive("beta", beta));
    }

    /** {@code lambda = beta*t^2/2}, the inverse of {@link #hard}. */
    static double lambdaOfHard(double threshold, double beta) {
        double t = Validate.nonNegative("threshold", threshold);
        return Validate.positive("beta", beta) * t * t / 2;
    }

    /** {@code lambda/beta}: the shrinkage of soft thresholding, and the magnitude it zeroes. */
    static double soft(double lambda, double beta) {
        return lambda / Validate.positive("beta", beta);
    }

    /** {@code lambda = beta*t}, the inverse of {@link #soft}. */
    static double lambdaOfSoft(double threshold, double beta) {
        return Validate.positive("beta", beta) * Validate.nonNegative("threshold", threshold);
    }
}
