package io.github.dl4jrvsm.adversarial.training;

import io.github.dl4jrvsm.adversarial.attack.Attack;
import io.github.dl4jrvsm.adversarial.attack.ProjectedGradientDescent;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.adversarial.model.GradientMode;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Replaces (part of) a training batch by adversarial examples made against the current model; shared by the
 * {@code DataSetIterator} and {@code MultiDataSetIterator} wrappers.
 *
 * <p>Defaults follow the dissertation: PGD with epsilon 8/255, step 2/255, 10 steps, random start, the whole batch
 * replaced, and gradients of the training-mode model as the authors' code computed them
 * ({@link #withMode} switches to inference mode). For a model trained on normalized data, give the base iterator
 * pixels and the attack model the normalizer ({@link AttackModel#withNormalizer}): batches are attacked in pixels and
 * handed to {@code fit} normalized.
 */
public final class AdversarialBatches {

    public static final double DEFAULT_EPSILON = 8 / 255.0;
    public static final double DEFAULT_STEP = 2 / 255.0;
    public static final int DEFAULT_STEPS = 10;

    private final AttackModel model;
    private final Attack attack;
    private final double fraction;
    private final Random random;

    public AdversarialBatches(AttackModel model, Attack attack, double fraction, long seed) {
        if (model == null || attack == null) {
            throw new IllegalArgumentException("model and attack must be given");
        }
        this.model = model;
        this.attack = attack;
        this.fraction = checkedFraction(fraction);
        this.random = new Random(seed);
    }

    /** The dissertation's setting for {@code model}. */
    public static AdversarialBatches pgdDefaults(Model model) {
        return new AdversarialBatches(AttackModel.of(model).withMode(GradientMode.TRAINING), defaultAttack(), 1.0, 0);
    }

    /** The dissertation's training attack: PGD with random start, epsilon 8/255, step 2/255, 10 steps. */
    public static ProjectedGradientDescent defaultAttack() {
        return ProjectedGradientDescent.pgd(DEFAULT_EPSILON, DEFAULT_STEP, DEFAULT_STEPS);
    }

    /**
     * {@code fraction}, the share of each batch replaced by adversarial examples, if it is in (0, 1].
     *
     * @throws IllegalArgumentException naming the value otherwise
     */
    public static double checkedFraction(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction (share of each batch replaced by adversarial examples) must be "
                    + "in (0, 1], got " + fraction);
        }
        return fraction;
    }

    public AdversarialBatches withMode(GradientMode mode) {
        return new AdversarialBatches(model.withMode(mode), attack, fraction, random.nextLong());
    }

    public AdversarialBatches withFraction(double f) {
        return new AdversarialBatches(model, attack, f, random.nextLong());
    }

    public AdversarialBatches withAttack(Attack a) {
        return new AdversarialBatches(model, a, fraction, random.nextLong());
    }

    /** The same settings with a new seed, e.g. one per epoch so that a resumed run repeats the same batches. */
    public AdversarialBatches withSeed(long seed) {
        return new AdversarialBatches(model, attack, fraction, seed);
    }

    public Attack attack() {
        return attack;
    }

    /**
     * {@code d} with {@link #perturb(INDArray, INDArray) perturbed} features, as the data set wrapper returns it: what
     * the network trains on, so normalized when the attack model has a normalizer (the base iterator gives pixels).
     */
    DataSet perturb(DataSet d) {
        return new DataSet(model.networkInput(perturb(d.getFeatures(), d.getLabels())), d.getLabels().dup(), d.getFeaturesMaskArray(),
                d.getLabelsMaskArray());
    }

    /** {@code d}, of one input and one output, with perturbed features, as the multi data set wrapper returns it. */
    MultiDataSet perturb(MultiDataSet d) {
        if (d.numFeatureArrays() != 1 || d.numLabelsArrays() != 1) {
            throw new IllegalArgumentException("Adversarial training supports one input and one output, got "
                    + d.numFeatureArrays() + " inputs and " + d.numLabelsArrays() + " outputs");
        }
        return new org.nd4j.linalg.dataset.MultiDataSet(model.networkInput(perturb(d.getFeatures(0), d.getLabels(0))),
                d.getLabels(0).dup(), d.getFeaturesMaskArray(0), d.getLabelsMaskArray(0));
    }

    /** A new feature array where a random {@code fraction} of the examples are adversarial, in pixels. */
    public INDArray perturb(INDArray features, INDArray labels) {
        int n = (int) features.size(0);
        int k = (int) Math.round(fraction * n);
        // attack the parameters as they are now: averaging (ParallelWrapper) changes them without fit
        model.refresh();
        // a fresh random start for every batch, reproducible from the seed
        Attack batchAttack = attack.withSeed(random.nextLong());
        if (k == n) {
            return batchAttack.run(model, features, labels).adversarial();
        }
        if (k == 0) {
            return features.dup();
        }
        List<Integer> order = IntStream.range(0, n).boxed().collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(order, random);
        long[] chosen = order.stream().limit(k).mapToLong(Integer::longValue).sorted().toArray();
        INDArray x = features.get(NDArrayIndex.indices(chosen)).dup();
        INDArray y = labels.get(NDArrayIndex.indices(chosen)).dup();
        INDArray adv = batchAttack.run(model, x, y).adversarial();
        INDArray out = features.dup();
        for (int i = 0; i < k; i++) {
            out.get(NDArrayIndex.point(chosen[i])).assign(adv.get(NDArrayIndex.point(i)));
        }
        return out;
    }
}
