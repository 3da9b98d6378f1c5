package io.github.dl4jrvsm.theory;

import io.github.dl4jrvsm.core.internal.Validate;

/**
 * The non-overlap network of section 3.1.2 with the binarized activation {@code s(z) = 1{z > 0}}: the model on which
 * Theorem 3.2 (coarse gradient descent, RVSCGD) is proved.
 *
 * <p>An input {@code Z} is a {@code k x d} matrix whose rows are the patches, with i.i.d. {@code N(0, 1)} entries;
 * the output is {@code 1^T s(Z w)} (a count, not a mean) and one sample of the risk is
 * {@code (1^T s(Z w) - 1^T s(Z w*))^2}, eq. (3.3). The outputs depend on the directions of {@code w} and {@code w*}
 * only, so the teacher is stored as a unit vector.
 *
 * <p><b>Population loss (3.4).</b> Each difference {@code s(z_i.w) - s(z_i.w*)} has mean 0 and the rows are
 * independent, so only the diagonal terms of the squared sum survive. With the step-function moment
 * {@code E[s(u.x)s(v.x)] = (pi - theta)/(2 pi)} ({@link GaussianActivationMoments#step}) each diagonal term is
 * {@code 1/2 + 1/2 - 2 (pi - theta)/(2 pi) = theta/pi}, hence {@code f(w) = k theta(w, w*) / pi}.
 *
 * <p><b>Coarse gradient.</b> {@code s} has zero derivative almost everywhere, so back-propagation replaces
 * {@code s'} by the ReLU derivative {@code 1{z > 0}} and scales by {@code sqrt(2/pi)}, eq. (3.6):
 * {@code g(w, Z) = sqrt(2/pi) sum_i z_i 1{z_i.w > 0} (1{z_i.w > 0} - 1{z_i.w* > 0})}. Its expectation is eq.
 * (3.23); because {@code |w^ + w*| = 2 cos(theta/2)} for unit vectors, (3.23) simplifies to
 * {@code (k / (2 pi)) (w/|w| - w*)}, which is what {@link #expectedCoarseGradient} returns.
 */
public final class BinarizedNonOverlapNetwork extends TeacherNetwork {

    private static final double COARSE_SCALE = Math.sqrt(2 / Math.PI);

    /**
     * @param k       number of patches (rows of {@code Z}), {@code >= 1}
     * @param teacher ground-truth filter {@code w*} of length {@code d >= 1}, non-zero; only its direction is kept
     */
    public BinarizedNonOverlapNetwork(int k, double[] teacher) {
        super(k, teacher, Vectors::unit);
    }

    /** {@code 1^T s(Z w)}: how many patches have a positive response. */
    public int output(double[][] z, double[] w) {
        checkInput(z);
        filter("w", w);
        int count = 0;
        for (double[] row : z) {
            count += Vectors.dot(row, w) > 0 ? 1 : 0;
        }
        return count;
    }

    /** One sample of the risk, eq. (3.3). */
    public double sampleLoss(double[][] z, double[] w) {
        double r = output(z, w) - output(z, teacher);
        return r * r;
    }

    /** The coarse gradient of eq. (3.6) for one input {@code Z} (ReLU derivative in place of {@code s'}). */
    public double[] coarseGradient(double[][] z, double[] w) {
        checkInput(z);
        filter("w", w);
        double[] g = new double[patchSize()];
        for (double[] row : z) {
            boolean active = Vectors.dot(row, w) > 0;
            boolean teacherActive = Vectors.dot(row, teacher) > 0;
            // 1{z.w > 0} * (1{z.w > 0} - 1{z.w* > 0}) is 1 exactly when the student fires and the teacher does not
            if (active && !teacherActive) {
                for (int j = 0; j < g.length; j++) {
                    g[j] += row[j];
                }
            }
        }
        return Vectors.scale(COARSE_SCALE, g);
    }

    /** The population loss {@code f(w) = k theta(w, w*) / pi} of eq. (3.4); {@code w} must be non-zero. */
    @Override
    public double loss(double[] w) {
        return k * angleToTeacher(w) / Math.PI;
    }

    /** The expected coarse gradient, eq. (3.23), in the equivalent form {@code (k / (2 pi)) (w/|w| - w*)}. */
    public double[] expectedCoarseGradient(double[] w) {
        filter("w", w);
        Validate.nonZeroVector("w", w);
        return Vectors.scale(k / (2 * Math.PI), Vectors.subtract(Vectors.unit(w), teacher));
    }

    @Override
    double[] descent(double[] w) {
        return expectedCoarseGradient(w);
    }

    /**
     * The true gradient of {@code f = k theta / pi}: {@code -(k / (pi |w|)) e}, where {@code e} is the unit vector of
     * the part of {@code w*} orthogonal to {@code w}. It exists only for {@code theta in (0, pi)}. Note that eq. (3.22)
     * states half of this, i.e. the gradient of the loss with a factor 1/2 in front of the square; (3.4) has no
     * such factor. The tests pin the factor 2.
     */
    public double[] lossGradient(double[] w) {
        filter("w", w);
        Validate.nonZeroVector("w", w);
        double nw = Vectors.norm(w);
        double[] unitW = Vectors.scale(1 / nw, w);
        double[] orthogonal = Vectors.combine(1, teacher, -Vectors.dot(teacher, unitW), unitW);
        double theta = Vectors.angle(w, teacher);
        Validate.check(theta != 0 && theta != Math.PI && Vectors.norm(orthogonal) != 0,
                () -> "w must not be parallel to w* (angle in (0, pi)): f = k theta / pi has no gradient there, "
                        + "got angle " + theta);
        return Vectors.scale(-k / (Math.PI * nw * Vectors.norm(orthogonal)), orthogonal);
    }

    @Override
    String startRequirement() {
        return "w0";
    }

    private void checkInput(double[][] z) {
        Validate.check(z != null && z.length == k, () -> "Z must have k = " + k + " rows (one per patch), got "
                + (z == null ? "null" : z.length + " rows"));
        for (int i = 0; i < z.length; i++) {
            filter("row " + i + " of Z", z[i]);
        }
    }
}
