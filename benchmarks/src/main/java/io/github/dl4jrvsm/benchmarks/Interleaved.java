package io.github.dl4jrvsm.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times several variants of one operation in rounds, each round running every variant once in turn, so that a slow
 * moment of a noisy machine hits all variants alike.
 *
 * <p>The order rotates by one position every round: on the project's 2-core VM the variant that ran first in a round
 * was measured up to 10% slower or faster than the same work run later, which a fixed order turns into a fake
 * overhead. {@link #ratio} is the median over rounds of the per-round ratio (a paired comparison), which cancels the
 * machine's slow drifts better than a ratio of two medians.
 */
final class Interleaved {

    private final Map<String, Runnable> variants = new LinkedHashMap<>();
    private final Map<String, List<Double>> millis = new LinkedHashMap<>();

    Interleaved add(String name, Runnable body) {
        variants.put(name, body);
        millis.put(name, new ArrayList<>());
        return this;
    }

    /** Runs {@code warmup} untimed rounds, then {@code rounds} timed ones, rotating the order every round. */
    Interleaved run(int warmup, int rounds) {
        List<Map.Entry<String, Runnable>> order = new ArrayList<>(variants.entrySet());
        for (int r = 0; r < warmup + rounds; r++) {
            for (int i = 0; i < order.size(); i++) {
                Map.Entry<String, Runnable> v = order.get((i + r) % order.size());
                long t = System.nanoTime();
                v.getValue().run();
                if (r >= warmup) {
                    millis.get(v.getKey()).add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        return this;
    }

    /** One line per variant with its time in every timed round, so a reader can see what the medians hide. */
    String rounds() {
        StringBuilder out = new StringBuilder();
        millis.forEach((name, times) -> {
            out.append(name).append(':');
            times.forEach(t -> out.append(String.format(Locale.ROOT, " %.0f", t)));
            out.append(System.lineSeparator());
        });
        return out.toString();
    }

    double median(String name) {
        return median(millis.get(name).stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * {@code min time(name) / min time(baseline)}. Where a variant allocates heavily (a backward pass per call) single
     * rounds were measured up to 3x slower on a quiet machine, off-heap deallocation stalls landing on either side at
     * random; the fastest round of each is then the better estimate of the work itself than any paired median.
     */
    double ratioOfMinima(String name, String baseline) {
        return minimum(name) / minimum(baseline);
    }

    double minimum(String name) {
        return millis.get(name).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** Median over rounds of {@code time(name) / time(baseline)} in the same round. */
    double ratio(String name, String baseline) {
        List<Double> a = millis.get(name), b = millis.get(baseline);
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i) / b.get(i);
        }
        return median(r);
    }

    private static double median(double[] a) {
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
