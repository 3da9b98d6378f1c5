package io.github.dl4jrvsm.theory;

import io.github.dl4jrvsm.core.prox.Penalty;

/**
 * Algorithm 1 of chapter 3 (RVSM) on the exact population loss of a {@link NonOverlapNetwork}, for any element-wise
 * {@link Penalty} (l0, l1 and transformed l1 are the ones covered by Theorem 3.1 and Corollary 3).
 *
 * <p>Starting from {@code u_0 = prox(w_0)}, every iteration does
 * <pre>
 *   w_{t+1} = w_t - eta grad f(w_t) - eta beta (w_t - u_t)      (gradient step on L_beta in w, u held fixed)
 *   u_{t+1} = prox(w_{t+1})                                      (exact minimisation of L_beta in u)
 * </pre>
 * <b>Update order.</b> The pseudo-code in the dissertation writes the {@code u}-step with the old {@code w_t}; the
 * authors' training code recomputes {@code u} from the weights right after the optimizer step, i.e. from
 * {@code w_{t+1}}. This class follows the code (Gauss-Seidel order). It is also the order for which the descent
 * argument is clean: the {@code w}-step lowers {@code L_beta(., u_t)} when {@code eta <= 1/(beta + L)}, and the
 * {@code u}-step can only lower it further, so {@code L_beta(w_t, u_t)} never increases.
 *
 * <p>The solver works on exact values (no sampling), so every recorded quantity in the returned
 * {@link SplittingTrajectory} is deterministic.
 */
public final class RelaxedSplittingSolver extends SplittingSolver<NonOverlapNetwork> {

    /**
     * @param network the model with its teacher {@code w*}
     * @param penalty sparsity penalty applied to {@code u}
     * @param eta     step size, finite and {@code > 0}
     * @param beta    coupling strength, finite and {@code > 0}
     */
    public RelaxedSplittingSolver(NonOverlapNetwork network, Penalty penalty, double eta, double beta) {
        super(network, "a NonOverlapNetwork", penalty, eta, beta);
    }

    /** @throws IllegalStateException if an iterate reaches {@code w = 0}, where the gradient does not exist */
    @Override
    double[] finishStep(double[] raw, int t) {
        if (Vectors.norm(raw) == 0) {
            throw new IllegalStateException("RVSM step " + t + " reached w = 0, where f has no gradient and the "
                    + "angle is undefined; use a smaller eta");
        }
        return raw;
    }
}
