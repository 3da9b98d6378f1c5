package io.github.dl4jrvsm.theory;

import io.github.dl4jrvsm.core.internal.Validate;

/**
 * Closed forms of {@code E[s(u.x) s(v.x)]} for a standard Gaussian {@code x} and the two activations of chapter 3.
 *
 * <p>Both population losses of the chapter are built from these second moments, so they are kept in one place and
 * tested directly. Only the plane spanned by {@code u} and {@code v} matters, which is why the results depend on the
 * norms and the angle {@code theta} between the vectors alone:
 * <ul>
 *   <li>ReLU (Lemma 1): {@code |u||v| (sin theta + (pi - theta) cos theta) / (2 pi)};</li>
 *   <li>unit step {@code 1{z > 0}}: {@code (pi - theta) / (2 pi)}, the probability that both projections are
 *       positive; it does not depend on the norms.</li>
 * </ul>
 * A first moment is also needed for the non-overlapping patches, which are independent: {@code E[relu(u.x)] =
 * |u| / sqrt(2 pi)} and {@code E[1{u.x > 0}] = 1/2}.
 */
public final class GaussianActivationMoments {

    private GaussianActivationMoments() {
    }

    /** {@code g(u, v) = E[relu(u.x) relu(v.x)]} of Lemma 1; 0 when either vector is zero. */
    public static double relu(double[] u, double[] v) {
        checkPair(u, v);
        double nu = Vectors.norm(u);
        double nv = Vectors.norm(v);
        if (nu == 0 || nv == 0) {
            return 0;
        }
        double theta = Vectors.angle(u, v);
        return nu * nv * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta)) / (2 * Math.PI);
    }

    /** {@code E[1{u.x > 0} 1{v.x > 0}] = (pi - theta) / (2 pi)}; both vectors must be non-zero. */
    public static double step(double[] u, double[] v) {
        checkPair(u, v);
        Validate.nonZeroVector("u", u);
        Validate.nonZeroVector("v", v);
        return (Math.PI - Vectors.angle(u, v)) / (2 * Math.PI);
    }

    /** {@code E[relu(u.x)] = |u| / sqrt(2 pi)}. */
    public static double reluMean(double[] u) {
        Validate.finiteVector("u", u);
        return Vectors.norm(u) / Math.sqrt(2 * Math.PI);
    }

    private static void checkPair(double[] u, double[] v) {
        Validate.finiteVector("u", u);
        Validate.finiteVector("v", v);
        Validate.sameLength("u and v", u, v);
    }
}
