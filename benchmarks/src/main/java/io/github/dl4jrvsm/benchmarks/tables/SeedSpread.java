package io.github.dl4jrvsm.benchmarks.tables;

import java.util.Arrays;
import java.util.Locale;

/**
 * One number over the repeats of a run: mean, sample standard deviation and range. A cell is marked as depending on
 * the seed when its repeats lie further apart than {@code dependentRange}: one run could then support or refute an
 * ordering of the dissertation by its seed alone.
 *
 * @param values the repeats' values, in the unit they are printed in
 */
public record SeedSpread(double[] values) {

    /**
     * Percentage points between repeats beyond which a cell is marked as depending on the seed: more than the test
     * sample alone moves an accuracy near 80% on 1,000 images (its 95% interval is about +-2.5 points).
     */
    public static final double DEPENDENT_POINTS = 5;

    public SeedSpread {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int n() {
        return values.length;
    }

    public double mean() {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).average().orElseThrow();
    }

    /** Sample standard deviation (n - 1); 0 for a single value. */
    public double sd() {
        if (values.length < 2) {
            return values.length == 0 ? Double.NaN : 0;
        }
        double m = mean(), ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (values.length - 1));
    }

    public double min() {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    public double max() {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** Whether the repeats differ by more than {@code range} (max - min). */
    public boolean seedDependent(double range) {
        return values.length > 1 && max() - min() > range;
    }

    /**
     * {@code 82.43} for one run; {@code 82.43 ± 1.20} for several, followed by {@code ‡ [min-max]} when they differ
     * by more than {@code dependentRange}; {@code -} for none.
     */
    public String format(double dependentRange) {
        if (values.length == 0 || Double.isNaN(mean())) {
            return "-";
        }
        if (values.length == 1) {
            return String.format(Locale.ROOT, "%.2f", values[0]);
        }
        String s = String.format(Locale.ROOT, "%.2f ± %.2f", mean(), sd());
        return seedDependent(dependentRange) ? s + String.format(Locale.ROOT, " ‡ [%.2f-%.2f]", min(), max()) : s;
    }
}
