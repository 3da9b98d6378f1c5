package io.github.dl4jrvsm.adversarial.evaluation;

/**
 * The 95% Wilson score interval of a proportion: an accuracy measured on {@code n} examples is known only to within
 * it. Wilson rather than the normal approximation because accuracies near 0 or 1 (robust accuracy under a strong
 * attack, clean accuracy of a good model) make the normal interval leave [0, 1] or collapse to a point.
 */
public final class WilsonInterval {

    /** The normal quantile of a two-sided 95% interval. */
    static final double Z = 1.959963984540054;

    private WilsonInterval() {
    }

    public static double low(long successes, long n) {
        return bound(successes, n, -1);
    }

    public static double high(long successes, long n) {
        return bound(successes, n, 1);
    }

    private static double bound(long successes, long n, int sign) {
        if (n <= 0) {
            return Double.NaN;
        }
        double p = (double) successes / n;
        double z2 = Z * Z;
        double centre = p + z2 / (2.0 * n);
        double spread = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return Math.min(1, Math.max(0, (centre + sign * spread) / (1 + z2 / n)));
    }
}
