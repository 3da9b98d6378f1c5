package io.github.dl4jrvsm.cli.plots;

import java.util.Map;

/**
 * How a plot calls its series in error messages, and the checks every plot makes before it adds one, so that all
 * plots reject a blank name, a name already used and a series without data in the same words.
 *
 * @param field     the name's role when it is blank ("label must not be empty")
 * @param duplicate the name's role when it is used twice ("Duplicate series label 'x'")
 * @param subject   how a message about the series' data starts ("Series 'x' has no ...")
 */
record SeriesName(String field, String duplicate, String subject) {

    /** A series named by a free label. */
    static final SeriesName LABEL = new SeriesName("label", "series label", "Series");
    /** A series named by its training method (the frontier plot). */
    static final SeriesName METHOD = new SeriesName("method", "method", "Method");

    /**
     * Checks that {@code name} is not blank and not a key of {@code series} yet, and that the series has data.
     *
     * @param noData what the series lacks when {@code empty} holds, e.g. "points"
     */
    void requireNew(Map<String, ?> series, String name, boolean empty, String noData) {
        Plot.requireText(name, field);
        if (series.containsKey(name)) {
            throw new IllegalArgumentException("Duplicate " + duplicate + " '" + name + "'");
        }
        if (empty) {
            throw new IllegalArgumentException(subject + " '" + name + "' has no " + noData);
        }
    }
}
