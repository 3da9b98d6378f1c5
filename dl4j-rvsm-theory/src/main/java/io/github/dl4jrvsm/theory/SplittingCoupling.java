package io.github.dl4jrvsm.theory;

import io.github.dl4jrvsm.core.internal.Validate;
import io.github.dl4jrvsm.core.prox.Penalty;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The part of the relaxed splitting objective that does not depend on the model: a sparsity penalty and the
 * coupling strength {@code beta} between the dense weights {@code w} and their sparse copy {@code u}.
 *
 * <p>It supplies the {@code u}-step, {@code u = argmin_u penalty(u) + beta/2 |w - u|^2}, which is the penalty's
 * proximal operator, and evaluates the relaxed Lagrangian {@code L_beta(w, u) = f(w) + penalty(u) +
 * beta/2 |w - u|^2} (eq. (3.9), with the penalty in place of {@code lambda |u|_1}). The penalties of the
 * {@code prox} package work on ND4J arrays, so this is the one place where the theory vectors cross into ND4J
 * (always in double precision).
 */
public final class SplittingCoupling {

    private final Penalty penalty;
    private final double beta;

    /**
     * @param penalty the sparsity penalty, e.g. {@link io.github.dl4jrvsm.core.prox.L1Penalty}
     * @param beta    coupling strength, finite and {@code > 0}
     */
    public SplittingCoupling(Penalty penalty, double beta) {
        this.penalty = Validate.notNull("penalty", penalty, "a Penalty (e.g. L0Penalty, L1Penalty, "
                + "TransformedL1Penalty)");
        this.beta = Validate.positive("beta (coupling strength)", beta);
    }

    public Penalty penalty() {
        return penalty;
    }

    public double beta() {
        return beta;
    }

    /** The {@code u}-step: the proximal point of {@code w} for this penalty and {@code beta}. */
    public double[] prox(double[] w) {
        Validate.finiteVector("w", w);
        return penalty.prox(Nd4j.createFromArray(w.clone()), beta).toDoubleVector();
    }

    /** The penalty value at {@code u}. */
    public double penaltyValue(double[] u) {
        Validate.finiteVector("u", u);
        return penalty.value(Nd4j.createFromArray(u.clone()));
    }

    /** {@code L_beta(w, u) = f + penalty(u) + beta/2 |w - u|^2}, given the model loss {@code f = f(w)}. */
    public double lagrangian(double f, double[] w, double[] u) {
        Validate.finiteVector("w", w);
        Validate.finiteVector("u", u);
        Validate.sameLength("w and u", w, u);
        double gap = Vectors.distance(w, u);
        return f + penaltyValue(u) + beta / 2 * gap * gap;
    }
}
