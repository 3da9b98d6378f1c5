package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/**
 * The options every zoo model shares, as a fluent builder; subclasses add their architecture's own and build the DL4J
 * configuration ({@code conf()}) or an initialised network ({@link #init()}).
 *
 * <p>Defaults, and why:
 * <ul>
 *   <li>input {@link InputShape#CIFAR} (3x32x32), {@value #DEFAULT_CLASSES} classes: the dissertation's data;</li>
 *   <li>updater {@code Nesterovs(0.1, 0.9)}: the dissertation's SGD with Nesterov momentum and initial step 0.1
 *       (learning-rate schedules are the caller's: pass an updater with an {@code ISchedule});</li>
 *   <li>seed {@value #DEFAULT_SEED}: fixed, so two builds give the same initial weights;</li>
 *   <li>convolutions {@link HeFanOutNormal}: the authors' {@code N(0, sqrt(2/(k*k*out)))};</li>
 *   <li>dense layers {@code WeightInit.XAVIER}: keeps the logits of a fresh network small;</li>
 *   <li>l2 weight decay 0: the dissertation used 5e-4, but with sparse training the penalty is usually the only
 *       regulariser wanted; {@link #l2(double)} adds it to every weight (never to batch-norm or biases).</li>
 * </ul>
 * Every layer has an explicit activation, so DL4J's global default (sigmoid) never leaks into a model.
 *
 * @param <B> the concrete builder, for fluent chaining
 */
public abstract class ZooModel<B extends ZooModel<B>> {

    public static final int DEFAULT_CLASSES = 10;
    public static final long DEFAULT_SEED = 42;

    private InputShape inputShape = InputShape.CIFAR;
    private int classes = DEFAULT_CLASSES;
    private IUpdater updater = new Nesterovs(0.1, 0.9);
    private long seed = DEFAULT_SEED;
    private IWeightInit convolutionInit = new HeFanOutNormal();
    private IWeightInit denseInit = WeightInit.XAVIER.getWeightInitFunction();
    private double l2;

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    public B inputShape(InputShape shape) {
        if (shape == null) {
            throw new IllegalArgumentException("input shape must not be null; e.g. InputShape.CIFAR or "
                    + "InputShape.FASHION_MNIST");
        }
        this.inputShape = shape;
        return self();
    }

    /** Same as {@code inputShape(new InputShape(channels, height, width))}. */
    public B inputShape(int channels, int height, int width) {
        return inputShape(new InputShape(channels, height, width));
    }

    public B classes(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("number of classes must be >= 2, got " + classes);
        }
        this.classes = classes;
        return self();
    }

    public B updater(IUpdater updater) {
        if (updater == null) {
            throw new IllegalArgumentException("updater must not be null; e.g. new Nesterovs(0.1, 0.9)");
        }
        this.updater = updater;
        return self();
    }

    public B seed(long seed) {
        this.seed = seed;
        return self();
    }

    public B convolutionInit(IWeightInit init) {
        if (init == null) {
            throw new IllegalArgumentException("convolution weight init must not be null; e.g. new HeFanOutNormal()");
        }
        this.convolutionInit = init;
        return self();
    }

    public B denseInit(IWeightInit init) {
        if (init == null) {
            throw new IllegalArgumentException("dense weight init must not be null; e.g. WeightInit.XAVIER"
                    + ".getWeightInitFunction()");
        }
        this.denseInit = init;
        return self();
    }

    public B l2(double coefficient) {
        if (!(coefficient >= 0) || Double.isInfinite(coefficient)) {
            throw new IllegalArgumentException("l2 coefficient must be a finite number >= 0, got " + coefficient);
        }
        this.l2 = coefficient;
        return self();
    }

    public InputShape inputShape() {
        return inputShape;
    }

    public int classes() {
        return classes;
    }

    public IUpdater updater() {
        return updater;
    }

    public long seed() {
        return seed;
    }

    public IWeightInit convolutionInit() {
        return convolutionInit;
    }

    public IWeightInit denseInit() {
        return denseInit;
    }

    public double l2() {
        return l2;
    }

    /** A new, initialised network for this configuration. */
    public abstract Model init();

    /** The global part of the configuration: seed, updater, dense init, l2, identity as default activation. */
    protected NeuralNetConfiguration.Builder base() {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(updater.clone())
                .weightInit(denseInit)
                .activation(Activation.IDENTITY);
        if (l2 > 0) {
            b.l2(l2);
        }
        return b;
    }

    /** Layers built by subclasses use the convolution init given here. */
    protected Layers layers() {
        return new Layers(convolutionInit);
    }
}
