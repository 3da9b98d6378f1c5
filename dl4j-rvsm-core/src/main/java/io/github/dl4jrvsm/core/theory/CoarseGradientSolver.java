package io.github.dl4jrvsm.core.theory;

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
public final class CoarseGradientSolver {

    private final BinarizedNonOverlapNetwork network;
    private final SplittingCoupling coupling;
    private final double eta;

    /**
     * @param network the binarized model with its teacher {@code w*}
     * @param penalty sparsity penalty applied to {@code u}
     * @param eta     step size, finite and {@code > 0}
     * @param beta    coupling strength, finite and {@code > 0}
     */
    public CoarseGradientSolver(BinarizedNonOverlapNetwork network, Penalty penalty, double eta, double beta) {
        this.network = Arguments.notNull("network", network, "a BinarizedNonOverlapNetwork");
        this.eta = Arguments.positive("eta (step size)", eta);
        this.coupling = new SplittingCoupling(penalty, beta);
    }

    public SplittingCoupling coupling() {
        return coupling;
    }

    public double eta() {
        return eta;
    }

    /** {@code L_beta(w, u)} with {@code f(w) = k theta(w, w*) / pi}. */
    public double lagrangian(double[] w, double[] u) {
        return coupling.lagrangian(network.loss(w), w, u);
    }

    /**
     * Runs {@code iterations} RVSCGD iterations from {@code w0} (usually a unit vector).
     *
     * @param w0         initial filter of length {@code d}, non-zero
     * @param iterations number of iterations, {@code >= 0}
     * @throws IllegalStateException if an unnormalised step {@code w^} is 0 and has no direction
     */
    public SplittingTrajectory run(double[] w0, int iterations) {
        Arguments.vectorOfLength("w0", w0, network.patchSize());
        Arguments.direction("w0", w0);
        Arguments.atLeastZero("iterations", iterations);
        double beta = coupling.beta();
        double[] w = w0.clone();
        double[] u = coupling.prox(w);
        SplittingTrajectory.Recorder recorder = new SplittingTrajectory.Recorder(iterations);
        recorder.state(lagrangian(w, u), network.angleToTeacher(w), 0, 0);
        for (int t = 0; t < iterations; t++) {
            double[] direction = Vectors.combine(1, network.expectedCoarseGradient(w), beta, Vectors.subtract(w, u));
            double[] raw = Vectors.combine(1, w, -eta, direction);
            double rawNorm = Vectors.norm(raw);
            if (rawNorm == 0) {
                throw new IllegalStateException("RVSCGD step " + t + " produced w^ = 0, which has no direction; use a "
                        + "smaller eta");
            }
            double[] next = Vectors.scale(1 / rawNorm, raw);
            double step = Vectors.distance(next, w);
            w = next;
            u = coupling.prox(w);
            recorder.state(lagrangian(w, u), network.angleToTeacher(w), step, Vectors.norm(direction));
        }
        return recorder.finish(w, u);
    }
}
