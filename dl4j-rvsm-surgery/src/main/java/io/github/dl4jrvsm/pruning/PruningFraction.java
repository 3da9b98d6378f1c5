package io.github.dl4jrvsm.pruning;

/**
 * The one check for a pruning fraction or per-layer pruning rate: a number in {@code [0, 1)}.
 *
 * <p>Why 1 is excluded: pruning every channel would leave a layer (or, for slimming, the whole network) without
 * output channels, which no DL4J layer accepts; 0 is allowed and removes nothing, which is useful as a control.
 */
final class PruningFraction {

    private PruningFraction() {
    }

    /** {@code value} if it is in {@code [0, 1)}, otherwise an exception naming {@code what} and the value. */
    static double require(String what, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1) (the fraction of channels removed), got "
                    + value);
        }
        return value;
    }
}
