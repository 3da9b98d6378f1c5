package io.github.dl4jrvsm.core.prox;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each element-wise prox must reach the minimum of lambda*P(u) + beta/2 (u-w)^2 found by brute force. */
class ElementwisePenaltyTest {

    private static final int SAMPLES = 400;

    private void assertMinimises(Penalty penalty, DoubleUnaryOperator scalarPenalty, double beta, long seed) {
        Random random = new Random(seed);
        double[] w = new double[SAMPLES];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextGaussian() * 0.3 * (random.nextBoolean() ? 1 : 0.1);
        }
        double[] u = penalty.prox(Nd4j.createFromArray(w), beta).toDoubleVector();
        int zeros = 0;
        for (int i = 0; i < w.length; i++) {
            double got = ScalarBruteForce.objective(scalarPenalty, u[i], w[i], beta);
            double best = ScalarBruteForce.minimum(scalarPenalty, w[i], beta);
            assertTrue(got <= best + 1e-9 * (1 + Math.abs(best)),
                    penalty + " at w=" + w[i] + ": prox " + u[i] + " has objective " + got + " > brute force " + best);
            zeros += u[i] == 0.0 ? 1 : 0;
        }
        assertTrue(zeros > 0 && zeros < w.length, "the sample should exercise both sides of the threshold: " + zeros);
    }

    @Test
    void l0IsHardThresholdingAndOptimal() {
        double lambda = 0.01, beta = 0.5;
        L0Penalty p = new L0Penalty(lambda);
        assertEquals(Math.sqrt(2 * lambda / beta), p.zeroThreshold(beta), 1e-15);
        assertMinimises(p, u -> u == 0 ? 0 : lambda, beta, 1);
    }

    @Test
    void l1IsSoftThresholdingAndOptimal() {
        double lambda = 0.02, beta = 0.4;
        assertMinimises(new L1Penalty(lambda), u -> lambda * Math.abs(u), beta, 2);
        INDArray u = new L1Penalty(1).prox(Nd4j.createFromArray(3.0, -0.5, -4.0), 2);
        assertArrayEquals(new double[]{2.5, 0.0, -3.5}, u.toDoubleVector(), 1e-12);
    }

    @Test
    void transformedL1IsOptimalInBothThresholdRegimes() {
        for (double a : new double[]{0.1, 1.0, 5.0}) {
            for (double lambda : new double[]{0.002, 0.05}) {
                double beta = 0.5;
                DoubleUnaryOperator tl1 = u -> lambda * (a + 1) * Math.abs(u) / (a + Math.abs(u));
                assertMinimises(new TransformedL1Penalty(lambda, a), tl1, beta, (long) (a * 100 + lambda * 1e4));
            }
        }
    }

    @Test
    void worksInSinglePrecisionToo() {
        INDArray w = Nd4j.createFromArray(0.5f, -0.05f, 0.25f, -0.9f);
        for (Penalty p : new Penalty[]{new L0Penalty(0.01), new L1Penalty(0.01), new TransformedL1Penalty(0.01)}) {
            INDArray u = p.prox(w, 0.5);
            assertEquals(DataType.FLOAT, u.dataType());
            INDArray ud = p.prox(w.castTo(DataType.DOUBLE), 0.5);
            assertArrayEquals(ud.toDoubleVector(), u.toDoubleVector(), 1e-5, p.toString());
        }
    }

    @Test
    void proxLeavesItsInputAlone() {
        INDArray w = Nd4j.createFromArray(0.5, -0.05, 0.2);
        INDArray copy = w.dup();
        new TransformedL1Penalty(0.05, 1).prox(w, 0.5);
        new L1Penalty(0.05).prox(w, 0.5);
        new L0Penalty(0.05).prox(w, 0.5);
        assertEquals(copy, w);
    }

    @Test
    void valuesAreThePenalties() {
        INDArray u = Nd4j.createFromArray(0.0, 2.0, -1.0);
        assertEquals(0.2, new L0Penalty(0.1).value(u), 1e-12);
        assertEquals(0.3, new L1Penalty(0.1).value(u), 1e-12);
        assertEquals(0.1 * (2 * 2 / 3.0 + 2 * 1 / 2.0), new TransformedL1Penalty(0.1, 1).value(u), 1e-12);
    }

    @Test
    void badHyperParametersAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new L1Penalty(-1));
        assertTrue(e.getMessage().contains("lambda") && e.getMessage().contains("-1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new L0Penalty(Double.NaN));
        e = assertThrows(IllegalArgumentException.class, () -> new TransformedL1Penalty(0.1, 0));
        assertTrue(e.getMessage().contains("a ") && e.getMessage().contains("> 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new L0Penalty(0.1).prox(Nd4j.ones(3), 0));
        assertTrue(e.getMessage().contains("beta"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new L1Penalty(0.1).prox(Nd4j.ones(3), -2));
    }
}
