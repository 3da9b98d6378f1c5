package io.github.dl4jrvsm.theory;

import io.github.dl4jrvsm.core.prox.Penalty;

/**
 * Algorithm 2 of chapter 3 (RVSCGD): relaxed variable splitting driven by the expected coarse gradient of a
 * {@link BinarizedNonOverlapNetwork}, whose true loss gradient vanishes almost everywhere per sample.
 *
 * <p>Starting from {@code u_0 = prox(w_0)}, every iteration does
 * <pre>
 *   w^ = w_t - eta E[g(w_t, Z)] - eta beta (w_t - u_t)
 *   w_{t+1} = w^ / |w^|
 *   u_{t+1} = prox(w_{t+1})
 * </pre>
 * The normalisation is part of the method: the loss only sees the direction of {@code w}, and without it the norm
 * of {@code w} can drift to 0, where the coarse gradient loses its Lipschitz bound. As in
 * {@link RelaxedSplittingSolver}, {@code u} is computed from the newest {@code w} (this matches Algorithm 2, whose
 * {@code w}-step already uses {@code u_{t+1} = prox(w_t)} computed from the previous iterate).
 *
 * <p>The recorded Lagrangian uses the population loss {@code f = k theta / pi}.
 */
public final class CoarseGradientSolver extends SplittingSolver<BinarizedNonOverlapNetwork> {

    /**
     * @param network the binarized model with its teacher {@code w*}
     * @param penalty sparsity penalty applied to {@code u}
     * @param eta     step size, finite and {@code > 0}
     * @param beta    coupling strength, finite and {@code > 0}
     */
    public CoarseGradientSolver(BinarizedNonOverlapNetwork network, Penalty penalty, double eta, double beta) {
        super(network, "a BinarizedNonOverlapNetwork", penalty, eta, beta);
    }

    /** Normalises {@code w^}; @throws IllegalStateException if it is 0 and has no direction. */
    @Override
    double[] finishStep(double[] raw, int t) {
        double norm = Vectors.norm(raw);
        if (norm == 0) {
            throw new IllegalStateException("RVSCGD step " + t + " produced w^ = 0, which has no direction; use a "
                    + "smaller eta");
        }
        return Vectors.scale(1 / norm, raw);
    }
}
