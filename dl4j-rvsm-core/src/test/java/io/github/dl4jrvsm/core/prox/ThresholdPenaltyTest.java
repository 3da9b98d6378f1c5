package io.github.dl4jrvsm.core.prox;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lambda of {@link ThresholdPenalty#withZeroThreshold} makes the prox zero exactly the magnitudes at or below the
 * threshold: checked through the prox itself (tested against brute force elsewhere) on magnitudes just below and
 * just above, over random thresholds and betas that cover both branches of transformed l1.
 */
class ThresholdPenaltyTest {

    private static final double BELOW = 1 - 1e-9, ABOVE = 1 + 1e-7;

    private static final List<ThresholdPenalty> ELEMENTWISE = List.of(new L0Penalty(1e-3), new L1Penalty(1e-3),
            new TransformedL1Penalty(1e-3, 1.0), new TransformedL1Penalty(1e-3, 0.2), new TransformedL1Penalty(1e-3, 5));

    private static final List<ThresholdPenalty> GROUPED = List.of(new GroupL0Penalty(1e-3),
            new GroupLassoPenalty(1e-3, ChannelGrouping.INPUT), new GroupL0LassoPenalty(2e-3, 5e-4),
            new GroupL0LassoPenalty(0, 5e-4), new GroupL0LassoPenalty(2e-3, 0, ChannelGrouping.INPUT));

    @Test
    void elementwisePenaltiesZeroExactlyTheMagnitudesUpToTheThreshold() {
        Random r = new Random(11);
        for (ThresholdPenalty base : ELEMENTWISE) {
            for (int trial = 0; trial < 40; trial++) {
                double t = Math.exp(r.nextDouble() * 8 - 6), beta = Math.exp(r.nextDouble() * 8 - 4);
                ThresholdPenalty p = base.withZeroThreshold(t, beta);
                assertEquals(t, p.zeroThreshold(beta), 1e-12 * t, p + " at beta " + beta);
                INDArray w = Nd4j.createFromArray(t * BELOW, -t * BELOW, t * ABOVE, -t * ABOVE, 3 * t, 0.0);
                double[] u = p.prox(w, beta).toDoubleVector();
                String where = p + ", beta " + beta + ", threshold " + t;
                assertEquals(0, u[0], 0, where);
                assertEquals(0, u[1], 0, where);
                assertTrue(u[2] > 0 && u[3] < 0 && u[4] > 0, where + ": kept " + Arrays.toString(u));
                assertEquals(0, u[5], 0, where);
            }
        }
    }

    @Test
    void groupPenaltiesZeroExactlyTheGroupsWithNormsUpToTheThreshold() {
        Random r = new Random(12);
        for (ThresholdPenalty base : GROUPED) {
            ChannelGrouping grouping = ((GroupPenalty) base).getGrouping();
            for (int trial = 0; trial < 40; trial++) {
                double t = Math.exp(r.nextDouble() * 6 - 4), beta = Math.exp(r.nextDouble() * 6 - 3);
                ThresholdPenalty p = base.withZeroThreshold(t, beta);
                assertEquals(t, p.zeroThreshold(beta), 1e-12 * t, p + " at beta " + beta);
                double[] norms = {t * BELOW, t * ABOVE, 0.1 * t, 4 * t};
                INDArray w = withGroupNorms(norms, grouping, r);
                assertArrayEquals(norms, p.magnitudes(w), 1e-12 * t);
                double[] kept = GroupNorms.of(p.prox(w, beta), grouping).toDoubleVector();
                String where = p + ", beta " + beta + ", threshold " + t;
                assertEquals(0, kept[0], 0, where);
                assertTrue(kept[1] > 0, where);
                assertEquals(0, kept[2], 0, where);
                assertTrue(kept[3] > 0, where);
            }
        }
    }

    /** A dense weight {@code [3, 4]} whose groups (columns for OUTPUT, rows of a transposed one for INPUT) have these norms. */
    private static INDArray withGroupNorms(double[] norms, ChannelGrouping grouping, Random r) {
        INDArray w = Nd4j.create(DataType.DOUBLE, 3, norms.length);
        for (int g = 0; g < norms.length; g++) {
            INDArray column = Nd4j.createFromArray(r.nextGaussian(), r.nextGaussian(), r.nextGaussian());
            w.getColumn(g).assign(column.muli(norms[g] / column.norm2Number().doubleValue()));
        }
        return grouping == ChannelGrouping.OUTPUT ? w : w.transpose().dup();
    }

    @Test
    void aZeroThresholdIsLambdaZeroAndTheMixedPenaltyKeepsItsRatio() {
        for (ThresholdPenalty p : ELEMENTWISE) {
            assertEquals(0, p.withZeroThreshold(0, 0.5).lambda(), 0, p.toString());
        }
        GroupL0LassoPenalty mixed = new GroupL0LassoPenalty(2e-3, 5e-4).withZeroThreshold(0.7, 0.3);
        assertEquals(4, mixed.getLambda1() / mixed.getLambda2(), 1e-12);
        assertEquals(mixed.getLambda1(), mixed.lambda(), 0);
    }

    @Test
    void badArgumentsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new L0Penalty(1).withZeroThreshold(-1, 1));
        assertEquals("threshold must be a finite number >= 0, got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new L1Penalty(1).withZeroThreshold(1, 0));
        assertEquals("beta must be a finite number > 0, got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GroupL0LassoPenalty(0, 0).withZeroThreshold(1, 1));
        assertTrue(e.getMessage().contains("both are 0"), e.getMessage());
    }
}
