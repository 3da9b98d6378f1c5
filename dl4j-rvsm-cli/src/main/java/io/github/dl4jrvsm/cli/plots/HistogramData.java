package io.github.dl4jrvsm.cli.plots;

import java.util.Arrays;
import java.util.function.DoublePredicate;

/**
 * The numbers behind one histogram series: equal-width bins over {@code [edges[0], edges[bins]]}, and the values that
 * were counted separately instead of being binned (exact-zero weights, zero channels).
 *
 * <p>Kept as data so the counts a plot draws can be checked, and reused (e.g. printed) without reading the image.
 *
 * @param label    series name
 * @param edges    {@code bins + 1} increasing bin edges; bin {@code i} is {@code [edges[i], edges[i+1])}, the last bin
 *                 also holds {@code edges[bins]}
 * @param counts   values per bin
 * @param excluded values not binned (counted as zero)
 * @param total    all values of the series, binned or not
 */
public record HistogramData(String label, double[] edges, long[] counts, long excluded, long total) {

    public HistogramData {
        if (edges.length != counts.length + 1) {
            throw new IllegalArgumentException("edges must have counts.length + 1 entries");
        }
        edges = edges.clone();
        counts = counts.clone();
    }

    /**
     * Counts {@code values} into {@code bins} equal bins over {@code [lo, hi]}; values for which {@code exclude} holds
     * are only counted in {@link #excluded()}. Values outside {@code [lo, hi]} are rejected.
     */
    static HistogramData of(String label, double[] values, double lo, double hi, int bins,
                            DoublePredicate exclude) {
        if (!(hi > lo) || bins < 1) {
            throw new IllegalArgumentException("Need lo < hi and bins >= 1, got [" + lo + ", " + hi + "], " + bins);
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = lo + (hi - lo) * i / bins;
        }
        edges[bins] = hi;
        long[] counts = new long[bins];
        long excluded = 0;
        for (double v : values) {
            if (exclude.test(v)) {
                excluded++;
                continue;
            }
            if (v < lo || v > hi) {
                throw new IllegalArgumentException("Value " + v + " of '" + label + "' lies outside [" + lo + ", " + hi + "]");
            }
            int b = (int) Math.floor((v - lo) / (hi - lo) * bins);
            counts[Math.min(Math.max(b, 0), bins - 1)]++;
        }
        return new HistogramData(label, edges, counts, excluded, values.length);
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    public int bins() {
        return counts.length;
    }

    /** Share of all values that were not binned. */
    public double excludedShare() {
        return total == 0 ? 0 : (double) excluded / total;
    }

    /**
     * The outline of the bars as a polyline {x, y}: up the left edge of each bin, across its top, down at the end,
     * so a line or area series draws the histogram exactly (independent of any step interpretation by XChart).
     *
     * @param scale multiplies every count (e.g. {@code 1/total} for shares)
     */
    double[][] outline(double scale) {
        int n = counts.length;
        double[] x = new double[2 * n + 2];
        double[] y = new double[2 * n + 2];
        x[0] = edges[0];
        y[0] = 0;
        for (int i = 0; i < n; i++) {
            x[2 * i + 1] = edges[i];
            y[2 * i + 1] = counts[i] * scale;
            x[2 * i + 2] = edges[i + 1];
            y[2 * i + 2] = counts[i] * scale;
        }
        x[2 * n + 1] = edges[n];
        y[2 * n + 1] = 0;
        return new double[][]{x, y};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HistogramData h && h.label.equals(label) && Arrays.equals(h.edges, edges)
                && Arrays.equals(h.counts, counts) && h.excluded == excluded && h.total == total;
    }

    @Override
    public int hashCode() {
        return label.hashCode() * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "HistogramData[" + label + ", bins=" + counts.length + ", range=[" + edges[0] + ", " + edges[counts.length]
                + "], counts=" + Arrays.toString(counts) + ", excluded=" + excluded + ", total=" + total + "]";
    }
}
