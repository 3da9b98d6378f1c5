package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackLoss;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;
import java.util.Map;

/**
 * Carlini-Wagner L2 (2017): minimise {@code ||x' - x||^2 + c * f(x')} over {@code x' = (tanh(w) + 1) / 2} (which keeps
 * {@code x'} in [0, 1]) with Adam, where {@code f = max(z_y - max_{i != y} z_i, -kappa)} (untargeted), and
 * binary-search the constant {@code c} per example. Returns the smallest successful perturbation found; examples
 * where none was found are returned unchanged. A minimisation attack: it has no epsilon.
 */
public final class CarliniWagnerL2 extends AttackBase {

    public static final int DEFAULT_BINARY_SEARCH_STEPS = 5;
    public static final int DEFAULT_STEPS = 100;
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    public static final double DEFAULT_INITIAL_CONST = 1e-2;

    private final int binarySearchSteps;
    private final int steps;
    private final double learningRate;
    private final double initialConst;
    private final double confidence;

    @Override
    public String name() {
        return "CW-L2";
    }

    /**
     * @param criterion {@link Criterion#MISCLASSIFICATION} with true labels, or
     *                  {@link Criterion#TARGETED_MISCLASSIFICATION} with target labels
     */
    public CarliniWagnerL2(int binarySearchSteps, int steps, double learningRate, double initialConst,
                           double confidence, Criterion criterion) {
        super(criterion, 0);
        this.binarySearchSteps = Validate.atLeastOne("binarySearchSteps", binarySearchSteps);
        this.steps = Validate.atLeastOne("steps", steps);
        this.learningRate = Validate.positive("learningRate", learningRate);
        this.initialConst = Validate.positive("initialConst", initialConst);
        this.confidence = Validate.atLeastZero("confidence (kappa)", confidence);
    }

    public CarliniWagnerL2() {
        this(DEFAULT_BINARY_SEARCH_STEPS, DEFAULT_STEPS, DEFAULT_LEARNING_RATE, DEFAULT_INITIAL_CONST, 0, Criterion.MISCLASSIFICATION);
    }

    @Override
    protected INDArray perturb(AttackRun run) {
        AttackModel model = run.model();
        INDArray x = run.x(), labels = run.labels();
        boolean targeted = run.criterion().isTargeted();
        int n = run.examples();
        INDArray w0 = Transforms.atanh(x.mul(2).subi(1).muli(1 - 1e-6), false);
        double[] c = new double[n], lower = new double[n], upper = new double[n], bestL2 = new double[n];
        Arrays.fill(c, initialConst);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        Arrays.fill(bestL2, Double.POSITIVE_INFINITY);
        INDArray best = x.dup();
        for (int round = 0; round < binarySearchSteps; round++) {
            INDArray w = w0.dup();
            Adam adam = new Adam(learningRate, w);
            boolean[] found = new boolean[n];
            for (int s = 0; s < steps; s++) {
                INDArray tanh = Transforms.tanh(w, true);
                INDArray adv = tanh.add(1).divi(2);
                double[] margin = Margins.of(model.probabilities(adv), labels);   // max_{i!=y} z_i - z_y
                double[] l2 = Margins.squaredL2(adv, x);
                double[] weight = new double[n];
                boolean[] success = new boolean[n];
                for (int i = 0; i < n; i++) {
                    // f = max(-margin, -kappa) untargeted; max(margin, -kappa) targeted (labels are targets)
                    double f = targeted ? margin[i] : -margin[i];
                    weight[i] = f > -confidence ? c[i] * (targeted ? 1 : -1) : 0;
                    success[i] = targeted ? margin[i] <= -confidence && margin[i] < 0 : margin[i] >= confidence && margin[i] > 0;
                }
                boolean[] improved = new boolean[n];
                for (int i = 0; i < n; i++) {
                    found[i] |= success[i];
                    improved[i] = success[i] && l2[i] < bestL2[i];
                    bestL2[i] = improved[i] ? l2[i] : bestL2[i];
                }
                Perturbations.takeWhere(best, adv, improved);
                INDArray gradX = adv.sub(x).muli(2).addi(Margins.scaleRows(model.gradient(adv, labels, AttackLoss.MARGIN), weight));
                INDArray gradW = gradX.muli(tanh.mul(tanh).rsubi(1).muli(0.5));
                adam.descend(w, gradW);
            }
            for (int i = 0; i < n; i++) {
                if (found[i]) {
                    upper[i] = Math.min(upper[i], c[i]);
                    c[i] = (lower[i] + upper[i]) / 2;
                } else {
                    lower[i] = Math.max(lower[i], c[i]);
                    c[i] = Double.isInfinite(upper[i]) ? c[i] * 10 : (lower[i] + upper[i]) / 2;
                }
            }
        }
        return best;
    }

    @Override
    public Map<String, Object> settings() {
        return Settings.of("binarySearchSteps", binarySearchSteps, "steps", steps, "learningRate", learningRate,
                "initialConst", initialConst, "confidence", confidence, "criterion", criterion().name());
    }
}
