package io.github.dl4jrvsm.theory;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The binarized model: {@code f = k theta / pi} and the expected coarse gradient (3.23) against sampling. */
class BinarizedNonOverlapNetworkTest {

    private static final int K = TheoryFixtures.K;
    private static final int D = TheoryFixtures.D;
    private static final int SAMPLES = 200_000;

    @Test
    void lossAndExpectedCoarseGradientMatchMonteCarlo() {
        Random random = new Random(99);
        double[] teacher = TheoryFixtures.sparseTeacher();
        BinarizedNonOverlapNetwork net = new BinarizedNonOverlapNetwork(K, teacher);
        double[] generic = TheoryFixtures.gaussian(random, D);
        double[] obtuse = Vectors.combine(-0.9, teacher, 0.3, TheoryFixtures.gaussian(random, D));
        double[] close = Vectors.combine(1, teacher, 0.15, TheoryFixtures.gaussian(random, D));
        double[][] ws = {generic, Vectors.scale(3, obtuse), close};

        TheoryFixtures.MeanEstimate[] loss = new TheoryFixtures.MeanEstimate[ws.length];
        TheoryFixtures.MeanEstimate[][] grad = new TheoryFixtures.MeanEstimate[ws.length][D];
        for (int j = 0; j < ws.length; j++) {
            loss[j] = new TheoryFixtures.MeanEstimate();
            for (int i = 0; i < D; i++) {
                grad[j][i] = new TheoryFixtures.MeanEstimate();
            }
        }
        double[][] z = new double[K][D];
        for (int s = 0; s < SAMPLES; s++) {
            for (double[] row : z) {
                TheoryFixtures.fillGaussian(random, row);
            }
            for (int j = 0; j < ws.length; j++) {
                loss[j].add(net.sampleLoss(z, ws[j]));
                double[] g = net.coarseGradient(z, ws[j]);
                for (int i = 0; i < D; i++) {
                    grad[j][i].add(g[i]);
                }
            }
        }
        for (int j = 0; j < ws.length; j++) {
            double theta = net.angleToTeacher(ws[j]);
            assertEquals(K * theta / Math.PI, net.loss(ws[j]), 1e-15);
            assertEquals(net.loss(ws[j]), loss[j].mean(), 4.5 * loss[j].standardError(), "loss, w #" + j);
            double[] expected = net.expectedCoarseGradient(ws[j]);
            double worstError = 0;
            for (int i = 0; i < D; i++) {
                double se = grad[j][i].standardError();
                assertEquals(expected[i], grad[j][i].mean(), 4.5 * se, "coarse gradient, w #" + j + ", entry " + i);
                worstError = Math.max(worstError, 4.5 * se);
            }
            // a missing sqrt(2/pi) would move the largest entries by about 12% of |E g|: the margin must be smaller
            assertTrue(worstError < 0.05 * Vectors.norm(expected),
                    "w #" + j + ": Monte-Carlo error " + worstError + " too large for |E g| = " + Vectors.norm(expected));
        }
    }

    @Test
    void closedFormIsEq323AsPrinted() {
        Random random = new Random(3);
        double[] teacher = TheoryFixtures.sparseTeacher();
        BinarizedNonOverlapNetwork net = new BinarizedNonOverlapNetwork(K, Vectors.scale(2.5, teacher));
        for (int trial = 0; trial < 10; trial++) {
            double[] w = Vectors.scale(0.1 + trial, TheoryFixtures.gaussian(random, D));
            double[] unitW = Vectors.unit(w);
            double theta = Vectors.angle(w, teacher);
            double[] sum = Vectors.combine(1, unitW, 1, teacher);
            double[] printed = Vectors.scale(K / Math.PI,
                    Vectors.combine(1, unitW, -Math.cos(theta / 2) / Vectors.norm(sum), sum));
            assertArrayEquals(printed, net.expectedCoarseGradient(w), 1e-14, "trial " + trial);
        }
        // theta = pi, where (3.23) is 0/0: the limit is (k / pi) w/|w|
        assertArrayEquals(Vectors.scale(K / Math.PI, Vectors.scale(-1, teacher)),
                net.expectedCoarseGradient(Vectors.scale(-3, teacher)), 1e-15);
    }

    @Test
    void trueGradientOfKThetaOverPiMatchesFiniteDifferencesAndIsTwiceEq322() {
        Random random = new Random(8);
        double[] teacher = TheoryFixtures.sparseTeacher();
        BinarizedNonOverlapNetwork net = new BinarizedNonOverlapNetwork(K, teacher);
        double h = 1e-6;
        for (int trial = 0; trial < 5; trial++) {
            double[] w = Vectors.scale(0.5 + trial * 0.3, TheoryFixtures.gaussian(random, D));
            double[] numeric = new double[D];
            for (int i = 0; i < D; i++) {
                double[] plus = w.clone();
                double[] minus = w.clone();
                plus[i] += h;
                minus[i] -= h;
                numeric[i] = (net.loss(plus) - net.loss(minus)) / (2 * h);
            }
            double[] gradient = net.lossGradient(w);
            assertArrayEquals(numeric, gradient, 1e-7, "trial " + trial);
            // eq. (3.22) as printed: -(k / (2 pi |w|)) P w* / |P w*|, with P the projection orthogonal to w
            double[] unitW = Vectors.unit(w);
            double[] orthogonal = Vectors.combine(1, teacher, -Vectors.dot(teacher, unitW), unitW);
            double[] printed = Vectors.scale(-K / (2 * Math.PI * Vectors.norm(w) * Vectors.norm(orthogonal)), orthogonal);
            assertArrayEquals(Vectors.scale(2, printed), gradient, 1e-12, "trial " + trial);
            // Lemma 2, qualitatively: the expected coarse gradient is a descent direction for f
            assertTrue(Vectors.dot(net.expectedCoarseGradient(w), gradient) > 0, "trial " + trial);
        }
    }

    @Test
    void coarseGradientSumsPatchesWhereOnlyTheStudentFires() {
        BinarizedNonOverlapNetwork net = new BinarizedNonOverlapNetwork(2, new double[]{1, 0});
        double[][] z = {{-1, 2}, {1, 1}};
        double[] w = {0, 1};
        // row 0: student fires (2 > 0), teacher does not (-1) -> contributes; row 1: both fire -> nothing
        assertArrayEquals(new double[]{-Math.sqrt(2 / Math.PI), 2 * Math.sqrt(2 / Math.PI)},
                net.coarseGradient(z, w), 1e-15);
        assertEquals(2, net.output(z, w));
        assertEquals(1, net.sampleLoss(z, w), 0);
    }
}
