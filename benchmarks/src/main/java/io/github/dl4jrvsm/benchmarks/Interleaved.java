package io.github.dl4jrvsm.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times several variants of one operation in rounds, each round running every variant once in turn, so that a slow
 * moment of a noisy machine hits all variants alike; ratios are taken between medians.
 */
final class Interleaved {

    private final Map<String, Runnable> variants = new LinkedHashMap<>();
    private final Map<String, List<Double>> millis = new LinkedHashMap<>();

    Interleaved add(String name, Runnable body) {
        variants.put(name, body);
        millis.put(name, new ArrayList<>());
        return this;
    }

    /** Runs {@code warmup} untimed rounds, then {@code rounds} timed ones. */
    Interleaved run(int warmup, int rounds) {
        for (int r = 0; r < warmup + rounds; r++) {
            for (Map.Entry<String, Runnable> v : variants.entrySet()) {
                long t = System.nanoTime();
                v.getValue().run();
                if (r >= warmup) {
                    millis.get(v.getKey()).add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        return this;
    }

    double median(String name) {
        double[] a = millis.get(name).stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    double ratio(String name, String baseline) {
        return median(name) / median(baseline);
    }
}
