package io.github.dl4jrvsm.core.admm;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A rho schedule changes the ADMM term from the configured iteration on; a constant one is the plain rho exactly. */
class AdmmRhoScheduleTest {

    private static final MagnitudeProjection HALF = MagnitudeProjection.elementwise(0.5);
    private static final INDArray W = Nd4j.create(new double[][]{{0.5, -0.01, 0.03}, {-0.2, 0.015, 0.4}})
            .castTo(DataType.DOUBLE);

    /** The gradient a fresh instance adds at {@code iteration} (no z/v update before 100 iterations). */
    private static INDArray applied(AdmmPruning a, int iteration) {
        INDArray grad = Nd4j.zerosLike(W);
        a.apply(W.dup(), grad, 0.1, iteration, 0);
        return grad;
    }

    @Test
    void rhoScheduleChangesTheTermAtTheConfiguredIteration() {
        AdmmPruning scheduled = new AdmmPruning(HALF, 1e-2, 100, 1000)
                .withRhoSchedule(new MapSchedule(ScheduleType.ITERATION, Map.of(0, 1e-2, 3, 0.5)));
        assertEquals(applied(new AdmmPruning(HALF, 1e-2, 100, 1000), 2), applied(scheduled, 2));
        assertEquals(applied(new AdmmPruning(HALF, 0.5, 100, 1000), 3), applied(scheduled.clone(), 3));
    }

    @Test
    void constantScheduleIsThePlainRhoExactly() {
        AdmmPruning plain = new AdmmPruning(HALF, 1e-2, 100, 1000);
        AdmmPruning constant = plain.withRhoSchedule(new FixedSchedule(1e-2));
        assertEquals(applied(plain, 4), applied(constant, 4));
        assertEquals(plain.score(W.dup(), 4, 0), constant.score(W.dup(), 4, 0));
    }
}
