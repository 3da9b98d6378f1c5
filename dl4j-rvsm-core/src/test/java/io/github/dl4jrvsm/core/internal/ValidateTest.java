package io.github.dl4jrvsm.core.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each check passes its argument through when it is valid and otherwise fails with the exact documented message. */
class ValidateTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void positiveAcceptsFiniteNumbersAboveZero() {
        assertEquals(Double.MIN_VALUE, Validate.positive("beta", Double.MIN_VALUE));
        assertEquals(Double.MAX_VALUE, Validate.positive("beta", Double.MAX_VALUE));
        assertRejected("beta must be a finite number > 0, got 0.0", () -> Validate.positive("beta", 0));
        assertRejected("beta must be a finite number > 0, got -0.0", () -> Validate.positive("beta", -0.0));
        assertRejected("beta must be a finite number > 0, got -1.5", () -> Validate.positive("beta", -1.5));
        assertRejected("beta must be a finite number > 0, got NaN", () -> Validate.positive("beta", NAN));
        assertRejected("beta must be a finite number > 0, got Infinity", () -> Validate.positive("beta", INF));
        assertRejected("beta must be a finite number > 0, got -Infinity", () -> Validate.positive("beta", -INF));
    }

    @Test
    void nonNegativeAcceptsFiniteNumbersFromZero() {
        assertEquals(0.0, Validate.nonNegative("lambda", 0));
        assertEquals(-0.0, Validate.nonNegative("lambda", -0.0));
        assertEquals(Double.MAX_VALUE, Validate.nonNegative("lambda", Double.MAX_VALUE));
        assertRejected("lambda must be a finite number >= 0, got -1.0E-300",
                () -> Validate.nonNegative("lambda", -1e-300));
        assertRejected("lambda must be a finite number >= 0, got NaN", () -> Validate.nonNegative("lambda", NAN));
        assertRejected("lambda must be a finite number >= 0, got Infinity", () -> Validate.nonNegative("lambda", INF));
        assertRejected("lambda must be a finite number >= 0, got -Infinity",
                () -> Validate.nonNegative("lambda", -INF));
    }

    @Test
    void atLeastZeroAcceptsInfinityButNotNaN() {
        assertEquals(0.0, Validate.atLeastZero("kappa", 0.0));
        assertEquals(INF, Validate.atLeastZero("kappa", INF));
        assertRejected("kappa must be >= 0, got -0.5", () -> Validate.atLeastZero("kappa", -0.5));
        assertRejected("kappa must be >= 0, got NaN", () -> Validate.atLeastZero("kappa", NAN));
        assertRejected("kappa must be >= 0, got -Infinity", () -> Validate.atLeastZero("kappa", -INF));
    }

    @Test
    void countsHaveTheirLowerBound() {
        assertEquals(0, Validate.atLeastZero("iterations", 0));
        assertEquals(Integer.MAX_VALUE, Validate.atLeastZero("iterations", Integer.MAX_VALUE));
        assertRejected("iterations must be >= 0, got -1", () -> Validate.atLeastZero("iterations", -1));
        assertEquals(1, Validate.atLeastOne("steps", 1));
        assertRejected("steps must be >= 1, got 0", () -> Validate.atLeastOne("steps", 0));
        assertRejected("steps must be >= 1, got -2147483648", () -> Validate.atLeastOne("steps", Integer.MIN_VALUE));
    }

    @Test
    void inRangeTrustsTheCallersTestAndPrintsTheRange() {
        assertEquals(0.5, Validate.inRange("p", 0.5, true, "[0, 1)"));
        assertRejected("p must be in [0, 1) (a share), got 1.0", () -> Validate.inRange("p", 1.0, false,
                "[0, 1) (a share)"));
        double nan = NAN;
        assertRejected("p must be in [0, 1), got NaN", () -> Validate.inRange("p", nan, nan >= 0 && nan < 1,
                "[0, 1)"));
        assertEquals(3L, Validate.inRange("k", 3L, true, "[1, 3]"));
        assertRejected("k must be in [1, 3], got 4", () -> Validate.inRange("k", 4L, false, "[1, 3]"));
    }

    @Test
    void notNullNamesWhatWouldBeValid() {
        Object value = new Object();
        assertSame(value, Validate.notNull("grouping", value, "OUTPUT or INPUT"));
        assertRejected("grouping must be OUTPUT or INPUT, got null",
                () -> Validate.notNull("grouping", null, "OUTPUT or INPUT"));
    }

    @Test
    void checkBuildsTheMessageOnlyOnFailure() {
        assertDoesNotThrow(() -> Validate.check(true, () -> {
            throw new AssertionError("message built for a passing check");
        }));
        assertRejected("shape must have rank >= 2", () -> Validate.check(false, () -> "shape must have rank >= 2"));
    }

    @Test
    void finiteVectorRejectsNullEmptyAndNonFiniteEntries() {
        double[] v = {1, -2, 0};
        assertSame(v, Validate.finiteVector("w", v));
        assertRejected("w must be a vector of finite numbers, got null", () -> Validate.finiteVector("w", null));
        assertRejected("w must have length >= 1, got an empty vector", () -> Validate.finiteVector("w", new double[0]));
        assertRejected("w must contain finite numbers only, got NaN at index 1",
                () -> Validate.finiteVector("w", new double[]{1, NAN}));
        assertRejected("w must contain finite numbers only, got -Infinity at index 0",
                () -> Validate.finiteVector("w", new double[]{-INF, 1}));
    }

    @Test
    void vectorOfLengthChecksEntriesThenLength() {
        double[] v = {1, 2};
        assertSame(v, Validate.vectorOfLength("w", v, 2, "the patch size d"));
        assertRejected("w must have length 3 (the patch size d), got 2",
                () -> Validate.vectorOfLength("w", v, 3, "the patch size d"));
        assertRejected("w must contain finite numbers only, got Infinity at index 0",
                () -> Validate.vectorOfLength("w", new double[]{INF}, 3, "the patch size d"));
    }

    @Test
    void nonZeroVectorNeedsOneNonZeroEntry() {
        double[] tiny = {0, Double.MIN_VALUE};
        assertArrayEquals(tiny, Validate.nonZeroVector("w", tiny));
        assertRejected("w must be a non-zero vector (its direction is needed), got the zero vector of length 2",
                () -> Validate.nonZeroVector("w", new double[]{0, -0.0}));
        assertRejected("w must contain finite numbers only, got NaN at index 0",
                () -> Validate.nonZeroVector("w", new double[]{NAN}));
    }

    @Test
    void sameLengthNamesBothVectors() {
        assertDoesNotThrow(() -> Validate.sameLength("u and v", new double[2], new double[2]));
        assertRejected("u and v must have the same length, got 1 and 2",
                () -> Validate.sameLength("u and v", new double[1], new double[2]));
    }
}
