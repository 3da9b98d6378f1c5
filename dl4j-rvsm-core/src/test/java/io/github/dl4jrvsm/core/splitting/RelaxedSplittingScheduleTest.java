package io.github.dl4jrvsm.core.splitting;

import io.github.dl4jrvsm.core.prox.L1Penalty;
import io.github.dl4jrvsm.core.prox.Penalty;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schedules for beta and lambda: the applied splitting term follows them from the configured iteration on, a constant
 * schedule is bit-identical to the plain value, and the export uses the last step's values.
 */
class RelaxedSplittingScheduleTest {

    private static final Penalty PENALTY = new L1Penalty(0.02);
    private static final INDArray W = Nd4j.create(new double[][]{{0.5, -0.01, 0.03}, {-0.2, 0.015, 0.0}})
            .castTo(DataType.DOUBLE);

    private static INDArray applied(RelaxedSplitting r, int iteration) {
        INDArray grad = Nd4j.zerosLike(W);
        r.apply(W.dup(), grad, 0.1, iteration, 0);
        return grad;
    }

    private static MapSchedule twoSteps(double first, double fromFive) {
        return new MapSchedule(ScheduleType.ITERATION, Map.of(0, first, 5, fromFive));
    }

    @Test
    void betaScheduleChangesTheSplittingTermAtTheConfiguredIteration() {
        RelaxedSplitting scheduled = new RelaxedSplitting(PENALTY, 0.5).withBetaSchedule(twoSteps(0.5, 2.0));
        assertEquals(applied(new RelaxedSplitting(PENALTY, 0.5), 4), applied(scheduled, 4));
        assertEquals(applied(new RelaxedSplitting(PENALTY, 2.0), 5), applied(scheduled, 5));
        assertNotEquals(applied(scheduled, 4), applied(scheduled, 5));
    }

    @Test
    void lambdaScaleMovesTheProxThresholdAtTheConfiguredIteration() {
        RelaxedSplitting scheduled = new RelaxedSplitting(PENALTY, 0.5).withLambdaScale(twoSteps(1.0, 3.0));
        assertEquals(applied(new RelaxedSplitting(PENALTY, 0.5), 4), applied(scheduled, 4));
        // soft threshold lambda*s/beta: 0.04 before, 0.12 from iteration 5 on, as for a penalty three times as large
        INDArray tripled = applied(new RelaxedSplitting(new L1Penalty(0.06), 0.5), 5);
        assertTrue(tripled.equalsWithEps(applied(scheduled, 5), 1e-12));
        assertEquals(3 * PENALTY.value(W), new RelaxedSplitting(PENALTY, 1e9).withLambdaScale(new FixedSchedule(3))
                .score(W.dup(), 0, 0), 1e-6);
    }

    @Test
    void aZeroLambdaScaleLeavesTheWeightsAlone() {
        RelaxedSplitting off = new RelaxedSplitting(PENALTY, 0.5).withLambdaScale(new FixedSchedule(0));
        assertEquals(Nd4j.zerosLike(W), applied(off, 0));
        assertEquals(W, off.sparseWeights(W));
    }

    @Test
    void constantSchedulesAreExactlyThePlainValues() {
        RelaxedSplitting plain = new RelaxedSplitting(PENALTY, 0.5);
        RelaxedSplitting constant = plain.withBetaSchedule(new FixedSchedule(0.5)).withLambdaScale(new FixedSchedule(1));
        assertEquals(applied(plain, 3), applied(constant, 3));
        assertEquals(plain.score(W.dup(), 3, 0), constant.score(W.dup(), 3, 0));
        assertEquals(plain.sparseWeights(W), constant.sparseWeights(W));
        assertNotEquals(plain, constant);
    }

    @Test
    void sparseWeightsUseTheLastStepSeen() {
        RelaxedSplitting scheduled = new RelaxedSplitting(PENALTY, 0.5).withBetaSchedule(twoSteps(0.5, 0.05));
        assertEquals(new RelaxedSplitting(PENALTY, 0.5).sparseWeights(W), scheduled.sparseWeights(W));
        applied(scheduled, 7);
        assertEquals(new RelaxedSplitting(PENALTY, 0.05).sparseWeights(W), scheduled.sparseWeights(W));
    }

    @Test
    void aScheduleOutsideTheRangeIsRefusedWithItsValue() {
        RelaxedSplitting negative = new RelaxedSplitting(PENALTY, 0.5).withBetaSchedule(twoSteps(0.5, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> applied(negative, 5));
        assertTrue(e.getMessage().contains("beta must be a finite number > 0, got -1.0"), e.getMessage());
        assertTrue(e.getMessage().contains("iteration 5"), e.getMessage());
    }
}
