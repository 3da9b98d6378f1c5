package io.github.dl4jrvsm.adversarial.attack;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An attack with a budget: its result lies within {@code epsilon} of the clean image in its {@link Norm} (and in
 * [0, 1]), which {@link AttackBase#run} enforces by projecting whatever the inner loop returns.
 */
public abstract class FixedEpsilonAttack extends AttackBase {

    private final Norm norm;
    private final double epsilon;

    protected FixedEpsilonAttack(Norm norm, double epsilon, Criterion criterion, long seed) {
        super(criterion, seed);
        this.norm = norm == null ? Norm.LINF : norm;
        this.epsilon = this.norm.checkEpsilon(epsilon);
    }

    /**
     * Checks that an attack that only has an L-infinity form is given an L-infinity budget: a value above 1 can only
     * be meant as an L2 budget, and the message says so.
     */
    protected static double linfOnly(String attack, double epsilon) {
        if (epsilon > 1 && Double.isFinite(epsilon)) {
            throw new IllegalArgumentException(attack + " is an L-infinity attack: epsilon must be in [0, 1] (pixel "
                    + "units), got " + epsilon + ", which reads as an L2 budget; use an attack with an L2 form "
                    + "(PGD, APGD, Square, FAB-T) with Norm.L2");
        }
        return Norm.LINF.checkEpsilon(epsilon);
    }

    public Norm norm() {
        return norm;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    protected final INDArray bound(INDArray adversarial, INDArray x) {
        return norm.project(adversarial, x, epsilon);
    }
}
