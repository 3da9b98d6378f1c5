package io.github.dl4jrvsm.theory;

import io.github.dl4jrvsm.core.prox.L1Penalty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad argument is rejected with a message that names it, shows the value and says what is valid. */
class TheoryArgumentsTest {

    private static final double[] TEACHER = {0.6, 0.8};
    private static final NonOverlapNetwork NET = new NonOverlapNetwork(3, TEACHER);
    private static final BinarizedNonOverlapNetwork BINARIZED = new BinarizedNonOverlapNetwork(3, TEACHER);
    private static final L1Penalty L1 = new L1Penalty(0.01);

    private static void assertRejected(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        }
    }

    @Test
    void modelsRejectBadShapesAndTeachers() {
        assertRejected(() -> new NonOverlapNetwork(0, TEACHER), "k (number of patches)", ">= 1", "got 0");
        assertRejected(() -> new BinarizedNonOverlapNetwork(-2, TEACHER), "k (number of patches)", "got -2");
        assertRejected(() -> new NonOverlapNetwork(2, new double[0]), "teacher w*", "length >= 1", "empty");
        assertRejected(() -> new NonOverlapNetwork(2, null), "teacher w*", "got null");
        assertRejected(() -> new NonOverlapNetwork(2, new double[]{0, 0}), "teacher w*", "non-zero", "zero vector");
        assertRejected(() -> new BinarizedNonOverlapNetwork(2, new double[]{0, 0, 0}), "teacher w*", "non-zero");
        assertRejected(() -> new NonOverlapNetwork(2, new double[]{1, Double.NaN}), "teacher w*", "finite", "NaN",
                "index 1");
    }

    @Test
    void modelsRejectMismatchedOrZeroWeights() {
        assertRejected(() -> NET.loss(new double[]{1, 2, 3}), "w", "length 2", "got 3");
        assertRejected(() -> NET.gradient(new double[]{0, 0}), "f has no gradient at 0", "zero vector");
        assertRejected(() -> NET.output(new double[5], TEACHER), "input x", "length 6", "got 5");
        assertRejected(() -> NET.angleToTeacher(new double[]{0, 0}), "w", "non-zero");
        assertRejected(() -> BINARIZED.loss(new double[]{0, 0}), "w", "non-zero");
        assertRejected(() -> BINARIZED.expectedCoarseGradient(new double[]{1}), "length 2", "got 1");
        assertRejected(() -> BINARIZED.coarseGradient(new double[2][2], TEACHER), "k = 3 rows", "got 2 rows");
        assertRejected(() -> BINARIZED.coarseGradient(new double[][]{{1, 2}, {3, 4}, {5}}, TEACHER), "row 2 of Z",
                "length 2", "got 1");
        assertRejected(() -> BINARIZED.lossGradient(new double[]{1.2, 1.6}), "not be parallel", "(0, pi)");
        assertRejected(() -> GaussianActivationMoments.relu(new double[]{1}, TEACHER), "same length", "got 1 and 2");
        assertRejected(() -> GaussianActivationMoments.step(new double[]{0, 0}, TEACHER), "u", "non-zero");
    }

    @Test
    void solversRejectBadStepSizesCouplingsAndStarts() {
        assertRejected(() -> new RelaxedSplittingSolver(NET, L1, 0, 0.1), "eta (step size)", "> 0", "got 0.0");
        assertRejected(() -> new RelaxedSplittingSolver(NET, L1, -0.5, 0.1), "eta (step size)", "got -0.5");
        assertRejected(() -> new CoarseGradientSolver(BINARIZED, L1, Double.NaN, 0.1), "eta (step size)", "NaN");
        assertRejected(() -> new RelaxedSplittingSolver(NET, L1, 0.1, 0), "beta (coupling strength)", "> 0",
                "got 0.0");
        assertRejected(() -> new CoarseGradientSolver(BINARIZED, L1, 0.1, Double.POSITIVE_INFINITY), "beta",
                "finite");
        assertRejected(() -> new RelaxedSplittingSolver(NET, null, 0.1, 0.1), "penalty", "got null");
        assertRejected(() -> new RelaxedSplittingSolver(null, L1, 0.1, 0.1), "network", "got null");
        RelaxedSplittingSolver rvsm = new RelaxedSplittingSolver(NET, L1, 0.1, 0.1);
        CoarseGradientSolver rvscgd = new CoarseGradientSolver(BINARIZED, L1, 0.1, 0.1);
        assertRejected(() -> rvsm.run(new double[]{1, 2, 3}, 5), "w0", "length 2", "got 3");
        assertRejected(() -> rvsm.run(new double[]{0, 0}, 5), "w0", "zero vector");
        assertRejected(() -> rvscgd.run(new double[]{0, 0}, 5), "w0", "non-zero");
        assertRejected(() -> rvsm.run(TEACHER, -1), "iterations", ">= 0", "got -1");
        assertEquals(0, rvscgd.run(TEACHER, 0).iterations());
    }

    @Test
    void theoremBoundsRejectParametersOutsideTheirDomain() {
        assertRejected(() -> TheoremConditions.rvsmMaxBeta(4, 0), "delta", "(0, pi]", "got 0.0");
        assertRejected(() -> TheoremConditions.rvscgdMaxBeta(4, 4.0), "delta", "got 4.0");
        assertRejected(() -> TheoremConditions.rvsmMaxBeta(0, 1), "k (number of patches)", "got 0");
        assertRejected(() -> TheoremConditions.rvsmMaxLambdaOverBeta(0), "d (patch size)", "got 0");
        assertRejected(() -> TheoremConditions.rvsmShrinkageConstantBound(4, 0.1, 20), "2 k lambda sqrt(d) < 1");
        assertRejected(() -> TheoremConditions.rvscgdMaxEta(4, 0.1, 0), "lipschitz", "got 0.0");
        assertRejected(() -> ShrinkageIdentity.rvsm(NET, 0.1, new double[]{0, 0}, new double[2]), "w", "non-zero");
        assertRejected(() -> ShrinkageIdentity.rvscgd(BINARIZED, -1, TEACHER, TEACHER), "beta", "got -1.0");
    }

    @Test
    void theoremBoundsHaveTheirStatedValues() {
        assertEquals(Math.PI / 2 / (4 * Math.PI), TheoremConditions.rvsmMaxBeta(4, Math.PI / 2), 1e-15);
        assertEquals(1 / Math.sqrt(20), TheoremConditions.rvsmMaxLambdaOverBeta(20), 1e-15);
        assertEquals(1 / (1 - 8 * 0.01 * Math.sqrt(20)), TheoremConditions.rvsmShrinkageConstantBound(4, 0.01, 20),
                1e-15);
        assertEquals(4 / (2 * Math.sqrt(2 * Math.PI)), TheoremConditions.rvscgdMaxBeta(4, Math.PI / 2), 1e-15);
        assertEquals(4 / (2 * Math.sqrt(2 * Math.PI * 20)), TheoremConditions.rvscgdMaxLambda(4, 20), 1e-15);
        assertEquals(2 * Math.sqrt(2 * Math.PI) / 8, TheoremConditions.rvscgdMaxEta(8, 0.01, 0.01), 1e-15);
        assertEquals(1 / 2.5, TheoremConditions.rvscgdMaxEta(1, 0.5, 2), 1e-15);
    }
}
