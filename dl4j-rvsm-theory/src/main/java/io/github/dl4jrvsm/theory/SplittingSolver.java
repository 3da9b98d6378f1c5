package io.github.dl4jrvsm.theory;

import io.github.dl4jrvsm.core.internal.Validate;
import io.github.dl4jrvsm.core.prox.Penalty;

/**
 * The loop shared by Algorithms 1 and 2: from {@code u_0 = prox(w_0)}, step {@code w} along
 * {@code d = descent(w) + beta (w - u)}, let the subclass finish the step (Algorithm 2 normalises), then set
 * {@code u = prox(w)} from the new {@code w} (the authors' Gauss-Seidel order), recording the Lagrangian and the angle
 * to the teacher at every iterate.
 *
 * @param <N> the model, which also supplies the descent direction and the start requirement
 */
abstract sealed class SplittingSolver<N extends TeacherNetwork> permits RelaxedSplittingSolver, CoarseGradientSolver {

    private final SplittingCoupling coupling;
    private final double eta;
    final N network;

    /** @param networkKind the model class the solver needs, for the message when {@code network} is null */
    SplittingSolver(N network, String networkKind, Penalty penalty, double eta, double beta) {
        this.eta = Validate.positive("eta (step size)", eta);
        this.coupling = new SplittingCoupling(penalty, beta);
        this.network = Validate.notNull("network", network, networkKind);
    }

    public SplittingCoupling coupling() {
        return coupling;
    }

    public double eta() {
        return eta;
    }

    /** {@code L_beta(w, u)} with the model's population loss. */
    public double lagrangian(double[] w, double[] u) {
        return coupling.lagrangian(network.loss(w), w, u);
    }

    /** Turns the raw step {@code w - eta d} into the next iterate, or throws naming iteration {@code t}. */
    abstract double[] finishStep(double[] raw, int t);

    /**
     * Runs {@code iterations} iterations from {@code w0}.
     *
     * @param w0         initial filter of length {@code d}, non-zero
     * @param iterations number of iterations, {@code >= 0}
     */
    public SplittingTrajectory run(double[] w0, int iterations) {
        network.filter("w0", w0);
        Validate.nonZeroVector(network.startRequirement(), w0);
        Validate.atLeastZero("iterations", iterations);
        double beta = coupling.beta();
        double[] w = w0.clone();
        double[] u = coupling.prox(w);
        SplittingTrajectory.Recorder recorder = new SplittingTrajectory.Recorder(iterations);
        recorder.state(lagrangian(w, u), network.angleToTeacher(w), 0, 0);
        for (int t = 0; t < iterations; t++) {
            double[] direction = Vectors.combine(1, network.descent(w), beta, Vectors.subtract(w, u));
            double[] next = finishStep(Vectors.combine(1, w, -eta, direction), t);
            double step = Vectors.distance(next, w);
            w = next;
            u = coupling.prox(w);
            recorder.state(lagrangian(w, u), network.angleToTeacher(w), step, Vectors.norm(direction));
        }
        return recorder.finish(w, u);
    }
}
