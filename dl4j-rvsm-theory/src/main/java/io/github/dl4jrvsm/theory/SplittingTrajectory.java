package io.github.dl4jrvsm.theory;

import java.util.Arrays;

/**
 * What a splitting solver did, iteration by iteration, so that a test (or a reader of a report) can check the
 * convergence claims of Theorems 3.1 and 3.2 on the whole run instead of only on its end point.
 *
 * <p>For a run of {@code n} iterations, index {@code t = 0..n} of {@link #lagrangian(int)} and {@link #angle(int)}
 * refers to the pair {@code (w_t, u_t)}, with {@code t = 0} the starting point. {@link #stepLength(int)} and
 * {@link #directionNorm(int)} have indices {@code t = 0..n-1} and describe the step from {@code t} to {@code t+1}.
 */
public final class SplittingTrajectory {

    private final double[] lagrangians;
    private final double[] angles;
    private final double[] stepLengths;
    private final double[] directionNorms;
    private final double[] finalW;
    private final double[] finalU;

    private SplittingTrajectory(Recorder r, double[] finalW, double[] finalU) {
        this.lagrangians = Arrays.copyOf(r.lagrangians, r.states);
        this.angles = Arrays.copyOf(r.angles, r.states);
        this.stepLengths = Arrays.copyOf(r.stepLengths, r.states - 1);
        this.directionNorms = Arrays.copyOf(r.directionNorms, r.states - 1);
        this.finalW = finalW.clone();
        this.finalU = finalU.clone();
    }

    /** Number of iterations {@code n}. */
    public int iterations() {
        return stepLengths.length;
    }

    /** {@code L_beta(w_t, u_t)}, {@code t = 0..n}. */
    public double lagrangian(int t) {
        return lagrangians[t];
    }

    /** {@code theta(w_t, w*)}, {@code t = 0..n}. */
    public double angle(int t) {
        return angles[t];
    }

    /** {@code |w_{t+1} - w_t|}, {@code t = 0..n-1}. */
    public double stepLength(int t) {
        return stepLengths[t];
    }

    /**
     * The norm of the search direction used in step {@code t}: {@code |grad f(w_t) + beta (w_t - u_t)|} for RVSM
     * (the size of {@code grad_w L_beta}, Theorem 3.1 (ii)), {@code |E g(w_t) + beta (w_t - u_t)|} for RVSCGD.
     */
    public double directionNorm(int t) {
        return directionNorms[t];
    }

    public double[] lagrangians() {
        return lagrangians.clone();
    }

    public double[] angles() {
        return angles.clone();
    }

    /** The last dense iterate {@code w_n}. */
    public double[] finalW() {
        return finalW.clone();
    }

    /** The last sparse iterate {@code u_n}. */
    public double[] finalU() {
        return finalU.clone();
    }

    /** Collects the per-iteration values while a solver runs. */
    static final class Recorder {
        private final double[] lagrangians;
        private final double[] angles;
        private final double[] stepLengths;
        private final double[] directionNorms;
        private int states;

        Recorder(int iterations) {
            lagrangians = new double[iterations + 1];
            angles = new double[iterations + 1];
            stepLengths = new double[iterations];
            directionNorms = new double[iterations];
        }

        /** Records the state {@code t = states}; for {@code t > 0} also the step that led to it. */
        void state(double lagrangian, double angle, double stepLength, double directionNorm) {
            if (states > 0) {
                stepLengths[states - 1] = stepLength;
                directionNorms[states - 1] = directionNorm;
            }
            lagrangians[states] = lagrangian;
            angles[states] = angle;
            states++;
        }

        SplittingTrajectory finish(double[] w, double[] u) {
            return new SplittingTrajectory(this, w, u);
        }
    }
}
