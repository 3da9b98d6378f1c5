package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackLoss;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Map;

/**
 * The "C&amp;W" of the EnResNet evaluation script, kept to compare with the dissertation's A4 column. It is not the
 * Carlini-Wagner attack: Adam (lr 6e-4, 50 steps) runs on the image itself to minimise
 * {@code ||x' - x||^2 + 10 * max(z_pred - z_runnerUp, -kappa)}, where {@code pred} is the model's clean prediction;
 * the lowest-loss iterate is kept and the perturbation is then <em>scaled by epsilon</em>: {@code x + eps (x' - x)}.
 * The result is a small, not norm-bounded perturbation. Unlike the script, this class clips the result to [0, 1],
 * as every attack of the library does. Prefer {@link CarliniWagnerL2} or {@link ProjectedGradientDescent#cwLinf}.
 */
public final class LegacyCarliniWagner extends FixedEpsilonAttack {

    private final int steps;
    private final double learningRate;
    private final double constant;
    private final double kappa;

    @Override
    public String name() {
        return "CW-legacy";
    }

    public LegacyCarliniWagner(double epsilon, int steps, double learningRate, double constant, double kappa) {
        super(Norm.LINF, linfOnly("CW-legacy", epsilon), Criterion.MISCLASSIFICATION, 0);
        this.steps = Validate.atLeastOne("steps", steps);
        this.learningRate = Validate.positive("learningRate", learningRate);
        this.constant = Validate.positive("constant", constant);
        this.kappa = Validate.atLeastZero("kappa", kappa);
    }

    /** The script's settings: epsilon 0.031, 50 steps, lr 6e-4, constant 10, kappa 0. */
    public LegacyCarliniWagner() {
        this(0.031, 50, 6e-4, 10, 0);
    }

    @Override
    protected INDArray perturb(AttackRun run) {
        AttackModel model = run.model();
        INDArray x = run.x();
        INDArray p = model.probabilities(x);
        int n = run.examples();
        INDArray predicted = Margins.oneHot(p.argMax(1).toIntVector(), (int) p.size(1), x.dataType());
        INDArray xp = x.dup();
        INDArray best = x.dup();
        double[] bestLoss = new double[n];
        Arrays.fill(bestLoss, Double.POSITIVE_INFINITY);
        Adam adam = new Adam(learningRate, xp);
        for (int s = 0; s < steps; s++) {
            double[] margin = Margins.of(model.probabilities(xp), predicted); // z_runnerUp - z_pred
            double[] l2 = Margins.squaredL2(xp, x);
            double[] weight = new double[n];
            boolean[] improved = new boolean[n];
            for (int i = 0; i < n; i++) {
                double hinge = Math.max(-margin[i], -kappa);
                double loss = l2[i] + constant * hinge;
                improved[i] = loss < bestLoss[i];
                bestLoss[i] = Math.min(bestLoss[i], loss);
                weight[i] = -margin[i] > -kappa ? -constant : 0;
            }
            Perturbations.takeWhere(best, xp, improved);
            INDArray grad = xp.sub(x).muli(2).addi(Margins.scaleRows(model.gradient(xp, predicted, AttackLoss.MARGIN), weight));
            adam.descend(xp, grad);
        }
        return x.add(best.subi(x).muli(epsilon()));
    }

    @Override
    public Map<String, Object> settings() {
        return Settings.of("epsilon", epsilon(), "steps", steps, "learningRate", learningRate, "constant", constant,
                "kappa", kappa);
    }
}
