package io.github.dl4jrvsm.theory;

import io.github.dl4jrvsm.core.prox.L0Penalty;
import io.github.dl4jrvsm.core.prox.L1Penalty;
import io.github.dl4jrvsm.core.prox.Penalty;
import io.github.dl4jrvsm.core.prox.TransformedL1Penalty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Theorem 3.2 and Corollary 4 (RVSCGD) on the binarized model.
 *
 * <p>Set-up: {@code k = 4}, {@code d = 20}, the sparse unit teacher, a random unit start with
 * {@code theta_0 ~ 1.71}, {@code delta = pi - theta_0}; {@code beta = 0.1} (bound {@code k sin(delta) /
 * (2 sqrt(2 pi))} is about 0.79), {@code lambda = 0.005} (bound {@code k / (2 sqrt(2 pi d))} is about 0.18),
 * {@code eta = 0.2} (bound {@code min(1/(beta + K), 2 sqrt(2 pi)/k)} with {@code K = k/sqrt(2 pi)} is about 0.59),
 * 1000 iterations.
 */
class CoarseGradientSolverTest {

    private static final int K = TheoryFixtures.K;
    private static final int D = TheoryFixtures.D;
    private static final double ETA = 0.2;
    private static final double BETA = 0.1;
    private static final double LAMBDA = 0.005;
    private static final int ITERATIONS = 1000;
    private static final double SLACK = 1e-12;

    private final double[] teacher = TheoryFixtures.sparseTeacher();
    private final BinarizedNonOverlapNetwork net = new BinarizedNonOverlapNetwork(K, teacher);

