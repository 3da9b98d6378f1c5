package io.github.dl4jrvsm.adversarial.model;

import io.github.dl4jrvsm.core.internal.ElementwiseAffine;
import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.model.StochasticLayerConfig;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A DL4J network as attacks see it: probabilities, per-example losses and input gradients of an {@link AttackLoss},
 * in pixel space. Works for {@link MultiLayerNetwork} and single-input {@link ComputationGraph}.
 *
 * <p>For randomised models (layers random at inference, such as EnResNet's noise) gradients are averaged over
 * {@link #eotSamples} forward/backward passes (expectation over transformation).
 *
 * <p>The model counts what attacks cost it, in examples: {@link #forwardPasses()} for examples passed forward without
 * a gradient, {@link #backwardPasses()} for examples passed forward and backward (every EOT sample counts). Copies
 * made with {@code with...} share the counts, since they attack the same network.
 *
 * <p>A model trained on normalized data is attacked in pixel space with {@link #withNormalizer}: the attack perturbs
 * pixels in [0, 1] and the epsilon ball is measured in pixels, the normalizer is applied before every pass, and input
 * gradients are carried back through it by the chain rule.
 */
public final class AttackModel {

    private final Model model;
    private final NetworkAdapter network;
    private final GradientMode mode;
    private final int eotSamples;
    private final Map<AttackLoss, GradientNetwork> gradients = new EnumMap<>(AttackLoss.class);
    private final AtomicLong forward;
    private final AtomicLong backward;
    private final DataNormalization normalizer;
    private final Map<String, ElementwiseAffine> normalizations = new ConcurrentHashMap<>();

    private AttackModel(Model model, GradientMode mode, int eotSamples, AtomicLong forward, AtomicLong backward,
                        DataNormalization normalizer) {
        this.network = NetworkAdapter.of(model);
        if (eotSamples < 1) {
            throw new IllegalArgumentException("eotSamples must be >= 1, got " + eotSamples);
        }
        this.model = model;
        this.mode = mode == null ? GradientMode.INFERENCE : mode;
        this.eotSamples = eotSamples;
        this.forward = forward;
        this.backward = backward;
        this.normalizer = normalizer;
    }

    /** Inference-mode gradients, one sample per gradient. */
    public static AttackModel of(Model model) {
        return new AttackModel(model, GradientMode.INFERENCE, 1, new AtomicLong(), new AtomicLong(), null);
    }

    public AttackModel withMode(GradientMode m) {
        return new AttackModel(model, m, eotSamples, forward, backward, normalizer);
    }

    /** Averages every gradient over {@code samples} passes; use it for randomised models. */
    public AttackModel withEot(int samples) {
        return new AttackModel(model, mode, samples, forward, backward, normalizer);
    }

    /**
     * A copy for a model trained on {@code normalizer}'s output: attacks give pixels, the network gets
     * {@code normalizer.transform(pixels)}. The normalizer must be fitted and element-wise affine (DL4J's
     * {@code NormalizerStandardize}, {@code NormalizerMinMaxScaler}, {@code ImagePreProcessingScaler}); that is checked
     * on the first batch. {@code null} means the network takes pixels.
     */
    public AttackModel withNormalizer(DataNormalization normalizer) {
        return new AttackModel(model, mode, eotSamples, forward, backward, normalizer);
    }

    /** The normalizer applied before the network, or null when it takes pixels. */
    public DataNormalization normalizer() {
        return normalizer;
    }

    /** What the network receives for the pixels {@code x}: {@code x} itself, or its normalization. */
    public INDArray networkInput(INDArray x) {
        return normalizer == null ? x : normalization(x).apply(x);
    }

    private INDArray pixelGradient(INDArray x, INDArray networkGradient) {
        return normalizer == null ? networkGradient : normalization(x).pullBack(networkGradient);
    }

    private ElementwiseAffine normalization(INDArray x) {
        long[] shape = Arrays.copyOfRange(x.shape(), 1, x.rank());
        return normalizations.computeIfAbsent(x.dataType() + Arrays.toString(shape),
                k -> ElementwiseAffine.probe(normalizer, x.dataType(), shape));
    }

    public Model model() {
        return model;
    }

    public GradientMode mode() {
        return mode;
    }

    public int eotSamples() {
        return eotSamples;
    }

    /** Examples passed forward without a gradient so far (probabilities, loss values). */
    public long forwardPasses() {
        return forward.get();
    }

    /** Examples passed forward and backward for an input gradient so far, every EOT sample counted. */
    public long backwardPasses() {
        return backward.get();
    }

    /**
     * Copies the model's parameters into the gradient networks again before the next gradient. Needed when they
     * changed outside {@code fit} without the iteration count moving, as {@code ParallelWrapper}'s averaging does;
     * {@link io.github.dl4jrvsm.adversarial.training.AdversarialBatches} calls it once per batch.
     */
    public void refresh() {
        for (GradientNetwork g : gradients.values()) {
            g.invalidate();
        }
    }

    /** Class probabilities in inference mode, {@code [n, classes]}. */
    public INDArray probabilities(INDArray x) {
        forward.addAndGet(x.size(0));
        return network.output(networkInput(x), false);
    }

    /**
     * The logits in inference mode, {@code [n, classes]}: the output layer's input, read from a copy of the network
     * whose output is the identity. Score-based attacks need them rather than probabilities: a saturated softmax
     * rounds the probabilities of all but one class to zero and with them every margin.
     */
    public INDArray logits(INDArray x) {
        forward.addAndGet(x.size(0));
        return gradients.computeIfAbsent(AttackLoss.MARGIN, l -> new GradientNetwork(model, mode, l)).output(networkInput(x));
    }

    /** Predicted class of each example. */
    public int[] predict(INDArray x) {
        return probabilities(x).argMax(1).toIntVector();
    }

    /** Each example's gradient of {@code loss} with respect to its input, in the configured mode. */
    public INDArray gradient(INDArray x, INDArray labels, AttackLoss loss) {
        checkBatch(x, labels);
        GradientNetwork g = gradients.computeIfAbsent(loss, l -> new GradientNetwork(model, mode, l));
        backward.addAndGet(x.size(0) * eotSamples);
        INDArray z = networkInput(x);
        INDArray sum = g.inputGradient(z, labels);
        for (int i = 1; i < eotSamples; i++) {
            sum = sum.add(g.inputGradient(z, labels));
        }
        return pixelGradient(x, eotSamples == 1 ? sum : sum.divi(eotSamples));
    }

    /**
     * Loss values, logits and input gradient of {@code loss} from one forward-backward pass (per EOT sample); with
     * EOT all three are averages over the samples.
     */
    public LossGradient lossAndGradient(INDArray x, INDArray labels, AttackLoss loss) {
        checkBatch(x, labels);
        backward.addAndGet(x.size(0) * eotSamples);
        GradientNetwork g = gradients.computeIfAbsent(loss, l -> new GradientNetwork(model, mode, l));
        INDArray z = networkInput(x);
        LossGradient sum = g.evaluate(z, labels);
        if (eotSamples == 1) {
            return new LossGradient(sum.losses(), sum.logits(), pixelGradient(x, sum.gradient()));
        }
        INDArray losses = sum.losses().dup(), logits = sum.logits().dup(), gradient = sum.gradient().dup();
        for (int i = 1; i < eotSamples; i++) {
            LossGradient next = g.evaluate(z, labels);
            losses.addi(next.losses());
            logits.addi(next.logits());
            gradient.addi(next.gradient());
        }
        return new LossGradient(losses.divi(eotSamples), logits.divi(eotSamples),
                pixelGradient(x, gradient.divi(eotSamples)));
    }

    /** Per-example loss values, {@code [n]}. */
    public INDArray losses(INDArray x, INDArray labels, AttackLoss loss) {
        checkBatch(x, labels);
        forward.addAndGet(x.size(0));
        return gradients.computeIfAbsent(loss, l -> new GradientNetwork(model, mode, l)).losses(networkInput(x), labels);
    }

    /** Whether inference is random (a layer random at inference), so results vary between runs. */
    public boolean isRandomized() {
        for (NamedLayer l : NamedLayer.of(model)) {
            if (l.config() instanceof StochasticLayerConfig s && s.isStochasticAtInference()) {
                return true;
            }
        }
        return false;
    }

    /** Whether training-mode passes are random (dropout), relevant for {@link GradientMode#TRAINING}. */
    public boolean hasDropout() {
        for (NamedLayer l : NamedLayer.of(model)) {
            IDropout d = l.config().getIDropout();
            if (d != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rejects a batch that cannot be paired up: a missing array, or a label row count other than the example count.
     * Attacks check their inputs further (pixel range, one-hot labels) on top of this.
     *
     * @throws IllegalArgumentException naming both counts when they differ
     */
    public static void checkBatch(INDArray x, INDArray labels) {
        if (x == null || labels == null) {
            throw new IllegalArgumentException("features and labels must not be null");
        }
        if (x.size(0) != labels.size(0)) {
            throw new IllegalArgumentException("features have " + x.size(0) + " examples but labels have "
                    + labels.size(0) + "; give one label row per example");
        }
    }
}
