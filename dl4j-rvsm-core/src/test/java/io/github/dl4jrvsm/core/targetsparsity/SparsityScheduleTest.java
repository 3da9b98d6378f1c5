package io.github.dl4jrvsm.core.targetsparsity;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ScheduleType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The ramp against Zhu and Gupta's formula and hand-computed values, in both units, and its argument checks. */
class SparsityScheduleTest {

    /** Zhu and Gupta (2017), eq. 1: s_t = s_f + (s_i - s_f)(1 - (t - t0)/(n dt))^3 for t0 <= t <= t0 + n dt. */
    private static double zhuGupta(double si, double sf, double t0, double nDt, double t) {
        double clamped = Math.min(Math.max(t, t0), t0 + nDt);
        return sf + (si - sf) * Math.pow(1 - (clamped - t0) / nDt, 3);
    }

    @Test
    void theCubicRampFollowsTheFormulaOverIterations() {
        SparsitySchedule s = SparsitySchedule.iterations(10, 50).withInitialSparsity(0.1);
        for (int t = 0; t <= 70; t++) {
            assertEquals(zhuGupta(0.1, 0.9, 10, 40, t), s.sparsityAt(0.9, t, 99), 1e-12, "iteration " + t);
        }
    }

    @Test
    void handComputedPointsOfTheDefaultRamp() {
        SparsitySchedule s = SparsitySchedule.iterations(0, 100);
        assertEquals(0.0, s.sparsityAt(0.8, 0, 0), 0);
        assertEquals(0.8 * (1 - 0.125), s.sparsityAt(0.8, 50, 0), 1e-15);    // half way: 1 - (1/2)^3 of the target
        assertEquals(0.8 * (1 - 0.001), s.sparsityAt(0.8, 90, 0), 1e-15);
        assertEquals(0.8, s.sparsityAt(0.8, 100, 0), 0);
        assertEquals(0.8, s.sparsityAt(0.8, 100_000, 0), 0);
    }

    @Test
    void epochsMoveTheRampOncePerEpochAndIgnoreTheIteration() {
        SparsitySchedule s = SparsitySchedule.epochs(1, 4);
        assertEquals(ScheduleType.EPOCH, s.unit());
        for (int e = 0; e <= 6; e++) {
            double expected = zhuGupta(0, 0.6, 1, 3, e);
            assertEquals(expected, s.sparsityAt(0.6, 0, e), 1e-12, "epoch " + e);
            assertEquals(expected, s.sparsityAt(0.6, 12_345, e), 1e-12, "epoch " + e);
        }
        assertEquals(0.6 * (1 - 8.0 / 27), s.sparsityAt(0.6, 0, 2), 1e-15);
    }

    @Test
    void otherExponentsAndAStepWithoutRamp() {
        SparsitySchedule linear = SparsitySchedule.iterations(0, 10).withExponent(1);
        assertEquals(0.45, linear.sparsityAt(0.9, 5, 0), 1e-15);
        SparsitySchedule step = SparsitySchedule.iterations(5, 5).withInitialSparsity(0.2);
        assertEquals(0.2, step.sparsityAt(0.7, 4, 0), 0);
        assertEquals(0.7, step.sparsityAt(0.7, 5, 0), 0);
    }

    @Test
    void badSettingsAreRefusedWithTheirValue() {
        assertEquals("end must be >= start (5), got 4",
                assertThrows(IllegalArgumentException.class, () -> SparsitySchedule.iterations(5, 4)).getMessage());
        assertEquals("start must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> SparsitySchedule.epochs(-1, 4)).getMessage());
        assertEquals("initialSparsity must be in [0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> SparsitySchedule.epochs(0, 4).withInitialSparsity(1)).getMessage());
        assertEquals("exponent must be a finite number > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> SparsitySchedule.epochs(0, 4).withExponent(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparsitySchedule.cubic(null, 0, 4));
    }
}
