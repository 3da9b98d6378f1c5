package io.github.dl4jrvsm.theory;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The closed-form risk (3.2) against sampling, and its gradient (3.16) against finite differences. */
class NonOverlapNetworkTest {

    private static final int K = TheoryFixtures.K;
    private static final int D = TheoryFixtures.D;

    @Test
    void riskOfEq32MatchesMonteCarloEstimate() {
        Random random = new Random(2024);
        double[] teacher = Vectors.scale(1.3, TheoryFixtures.sparseTeacher());
        NonOverlapNetwork net = new NonOverlapNetwork(K, teacher);
        double[][] ws = {
                TheoryFixtures.gaussian(random, D),                       // generic direction, norm about sqrt(20)
                Vectors.scale(0.2, TheoryFixtures.gaussian(random, D)),  // generic, smaller than the teacher
                Vectors.scale(-0.5, teacher),                            // theta = pi
                Vectors.scale(1.5, teacher),                             // theta = 0, only the norm differs
        };
        TheoryFixtures.MeanEstimate[] estimates = new TheoryFixtures.MeanEstimate[ws.length];
        for (int j = 0; j < ws.length; j++) {
            estimates[j] = new TheoryFixtures.MeanEstimate();
        }
        double[] x = new double[K * D];
        for (int s = 0; s < 200_000; s++) {
            TheoryFixtures.fillGaussian(random, x);
            for (int j = 0; j < ws.length; j++) {
                estimates[j].add(net.sampleLoss(x, ws[j]));
            }
        }
        for (int j = 0; j < ws.length; j++) {
            double exact = net.loss(ws[j]);
            double se = estimates[j].standardError();
            assertEquals(exact, estimates[j].mean(), 4.5 * se, "w #" + j);
            assertTrue(4.5 * se < 0.03 * exact, "w #" + j + ": Monte-Carlo error " + se + " too large to test " + exact);
        }
    }

    @Test
    void gradientOfEq316MatchesCentralDifferencesOfEq32() {
        Random random = new Random(5);
        NonOverlapNetwork net = new NonOverlapNetwork(K, Vectors.scale(0.8, TheoryFixtures.sparseTeacher()));
        double h = 1e-5;
        for (int trial = 0; trial < 5; trial++) {
            double[] w = Vectors.scale(0.3 + trial * 0.4, TheoryFixtures.gaussian(random, D));
            double[] numeric = new double[D];
            for (int i = 0; i < D; i++) {
                double[] plus = w.clone();
                double[] minus = w.clone();
                plus[i] += h;
                minus[i] -= h;
                numeric[i] = (net.loss(plus) - net.loss(minus)) / (2 * h);
            }
            assertArrayEquals(numeric, net.gradient(w), 1e-8, "trial " + trial);
        }
    }

    @Test
    void teacherIsAZeroOfRiskAndGradientAndLemma4SaddleIsCritical() {
        double[] teacher = Vectors.scale(2, TheoryFixtures.sparseTeacher());
        NonOverlapNetwork net = new NonOverlapNetwork(K, teacher);
        assertEquals(0, net.loss(teacher), 1e-14);
        assertArrayEquals(new double[D], net.gradient(teacher), 1e-14);
        // Lemma 4 (c): a degenerate saddle at -(k^2 - k) / (k^2 + (pi - 1) k) w*
        double c = (K * K - K) / (K * K + (Math.PI - 1) * K);
        assertArrayEquals(new double[D], net.gradient(Vectors.scale(-c, teacher)), 1e-14);
        // f(0) = a |w*|^2 / k^2 is the value at the local maximum of Lemma 4 (a)
        assertEquals(net.normWeight() * 4 / (K * K), net.loss(new double[D]), 1e-14);
    }

    @Test
    void outputAveragesReluOverPatches() {
        NonOverlapNetwork net = new NonOverlapNetwork(2, new double[]{1, 0});
        // patches (1, 2) and (-3, 4): w = (1, 1) responds 3 and 1 (mean 2), w = (1, 0) responds 1 and -3 (mean 0.5)
        assertEquals(2, net.output(new double[]{1, 2, -3, 4}, new double[]{1, 1}), 0);
        assertEquals(0.5, net.output(new double[]{1, 2, -3, 4}, new double[]{1, 0}), 0);
    }
}
