package io.github.dl4jrvsm.theory;

import io.github.dl4jrvsm.core.internal.Validate;

/**
 * The limit characterisation of Corollary 2: at a stationary point {@code (w, u = prox(w))} the teacher splits into
 * a part along {@code w - u} and a part along {@code w},
 * <pre>
 *   w* = kappa (w - u) + C w,
 * </pre>
 * so {@code r = w* - kappa (w - u)} must be parallel to {@code w}. Since {@code w - u} has the signs of {@code w},
 * this says that {@code w} is, up to scale, a shrinkage of {@code w*}: the reason why the limit is sparse.
 *
 * <p>The coefficient {@code kappa} depends on the model:
 * <ul>
 *   <li>RVSM on the ReLU network, eq. (3.13): {@code kappa = k pi beta / (pi - theta)}, {@code theta = theta(w, w*)}.
 *       It follows from setting {@code grad f(w) + beta (w - u) = 0} with the gradient (3.16).</li>
 *   <li>RVSCGD on the binarized network: {@code kappa = 2 pi beta / k}. It follows from the fixed point of the
 *       normalised step with the expected coarse gradient {@code (k / (2 pi)) (w/|w| - w*)} of (3.23). Eq. (3.14)
 *       prints {@code 2 sqrt(2 pi) / k} instead, which is not consistent with (3.23); this class uses the derived
 *       value.</li>
 * </ul>
 * An instance holds the residual {@code r}, the constant {@code C = r.w / |w|^2} and the cosine between {@code r}
 * and {@code w}, which is 1 exactly when the identity holds.
 */
public final class ShrinkageIdentity {

    private final double[] residual;
    private final double constant;
    private final double cosine;

    private ShrinkageIdentity(double[] teacher, double kappa, double[] w, double[] u) {
        Validate.vectorOfLength("w", w, teacher.length, Vectors.PATCH_SIZE);
        Validate.nonZeroVector("w", w);
        Validate.vectorOfLength("u", u, teacher.length, Vectors.PATCH_SIZE);
        this.residual = Vectors.combine(1, teacher, -kappa, Vectors.subtract(w, u));
        double nw = Vectors.norm(w);
        this.constant = Vectors.dot(residual, w) / (nw * nw);
        double nr = Vectors.norm(residual);
        this.cosine = nr == 0 ? 0 : Vectors.dot(residual, w) / (nr * nw);
    }

    /** Eq. (3.13) for an RVSM limit {@code (w, u)} of the ReLU network with coupling {@code beta}. */
    public static ShrinkageIdentity rvsm(NonOverlapNetwork network, double beta, double[] w, double[] u) {
        Validate.notNull("network", network, "a NonOverlapNetwork");
        Validate.positive("beta", beta);
        double theta = network.angleToTeacher(w);
        double kappa = network.patches() * Math.PI * beta / (Math.PI - theta);
        return new ShrinkageIdentity(network.teacher(), kappa, w, u);
    }

    /** The RVSCGD analogue of (3.14) for a limit {@code (w, u)} of the binarized network (unit teacher). */
    public static ShrinkageIdentity rvscgd(BinarizedNonOverlapNetwork network, double beta, double[] w, double[] u) {
        Validate.notNull("network", network, "a BinarizedNonOverlapNetwork");
        Validate.positive("beta", beta);
        double kappa = 2 * Math.PI * beta / network.patches();
        return new ShrinkageIdentity(network.teacher(), kappa, w, u);
    }

    /** {@code r = w* - kappa (w - u)}. */
    public double[] residual() {
        return residual.clone();
    }

    /** {@code C = r.w / |w|^2}, the scale in {@code r = C w}. */
    public double constant() {
        return constant;
    }

    /** The cosine of the angle between {@code r} and {@code w}; 1 when the identity holds exactly. */
    public double cosine() {
        return cosine;
    }
}
