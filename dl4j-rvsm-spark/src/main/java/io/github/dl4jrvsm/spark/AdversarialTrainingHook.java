package io.github.dl4jrvsm.spark;

import io.github.dl4jrvsm.adversarial.attack.Attack;
import io.github.dl4jrvsm.adversarial.model.AttackModel;
import io.github.dl4jrvsm.adversarial.model.GradientMode;
import io.github.dl4jrvsm.adversarial.training.AdversarialBatches;
import org.apache.spark.TaskContext;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.spark.api.TrainingHook;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Adversarial training on Spark: DL4J's parameter-averaging worker calls {@link #preUpdate} with each minibatch right
 * before {@code fit} on the executor, and this hook swaps the minibatch's features for adversarial examples made
 * against that worker's current model ({@link AdversarialBatches}: PGD 8/255, 2/255, 10 steps, training-mode
 * gradients by default). {@link #postUpdate} puts the clean features back, so a cached RDD is never altered.
 *
 * <p>Why a hook rather than {@code AdversarialDataSetIterator}: Spark builds the worker's iterator itself from the
 * RDD, so the only place that sees both the minibatch and the worker's model is a {@link TrainingHook}. Register it
 * with {@code ParameterAveragingTrainingMaster.Builder.trainingHooks(hook)}; it serves {@code SparkDl4jMultiLayer}
 * ({@link DataSet}) and {@code SparkComputationGraph} ({@link MultiDataSet}, one input and one output).
 *
 * <p>The hook travels to executors by Java serialization, so it holds only settings; the {@link AttackModel} with its
 * gradient networks is built on the executor for each worker model and reused while that model trains.
 */
public final class AdversarialTrainingHook implements TrainingHook {

    private static final long serialVersionUID = 1L;

    private final Attack attack;
    private final GradientMode mode;
    private final double fraction;
    private final long seed;

    private transient Model cachedModel;
    private transient AdversarialBatches cachedBatches;
    private transient Map<Object, INDArray> cleanFeatures;

    private AdversarialTrainingHook(Attack attack, GradientMode mode, double fraction, long seed) {
        if (attack == null) {
            throw new IllegalArgumentException("attack must be given");
        }
        if (mode == null) {
            throw new IllegalArgumentException("gradient mode must be given (TRAINING or INFERENCE)");
        }
        this.attack = attack;
        this.mode = mode;
        this.fraction = AdversarialBatches.checkedFraction(fraction);
        this.seed = seed;
    }

    /** The dissertation's setting, as {@link AdversarialBatches#pgdDefaults}: the whole minibatch becomes PGD examples. */
    public static AdversarialTrainingHook pgdDefaults() {
        return new AdversarialTrainingHook(AdversarialBatches.defaultAttack(), GradientMode.TRAINING, 1.0, 0);
    }

    public AdversarialTrainingHook withAttack(Attack a) {
        return new AdversarialTrainingHook(a, mode, fraction, seed);
    }

    public AdversarialTrainingHook withMode(GradientMode m) {
        return new AdversarialTrainingHook(attack, m, fraction, seed);
    }

    public AdversarialTrainingHook withFraction(double f) {
        return new AdversarialTrainingHook(attack, mode, f, seed);
    }

    /** Base seed of the random starts; each Spark task mixes in its stage and partition so workers differ. */
    public AdversarialTrainingHook withSeed(long s) {
        return new AdversarialTrainingHook(attack, mode, fraction, s);
    }

    public Attack attack() {
        return attack;
    }

    @Override
    public void preUpdate(DataSet minibatch, Model model) {
        INDArray clean = minibatch.getFeatures();
        INDArray adversarial = batchesFor(model).perturb(clean, minibatch.getLabels());
        remember(minibatch, clean);
        minibatch.setFeatures(adversarial);
    }

    @Override
    public void postUpdate(DataSet minibatch, Model model) {
        INDArray clean = forget(minibatch);
        if (clean != null) {
            minibatch.setFeatures(clean);
        }
    }

    @Override
    public void preUpdate(MultiDataSet minibatch, Model model) {
        if (minibatch.numFeatureArrays() != 1 || minibatch.numLabelsArrays() != 1) {
            throw new IllegalArgumentException("Adversarial training supports one input and one output, got "
                    + minibatch.numFeatureArrays() + " inputs and " + minibatch.numLabelsArrays() + " outputs");
        }
        INDArray clean = minibatch.getFeatures(0);
        INDArray adversarial = batchesFor(model).perturb(clean, minibatch.getLabels(0));
        remember(minibatch, clean);
        minibatch.setFeatures(0, adversarial);
    }

    @Override
    public void postUpdate(MultiDataSet minibatch, Model model) {
        INDArray clean = forget(minibatch);
        if (clean != null) {
            minibatch.setFeatures(0, clean);
        }
    }

    /** One {@link AdversarialBatches} per worker model: rebuilding gradient networks every minibatch would be waste. */
    private synchronized AdversarialBatches batchesFor(Model model) {
        if (model != cachedModel) {
            cachedBatches = new AdversarialBatches(AttackModel.of(model).withMode(mode), attack, fraction, taskSeed());
            cachedModel = model;
        }
        return cachedBatches;
    }

    private long taskSeed() {
        TaskContext task = TaskContext.get();
        return task == null ? seed : seed + 1_000_003L * task.stageId() + 7919L * task.partitionId();
    }

    private synchronized void remember(Object minibatch, INDArray clean) {
        if (cleanFeatures == null) {
            cleanFeatures = new IdentityHashMap<>();
        }
        cleanFeatures.put(minibatch, clean);
    }

    private synchronized INDArray forget(Object minibatch) {
        return cleanFeatures == null ? null : cleanFeatures.remove(minibatch);
    }
}