    private static Penalty penalty(String name) {
        return switch (name) {
            case "l0" -> new L0Penalty(LAMBDA);
            case "l1" -> new L1Penalty(LAMBDA);
            case "tl1" -> new TransformedL1Penalty(LAMBDA, 1.0);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Test
    void oneIterationIsANormalisedCoarseStepThenTheProxOfTheNewWeights() {
        double[] w0 = TheoryFixtures.obtuseStart(teacher, 2);
        CoarseGradientSolver solver = new CoarseGradientSolver(net, new L1Penalty(LAMBDA), ETA, BETA);
        SplittingTrajectory one = solver.run(w0, 1);
        double[] u0 = solver.coupling().prox(w0);
        double[] raw = Vectors.combine(1, w0, -ETA,
                Vectors.combine(1, net.expectedCoarseGradient(w0), BETA, Vectors.subtract(w0, u0)));
        double[] w1 = Vectors.unit(raw);
        assertArrayEquals(w1, one.finalW(), 1e-15);
        assertEquals(1, Vectors.norm(one.finalW()), 1e-15);
        assertArrayEquals(solver.coupling().prox(w1), one.finalU(), 0);
        assertEquals(solver.lagrangian(w1, one.finalU()), one.lagrangian(1), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"l0", "l1", "tl1"})
    void theorem32DescentAndLimitHoldForEachPenalty(String name) {
        double[] w0 = TheoryFixtures.obtuseStart(teacher, 2);
        double delta = Math.PI - net.angleToTeacher(w0);
        assertTrue(BETA <= TheoremConditions.rvscgdMaxBeta(K, delta));
        assertTrue(LAMBDA < TheoremConditions.rvscgdMaxLambda(K, D));
        assertTrue(ETA <= TheoremConditions.rvscgdMaxEta(K, BETA, TheoremConditions.coarseGradientLipschitz(K)));
        CoarseGradientSolver solver = new CoarseGradientSolver(net, penalty(name), ETA, BETA);
        SplittingTrajectory run = solver.run(w0, ITERATIONS);
        for (int t = 0; t < ITERATIONS; t++) {
            assertTrue(ETA * run.directionNorm(t) <= 0.5, "step condition of Theorem 3.2 broken at " + t);
        }

        assertTrue(TheoryFixtures.largestIncrease(run.angles()) <= SLACK,
                "the angle rose by " + TheoryFixtures.largestIncrease(run.angles()));
        assertTrue(TheoryFixtures.largestIncrease(run.lagrangians()) <= SLACK,
                "L_beta rose by " + TheoryFixtures.largestIncrease(run.lagrangians()));
        assertTrue(run.angle(ITERATIONS) < delta);

        double[] w = run.finalW();
        double[] u = run.finalU();
        assertTrue(run.stepLength(ITERATIONS - 1) < 1e-12, "last step " + run.stepLength(ITERATIONS - 1));
        assertArrayEquals(solver.coupling().prox(w), u, 0);
        SplittingTrajectory again = solver.run(w, 1);
        assertArrayEquals(w, again.finalW(), 1e-12);
        assertArrayEquals(u, again.finalU(), 1e-12);
        int nonZeros = TheoryFixtures.nonZeros(u);
        assertTrue(nonZeros > 0 && nonZeros <= TheoryFixtures.nonZeros(teacher), name + ": " + nonZeros + " non-zeros");

        // the fixed point of the normalised step: w* - (2 pi / k) beta (w - u) is parallel to w
        ShrinkageIdentity identity = ShrinkageIdentity.rvscgd(net, BETA, w, u);
        assertTrue(identity.cosine() > 1 - 1e-9, "cosine " + identity.cosine());
        assertTrue(identity.constant() > 0);
        if (name.equals("l1")) {
            double bound = K / (K - 2 * LAMBDA * Math.sqrt(2 * Math.PI * D));
            assertTrue(identity.constant() <= bound, "C = " + identity.constant() + " > " + bound);
            // (3.15): |w* - w| <= 4 sqrt(2 pi) beta sin(gamma) / k, gamma the angle between u and w
            double gamma = Vectors.angle(u, w);
            double distanceBound = 4 * Math.sqrt(2 * Math.PI) * BETA * Math.sin(gamma) / K;
            assertTrue(Vectors.distance(teacher, w) <= distanceBound,
                    "|w* - w| = " + Vectors.distance(teacher, w) + " > " + distanceBound);
        }
    }

    /**
     * Records a limit of Theorem 3.2: from another start, with constants that satisfy all of its conditions, the
     * angle and the Lagrangian with {@code f = k theta / pi} both rise for a while (the iterates pass below the limit
     * angle and come back). What does decrease at every step is the Lagrangian built on the loss whose gradient the
     * coarse step actually follows on the unit sphere, {@code (k / (4 pi)) |w - w*|^2 = (k / (2 pi)) (1 - cos theta)}.
     */
    @Test
    void trueLagrangianCanRiseWhileTheCoarseSurrogateFalls() {
        double[] w0 = TheoryFixtures.obtuseStart(teacher, 5);
        CoarseGradientSolver solver = new CoarseGradientSolver(net, new L1Penalty(LAMBDA), ETA, BETA);
        SplittingTrajectory run = solver.run(w0, ITERATIONS);
        assertTrue(TheoryFixtures.largestIncrease(run.lagrangians()) > 1e-7,
                "expected a rise, largest increase " + TheoryFixtures.largestIncrease(run.lagrangians()));
        assertTrue(TheoryFixtures.largestIncrease(run.angles()) > 1e-7);

        double[] w = w0;
        double previous = Double.POSITIVE_INFINITY;
        for (int t = 0; t <= 300; t++) {
            double[] u = solver.coupling().prox(w);
            double gap = Vectors.distance(w, teacher);
            double surrogate = solver.coupling().lagrangian(K / (4 * Math.PI) * gap * gap, w, u);
            assertTrue(surrogate <= previous + SLACK, "surrogate rose at iteration " + t);
            assertEquals(run.lagrangian(t), solver.lagrangian(w, u), 1e-12);
            previous = surrogate;
            w = solver.run(w, 1).finalW();
        }
    }
}
