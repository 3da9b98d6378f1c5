package io.github.dl4jrvsm.theory;

/**
 * Argument checks of the theory package. Each failure is an {@link IllegalArgumentException} whose message names the
 * argument, the value that was passed and what would have been accepted, so that a wrong experiment set-up is found
 * from the message alone.
 */
final class Arguments {

    private Arguments() {
    }

    static int atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
        return value;
    }

    static int atLeastZero(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** A non-null vector of finite entries (length {@code >= 1}). */
    static double[] finiteVector(String name, double[] v) {
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

    /** A finite vector of exactly {@code length} entries. */
    static double[] vectorOfLength(String name, double[] v, int length) {
        finiteVector(name, v);
        if (v.length != length) {
            throw new IllegalArgumentException(name + " must have length " + length + " (the patch size d), got "
                    + v.length);
        }
        return v;
    }

    /** A finite, non-zero vector: needed wherever a direction (an angle or a unit vector) is taken. */
    static double[] direction(String name, double[] v) {
        finiteVector(name, v);
        if (Vectors.norm(v) == 0) {
            throw new IllegalArgumentException(name + " must be a non-zero vector (its direction is needed), got the "
                    + "zero vector of length " + v.length);
        }
        return v;
    }

    static <T> T notNull(String name, T value, String valid) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be " + valid + ", got null");
        }
        return value;
    }
}
