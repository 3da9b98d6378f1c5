package io.github.dl4jrvsm.benchmarks.frontier;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontierComparisonTest {

    private static FrontierPoint p(double sparsity, double accuracy) {
        return new FrontierPoint("m", "s", sparsity, 0, accuracy, Double.NaN, 0);
    }

    @Test
    void gapsAreMeasuredAgainstTheLinearInterpolationAtTheSameSparsity() {
        // ADMM: accuracy falls linearly from 0.9 at 50% to 0.7 at 90%
        List<FrontierPoint> admm = List.of(p(0.9, 0.7), p(0.5, 0.9), p(0.7, 0.8));
        List<FrontierPoint> rvsm = List.of(p(0.6, 0.9), p(0.8, 0.7), p(0.95, 0.6), p(0.2, 0.95));
        FrontierComparison c = FrontierComparison.of("RVSM", rvsm, "ADMM", admm, FrontierPoint::accuracy);
        assertEquals(2, c.gaps().size());
        assertEquals(2, c.outside(), "0.2 and 0.95 lie outside ADMM's range and are not extrapolated");
        assertEquals(0.9 - 0.85, c.gaps().get(0)[1], 1e-12);
        assertEquals(0.7 - 0.75, c.gaps().get(1)[1], 1e-12);
        assertEquals(0.0, c.meanGap(), 1e-12);
        assertEquals(1, c.above());
        assertTrue(c.summary().contains("2 of its points are outside"), c.summary());
    }

    @Test
    void aCurveEntirelyAboveIsReportedAsAbove() {
        List<FrontierPoint> admm = List.of(p(0.5, 0.8), p(0.9, 0.6));
        FrontierComparison c = FrontierComparison.of("RVSM", List.of(p(0.6, 0.85), p(0.85, 0.8)), "ADMM", admm,
                FrontierPoint::accuracy);
        assertTrue(c.meanGap() > 0);
        assertTrue(c.summary().startsWith("RVSM lies above ADMM at 2 of 2"), c.summary());
        assertThrows(IllegalArgumentException.class, () -> FrontierComparison.of("a", admm, "b", List.of(),
                FrontierPoint::accuracy));
    }
}
