package io.github.dl4jrvsm.core.internal;

import java.util.function.Supplier;

/**
 * The argument checks of the library. Each returns its argument, so that a constructor can check and assign in one
 * statement, and throws an {@link IllegalArgumentException} whose message names the argument, shows the value that was
 * passed and says what would have been accepted: a wrong set-up is then found from the message alone.
 *
 * <p>"Finite" is part of the numeric checks on purpose: an infinite step size or penalty weight passes a plain
 * comparison and only shows up later as NaN weights, far from its cause.
 */
public final class Validate {

    private Validate() {
    }

    /**
     * A finite number {@code > 0}.
     *
     * @throws IllegalArgumentException for 0, negative numbers, NaN and infinities
     */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    /**
     * A finite number {@code >= 0}.
     *
     * @throws IllegalArgumentException for negative numbers, NaN and infinities
     */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /**
     * A number {@code >= 0}, positive infinity included (e.g. a margin that can never be reached).
     *
     * @throws IllegalArgumentException for negative numbers and NaN
     */
    public static double atLeastZero(String name, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    /** A count {@code >= 0}. */
    public static int atLeastZero(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    /** A count {@code >= 1}. */
    public static int atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
        return value;
    }

    /**
     * A number inside an interval. The caller tests membership, because the intervals differ in which ends are open,
     * and describes the interval for the message.
     *
     * @param inRange whether {@code value} lies in the interval (false for NaN when written as comparisons)
     * @param range   the interval as the user should read it, e.g. {@code "[0, 1)"}, optionally followed by what it
     *                means
     */
    public static double inRange(String name, double value, boolean inRange, String range) {
        if (!inRange) {
            throw new IllegalArgumentException(name + " must be in " + range + ", got " + value);
        }
        return value;
    }

    /** {@link #inRange(String, double, boolean, String)} for whole numbers, which print without a decimal point. */
    public static long inRange(String name, long value, boolean inRange, String range) {
        if (!inRange) {
            throw new IllegalArgumentException(name + " must be in " + range + ", got " + value);
        }
        return value;
    }

    /**
     * A value that must be given.
     *
     * @param valid what would have been accepted, e.g. {@code "OUTPUT or INPUT"}
     */
    public static <T> T notNull(String name, T value, String valid) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be " + valid + ", got null");
        }
        return value;
    }

    /**
     * A condition that no other check here expresses. The message is built only on failure, so that checks on hot
     * paths cost nothing when they pass.
     */
    public static void check(boolean valid, Supplier<String> message) {
        if (!valid) {
            throw new IllegalArgumentException(message.get());
        }
    }

    /** A non-null vector of finite entries, of length {@code >= 1}. */
    public static double[] finiteVector(String name, double[] v) {
        if (v == null) {
            throw new IllegalArgumentException(name + " must be a vector of finite numbers, got null");
        }
        if (v.length == 0) {
            throw new IllegalArgumentException(name + " must have length >= 1, got an empty vector");
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + " must contain finite numbers only, got " + v[i]
                        + " at index " + i);
            }
        }
        return v;
    }

    /**
     * A finite vector of exactly {@code length} entries.
     *
     * @param lengthMeaning what the length stands for, e.g. {@code "the patch size d"}
     */
    public static double[] vectorOfLength(String name, double[] v, int length, String lengthMeaning) {
        finiteVector(name, v);
        if (v.length != length) {
            throw new IllegalArgumentException(name + " must have length " + length + " (" + lengthMeaning + "), got "
                    + v.length);
        }
        return v;
    }

    /** A finite vector with a non-zero entry: needed wherever a direction (an angle or a unit vector) is taken. */
    public static double[] nonZeroVector(String name, double[] v) {
        finiteVector(name, v);
        for (double x : v) {
            if (x != 0) {
                return v;
            }
        }
        throw new IllegalArgumentException(name + " must be a non-zero vector (its direction is needed), got the "
                + "zero vector of length " + v.length);
    }

    /**
     * Two vectors of equal length.
     *
     * @param names both names as the message should say them, e.g. {@code "u and v"}
     */
    public static void sameLength(String names, double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(names + " must have the same length, got " + a.length + " and "
                    + b.length);
        }
    }
}
