package io.github.dl4jrvsm.core.prox;

/** Argument checks shared by the penalties; each names the bad value and what would be valid. */
final class Checks {

    private Checks() {
    }

    static double lambda(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    static ChannelGrouping grouping(ChannelGrouping grouping) {
        if (grouping == null) {
            throw new IllegalArgumentException("grouping must be OUTPUT or INPUT, got null");
        }
        return grouping;
    }
}
