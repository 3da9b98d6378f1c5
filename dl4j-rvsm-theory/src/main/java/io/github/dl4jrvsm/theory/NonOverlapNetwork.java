package io.github.dl4jrvsm.theory;

import io.github.dl4jrvsm.core.internal.Validate;

/**
 * The one-layer non-overlap ReLU network of section 3.1.1, the model on which Theorem 3.1 is proved.
 *
 * <p>One filter {@code w} of length {@code d} is applied to {@code k} disjoint patches of an input
 * {@code x in R^(k d)} whose entries are i.i.d. {@code N(0, 1)}; the output is the mean
 * {@code L(x; w) = (1/k) sum_i relu(w . x[i])}. Labels come from a teacher filter {@code w*}, and the population
 * risk {@code f(w) = E[(L(x; w) - L(x; w*))^2]} has a closed form: expanding the square, pairs of equal patches give
 * the ReLU moment {@code g} of Lemma 1 ({@link GaussianActivationMoments#relu}) and pairs of different (independent)
 * patches give products of the means {@code |w| / sqrt(2 pi)}. This is eq. (3.2),
 * <pre>
 *   f(w) = [a (|w|^2 + |w*|^2) - 2 k g(w, w*) - 2 b |w| |w*|] / k^2,   b = (k^2 - k) / (2 pi),  a = b + k/2,
 * </pre>
 * and its gradient, eq. (3.16), is what the RVSM solver descends. Knowing {@code f} exactly (instead of sampling
 * batches) lets the tests check the theorem's claims, such as monotone descent, to rounding error.
 *
 * <p>Instances are immutable; {@code w*} may have any non-zero norm (the chapter's statements take {@code |w*| = 1}).
 */
public final class NonOverlapNetwork extends TeacherNetwork {

    private final double teacherNorm;

    /**
     * @param k       number of patches, {@code >= 1}
     * @param teacher ground-truth filter {@code w*}; its length is the patch size {@code d >= 1}; non-zero
     */
    public NonOverlapNetwork(int k, double[] teacher) {
        super(k, teacher, double[]::clone);
        this.teacherNorm = Vectors.norm(this.teacher);
    }

    /** {@code b = (k^2 - k) / (2 pi)}: the weight of the cross-patch terms of (3.2). */
    public double crossPatchWeight() {
        return (k * (double) k - k) / (2 * Math.PI);
    }

    /** {@code a = b + k/2}: the weight of the squared norms in (3.2). */
    public double normWeight() {
        return crossPatchWeight() + k / 2.0;
    }

    /** The network output {@code L(x; w)} for one input of length {@code k d} (patch {@code i} is x[i d, (i+1) d)). */
    public double output(double[] x, double[] w) {
        int d = patchSize();
        Validate.vectorOfLength("input x", x, k * d, Vectors.PATCH_SIZE);
        filter("w", w);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double z = 0;
            for (int j = 0; j < d; j++) {
                z += w[j] * x[i * d + j];
            }
            sum += Math.max(z, 0);
        }
        return sum / k;
    }

    /** One sample of the risk, {@code (L(x; w) - L(x; w*))^2}; its mean over Gaussian {@code x} is {@link #loss}. */
    public double sampleLoss(double[] x, double[] w) {
        double r = output(x, w) - output(x, teacher);
        return r * r;
    }

    /** The population risk {@code f(w)} of eq. (3.2); defined for every {@code w}, including 0. */
    @Override
    public double loss(double[] w) {
        filter("w", w);
        double nw = Vectors.norm(w);
        double bracket = normWeight() * (nw * nw + teacherNorm * teacherNorm)
                - 2 * k * GaussianActivationMoments.relu(w, teacher)
                - 2 * crossPatchWeight() * nw * teacherNorm;
        return bracket / ((double) k * k);
    }

    /**
     * The gradient of eq. (3.16),
     * {@code [(k + 2b - k |w*| sin(theta) / (pi |w|) - 2b |w*| / |w|) w - (k/pi)(pi - theta) w*] / k^2}
     * with {@code 2b = (k^2 - k)/pi}. {@code f} is not differentiable at {@code w = 0}, so {@code w} must be non-zero.
     */
    public double[] gradient(double[] w) {
        filter("w", w);
        Validate.nonZeroVector("w (f has no gradient at 0)", w);
        double nw = Vectors.norm(w);
        double theta = Vectors.angle(w, teacher);
        double twoB = 2 * crossPatchWeight();
        double ratio = teacherNorm / nw;
        double cw = k + twoB - k * ratio * Math.sin(theta) / Math.PI - twoB * ratio;
        double cTeacher = -k * (Math.PI - theta) / Math.PI;
        double kk = (double) k * k;
        return Vectors.combine(cw / kk, w, cTeacher / kk, teacher);
    }

    @Override
    double[] descent(double[] w) {
        return gradient(w);
    }

    @Override
    String startRequirement() {
        return "w0 (f has no gradient at 0)";
    }
}
