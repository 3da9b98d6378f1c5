package io.github.dl4jrvsm.theory;

import io.github.dl4jrvsm.core.internal.Validate;

/**
 * The explicit parameter bounds in the hypotheses and conclusions of Theorems 3.1 (RVSM) and 3.2 (RVSCGD), so that
 * an experiment can pick admissible constants from the same formulas the theorems state.
 *
 * <p>Here {@code delta > 0} is the margin of the initial angle, {@code theta(w_0, w*) <= pi - delta}. The step-size
 * conditions involve Lipschitz constants that the chapter does not make explicit for RVSM; they are left to the
 * caller.
 */
public final class TheoremConditions {

    private static final double SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

    private TheoremConditions() {
    }

    /** Theorem 3.1 (iii): the largest coupling {@code beta = delta sin(delta) / (k pi)}. */
    public static double rvsmMaxBeta(int k, double delta) {
        return checkDelta(delta) * Math.sin(delta) / (checkK(k) * Math.PI);
    }

    /** Theorem 3.1 (iii): {@code lambda / beta} must stay below {@code 1 / sqrt(d)}. */
    public static double rvsmMaxLambdaOverBeta(int d) {
        return 1 / Math.sqrt(Validate.atLeastOne("d (patch size)", d));
    }

    /**
     * Corollary 2: the upper end of the interval {@code (0, 1 / (1 - 2 k lambda sqrt(d)))} that holds the
     * constant {@code C} of eq. (3.13). The bound is finite only when {@code 2 k lambda sqrt(d) < 1}.
     */
    public static double rvsmShrinkageConstantBound(int k, double lambda, int d) {
        double s = 2 * checkK(k) * Validate.nonNegative("lambda", lambda)
                * Math.sqrt(Validate.atLeastOne("d (patch size)", d));
        Validate.check(!(s >= 1), () -> "the bound of Corollary 2 needs 2 k lambda sqrt(d) < 1, got " + s
                + " (k=" + k + ", lambda=" + lambda + ", d=" + d + ")");
        return 1 / (1 - s);
    }

    /** Theorem 3.2 (ii): the largest coupling {@code beta = k sin(delta) / (2 sqrt(2 pi))}. */
    public static double rvscgdMaxBeta(int k, double delta) {
        return checkK(k) * Math.sin(checkDelta(delta)) / (2 * SQRT_TWO_PI);
    }

    /** Theorem 3.2 (ii): {@code lambda} must stay below {@code k / (2 sqrt(2 pi d))}. */
    public static double rvscgdMaxLambda(int k, int d) {
        return checkK(k) / (2 * Math.sqrt(2 * Math.PI * Validate.atLeastOne("d (patch size)", d)));
    }

    /**
     * Theorem 3.2 (iii): the largest step {@code min(1 / (beta + L), 2 sqrt(2 pi) / k)} for a Lipschitz constant
     * {@code L} of the coarse gradient (Lemma 10 gives {@code K = k / sqrt(2 pi)} on {@code 1/2 <= |w| <= 3/2}).
     */
    public static double rvscgdMaxEta(int k, double beta, double lipschitz) {
        Validate.positive("beta", beta);
        Validate.positive("lipschitz constant L", lipschitz);
        return Math.min(1 / (beta + lipschitz), 2 * SQRT_TWO_PI / checkK(k));
    }

    /** Lemma 10: the Lipschitz constant {@code K = k / sqrt(2 pi)} of the expected coarse gradient. */
    public static double coarseGradientLipschitz(int k) {
        return checkK(k) / SQRT_TWO_PI;
    }

    private static int checkK(int k) {
        return Validate.atLeastOne("k (number of patches)", k);
    }

    private static double checkDelta(double delta) {
        return Validate.inRange("delta (initial angle margin)", delta, delta > 0 && delta <= Math.PI, "(0, pi]");
    }
}
