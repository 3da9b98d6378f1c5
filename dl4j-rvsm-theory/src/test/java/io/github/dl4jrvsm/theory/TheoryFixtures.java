package io.github.dl4jrvsm.theory;

import java.util.Random;

/** Shared set-up of the theory tests: the sparse teacher, reproducible starts and Monte-Carlo statistics. */
final class TheoryFixtures {

    static final int K = 4;
    static final int D = 20;

    private TheoryFixtures() {
    }

    /** A unit teacher in R^20 with 5 non-zero entries (indices 0, 3, 7, 12, 15) of different sizes and signs. */
    static double[] sparseTeacher() {
        double[] w = new double[D];
        w[0] = 0.6;
        w[3] = -0.5;
        w[7] = 0.4;
        w[12] = -0.3;
        w[15] = 0.25;
        return Vectors.unit(w);
    }

    static int nonZeros(double[] v) {
        int n = 0;
        for (double x : v) {
            n += x != 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * A unit Gaussian direction, negated if needed so that it makes an obtuse angle with {@code teacher}: the hard
     * case of the theorems, where the start is on the far side of the teacher.
     */
    static double[] obtuseStart(double[] teacher, long seed) {
        Random random = new Random(seed);
        double[] w = new double[teacher.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextGaussian();
        }
        if (Vectors.dot(w, teacher) > 0) {
            w = Vectors.scale(-1, w);
        }
        return Vectors.unit(w);
    }

    static double[] gaussian(Random random, int n) {
        double[] v = new double[n];
        fillGaussian(random, v);
        return v;
    }

    static void fillGaussian(Random random, double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
    }

    /** Largest increase {@code values[t+1] - values[t]} along a sequence (negative if it strictly decreases). */
    static double largestIncrease(double[] values) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int t = 0; t + 1 < values.length; t++) {
            worst = Math.max(worst, values[t + 1] - values[t]);
        }
        return worst;
    }

    /** Running mean and standard error (Welford), for the Monte-Carlo checks. */
    static final class MeanEstimate {
        private long n;
        private double mean;
        private double m2;

        void add(double x) {
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }

        double mean() {
            return mean;
        }

        double standardError() {
            return Math.sqrt(m2 / (n - 1) / n);
        }
    }
}
