package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Map;
import java.util.Random;

/**
 * NAttack (Li et al., ICML 2019): a black-box L-infinity attack that learns a Gaussian search distribution
 * {@code N(mu, sigma^2 I)} over perturbations with natural evolution strategies, reading only the model's
 * probabilities.
 *
 * <p>A sample {@code z} maps to the image {@code Proj((tanh(atanh(2x - 1) + z) + 1) / 2)}; the loss is the margin
 * {@code max(0, log p_y - max_{c != y} log p_c)}; each iteration moves {@code mu} against the standardised-loss
 * weighted average of the samples' noise, and stops for an example once the image of {@code mu} is misclassified.
 */
public final class NAttack extends FixedEpsilonAttack {

    public static final int DEFAULT_POPULATION = 300;
    public static final int DEFAULT_ITERATIONS = 500;
    public static final double DEFAULT_SIGMA = 0.1;
    public static final double DEFAULT_LEARNING_RATE = 0.02;

    private final int population;
    private final int iterations;
    private final double sigma;
    private final double learningRate;

    /**
     * "NAttack", labelled with its budget when that is below the paper's (population 300, 500 iterations): a cheaper
     * budget finds fewer adversarials, so its accuracy is an upper bound the reader must not take for the paper's.
     */
    @Override
    public String name() {
        if (population >= DEFAULT_POPULATION && iterations >= DEFAULT_ITERATIONS) {
            return "NAttack";
        }
        return "NAttack (reduced budget " + population + "x" + iterations + " of the paper's " + DEFAULT_POPULATION
                + "x" + DEFAULT_ITERATIONS + ")";
    }

    public NAttack(double epsilon, int population, int iterations, double sigma, double learningRate, long seed) {
        super(Norm.LINF, linfOnly("NAttack", epsilon), Criterion.MISCLASSIFICATION, seed);
        this.population = Validate.atLeastOne("population", population);
        this.iterations = Validate.atLeastOne("iterations", iterations);
        this.sigma = Validate.positive("sigma", sigma);
        this.learningRate = Validate.positive("learningRate", learningRate);
    }

    public NAttack(double epsilon) {
        this(epsilon, DEFAULT_POPULATION, DEFAULT_ITERATIONS, DEFAULT_SIGMA, DEFAULT_LEARNING_RATE, 0);
    }

    @Override
    protected INDArray perturb(AttackRun run) {
        INDArray x = run.x(), labels = run.labels();
        AttackModel model = run.model();
        Random random = run.random();
        int n = run.examples();
        INDArray result = x.dup();
        for (int i = 0; i < n; i++) {
            INDArray xi = x.get(NDArrayIndex.interval(i, i + 1)).dup();
            INDArray yi = labels.get(NDArrayIndex.interval(i, i + 1)).dup();
            INDArray adv = attackOne(model, xi, yi, random);
            if (adv != null) {
                result.get(NDArrayIndex.interval(i, i + 1)).assign(adv);
            }
        }
        return result;
    }

    /** The adversarial image of one example, or null if the budget ran out first. */
    private INDArray attackOne(AttackModel model, INDArray x, INDArray y, Random random) {
        INDArray base = Transforms.atanh(x.mul(2).subi(1).muli(1 - 1e-6), false);
        INDArray mu = Perturbations.gaussian(x.shape(), x.dataType(), random).muli(0.001);
        long[] popShape = x.shape().clone();
        popShape[0] = population;
        INDArray yPop = y.broadcast(population, y.size(1));
        for (int it = 0; it < iterations; it++) {
            INDArray center = image(base.add(mu), x);
            if (Criterion.MISCLASSIFICATION.isMet(model.probabilities(center), y)[0]) {
                return center;
            }
            INDArray noise = Perturbations.gaussian(popShape, x.dataType(), random);
            INDArray candidates = image(noise.mul(sigma).addi(mu.broadcast(popShape)).addi(base.broadcast(popShape)), x);
            double[] loss = Margins.of(model.probabilities(candidates), yPop);
            double mean = 0, var = 0;
            for (int j = 0; j < population; j++) {
                loss[j] = Math.max(0, -loss[j]);   // log p_y - max_{c != y} log p_c, floored at 0
                mean += loss[j];
            }
            mean /= population;
            for (int j = 0; j < population; j++) {
                var += (loss[j] - mean) * (loss[j] - mean);
            }
            double std = Math.sqrt(var / population) + 1e-7;
            double[] weight = new double[population];
            for (int j = 0; j < population; j++) {
                weight[j] = (loss[j] - mean) / std;
            }
            INDArray step = Margins.scaleRows(noise, weight).sum(0).reshape(x.shape());
            mu.subi(step.muli(learningRate / (population * sigma)));
        }
        INDArray last = image(base.add(mu), x);
        return Criterion.MISCLASSIFICATION.isMet(model.probabilities(last), y)[0] ? last : null;
    }

    private INDArray image(INDArray pre, INDArray x) {
        INDArray img = Transforms.tanh(pre, false).addi(1).divi(2);
        return Perturbations.project(img, x.broadcast(img.shape()), epsilon());
    }

    @Override
    public boolean usesGradients() {
        return false;
    }

    @Override
    public NAttack withSeed(long s) {
        return new NAttack(epsilon(), population, iterations, sigma, learningRate, s);
    }

    @Override
    public Map<String, Object> settings() {
        return Settings.of("epsilon", epsilon(), "population", population, "iterations", iterations, "sigma", sigma,
                "learningRate", learningRate, "seed", seed());
    }
}
