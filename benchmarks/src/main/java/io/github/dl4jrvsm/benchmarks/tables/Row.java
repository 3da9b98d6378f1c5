package io.github.dl4jrvsm.benchmarks.tables;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a table: its label, the hyper-parameter cells printed beside it, the {@code rvsm train} options of the
 * method (model, method, penalty; the budget adds the rest) and the dissertation's numbers for it.
 */
public record Row(String label, Map<String, String> params, List<String> method, Map<Metric, Double> dissertation) {

    public Row {
        params = new LinkedHashMap<>(params);
        method = List.copyOf(method);
        dissertation = dissertation.isEmpty() ? new EnumMap<>(Metric.class) : new EnumMap<>(dissertation);
    }

    /**
     * @param paramsAndMethod hyper-parameter cells as "name=value" strings, then the {@code rvsm train} options
     * @param reported        the dissertation's values in the order of the table's metrics (NaN where none)
     */
    static Row of(String label, List<String> paramsAndMethod, List<Metric> metrics, double... reported) {
        Map<String, String> params = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (String s : paramsAndMethod) {
            int eq = s.indexOf('=');
            if (!s.startsWith("--") && eq > 0) {
                params.put(s.substring(0, eq), s.substring(eq + 1));
            } else {
                rest.add(s);
            }
        }
        if (reported.length != 0 && reported.length != metrics.size()) {
            throw new IllegalArgumentException("row '" + label + "': " + reported.length + " reported values for "
                    + metrics.size() + " metrics " + metrics);
        }
        Map<Metric, Double> d = new EnumMap<>(Metric.class);
        for (int i = 0; i < reported.length; i++) {
            if (!Double.isNaN(reported[i])) {
                d.put(metrics.get(i), reported[i]);
            }
        }
        return new Row(label, params, rest, d);
    }
}
