package io.github.dl4jrvsm.theory;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lemma 1 and the step-function moment against sampling, plus their exact special cases. */
class GaussianActivationMomentsTest {

    private static final int SAMPLES = 200_000;

    @Test
    void reluAndStepMomentsMatchMonteCarlo() {
        Random random = new Random(11);
        int d = 5;
        double[] u = TheoryFixtures.gaussian(random, d);
        double[][] vs = {Vectors.scale(1.7, TheoryFixtures.gaussian(random, d)), Vectors.scale(-0.4, u), u};
        TheoryFixtures.MeanEstimate[] relu = new TheoryFixtures.MeanEstimate[vs.length];
        TheoryFixtures.MeanEstimate[] step = new TheoryFixtures.MeanEstimate[vs.length];
        for (int j = 0; j < vs.length; j++) {
            relu[j] = new TheoryFixtures.MeanEstimate();
            step[j] = new TheoryFixtures.MeanEstimate();
        }
        double[] x = new double[d];
        for (int s = 0; s < SAMPLES; s++) {
            TheoryFixtures.fillGaussian(random, x);
            double zu = Vectors.dot(u, x);
            for (int j = 0; j < vs.length; j++) {
                double zv = Vectors.dot(vs[j], x);
                relu[j].add(Math.max(zu, 0) * Math.max(zv, 0));
                step[j].add(zu > 0 && zv > 0 ? 1 : 0);
            }
        }
        for (int j = 0; j < vs.length; j++) {
            double exactRelu = GaussianActivationMoments.relu(u, vs[j]);
            double exactStep = GaussianActivationMoments.step(u, vs[j]);
            assertEquals(exactRelu, relu[j].mean(), 4.5 * relu[j].standardError() + 1e-12, "relu moment, pair " + j);
            assertEquals(exactStep, step[j].mean(), 4.5 * step[j].standardError() + 1e-12, "step moment, pair " + j);
        }
        assertTrue(relu[0].standardError() < 0.01 * Math.abs(GaussianActivationMoments.relu(u, vs[0])),
                "the sample must be large enough to tell formulas apart");
    }

    @Test
    void specialCasesAreExact() {
        double[] u = {3, 4};
        // same direction: E[relu(z)^2] = |u|^2 / 2; opposite directions never fire together
        assertEquals(12.5, GaussianActivationMoments.relu(u, u), 1e-12);
        assertEquals(0, GaussianActivationMoments.relu(u, Vectors.scale(-2, u)), 1e-12);
        assertEquals(0.5, GaussianActivationMoments.step(u, u), 1e-15);
        assertEquals(0.25, GaussianActivationMoments.step(new double[]{1, 0}, new double[]{0, 2}), 1e-15);
        assertEquals(0, GaussianActivationMoments.relu(u, new double[]{0, 0}), 0);
        assertEquals(5 / Math.sqrt(2 * Math.PI), GaussianActivationMoments.reluMean(u), 1e-15);
    }
}
