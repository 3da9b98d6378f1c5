package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The options every zoo model shares, as an immutable value; subclasses add their architecture's own and build the DL4J
 * configuration ({@code conf()}) or an initialised network ({@link #init()}). Every {@code with} method returns a
 * changed copy, so one model description can be shared and varied; equal descriptions build equal configurations.
 *
 * <p>Defaults, and why:
 * <ul>
 *   <li>input {@link InputShape#CIFAR} (3x32x32), {@value #DEFAULT_CLASSES} classes: the dissertation's data;</li>
 *   <li>updater {@code Nesterovs(0.1, 0.9)}: the dissertation's SGD with Nesterov momentum and initial step 0.1
 *       (learning-rate schedules are the caller's: pass an updater with an {@code ISchedule});</li>
 *   <li>seed {@value #DEFAULT_SEED}: fixed, so two builds give the same initial weights;</li>
 *   <li>initialisation {@link Initialization#AUTHORS}: as the authors' code, PyTorch's default uniform except the
 *       ResNets' convolutions ({@link HeFanOutNormal}), because the sparsity a given lambda reaches depends on the
 *       initial weight scale; {@link Initialization#LIBRARY} is the earlier default, and
 *       {@link #withConvolutionInit}/{@link #withDenseInit} override either;</li>
 *   <li>l2 weight decay 0: the dissertation used 5e-4, but with sparse training the penalty is usually the only
 *       regulariser wanted; {@link #withL2(double)} adds it to every weight (never to batch-norm or biases).</li>
 * </ul>
 * Every layer has an explicit activation, so DL4J's global default (sigmoid) never leaks into a model.
 *
 * @param <B> the concrete model, so that every {@code with} method returns it
 */
public abstract class ZooModel<B extends ZooModel<B>> implements Cloneable {

    public static final int DEFAULT_CLASSES = 10;
    public static final long DEFAULT_SEED = 42;

    // Not final only so that copy() can set them on a fresh clone; no instance is changed after a with method returns.
    private InputShape inputShape = InputShape.CIFAR;
    private int classes = DEFAULT_CLASSES;
    private IUpdater updater = new Nesterovs(0.1, 0.9);
    private long seed = DEFAULT_SEED;
    private Initialization initialization = Initialization.AUTHORS;
    private IWeightInit convolutionInit;      // null: the one initialization gives
    private IWeightInit denseInit;
    private double l2;

    /** A copy of this model with {@code change} applied to the copy: how every {@code with} method leaves it as is. */
    @SuppressWarnings("unchecked")
    protected final B copy(Consumer<? super B> change) {
        try {
            B c = (B) clone();
            change.accept(c);
            return c;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("ZooModel implements Cloneable", e);
        }
    }

    private static <T> T required(T value, String message) {
        if (value == null) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }

    public InputShape inputShape() {
        return inputShape;
    }

    public B withInputShape(InputShape shape) {
        InputShape s = required(shape, "input shape must not be null; e.g. InputShape.CIFAR or InputShape.FASHION_MNIST");
        return copy((ZooModel<B> m) -> m.inputShape = s);
    }

    /** Same as {@code withInputShape(new InputShape(channels, height, width))}. */
    public B withInputShape(int channels, int height, int width) {
        return withInputShape(new InputShape(channels, height, width));
    }

    public int classes() {
        return classes;
    }

    public B withClasses(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("number of classes must be >= 2, got " + n);
        }
        return copy((ZooModel<B> m) -> m.classes = n);
    }

    /** The updater; a copy, because DL4J's updaters are mutable. */
    public IUpdater updater() {
        return updater.clone();
    }

    public B withUpdater(IUpdater u) {
        IUpdater own = required(u, "updater must not be null; e.g. new Nesterovs(0.1, 0.9)").clone();
        return copy((ZooModel<B> m) -> m.updater = own);
    }

    public long seed() {
        return seed;
    }

    public B withSeed(long s) {
        return copy((ZooModel<B> m) -> m.seed = s);
    }

    public Initialization initialization() {
        return initialization;
    }

    /** Draws the initial weights as {@code scheme} says (explicit {@code with...Init} choices still win). */
    public B withInitialization(Initialization scheme) {
        required(scheme, "initialization must be one of " + List.of(Initialization.values()) + ", got null");
        return copy((ZooModel<B> m) -> m.initialization = scheme);
    }

    /** Whether the authors' code initialises this model's convolutions explicitly with He fan-out normal. */
    protected boolean authorsUseFanOutConvolutions() {
        return false;
    }

    public IWeightInit convolutionInit() {
        if (convolutionInit != null) {
            return convolutionInit;
        }
        return initialization == Initialization.LIBRARY || authorsUseFanOutConvolutions() ? new HeFanOutNormal()
                : WeightInit.UNIFORM.getWeightInitFunction();
    }

    public B withConvolutionInit(IWeightInit init) {
        required(init, "convolution weight init must not be null; e.g. new HeFanOutNormal()");
        return copy((ZooModel<B> m) -> m.convolutionInit = init);
    }

    public IWeightInit denseInit() {
        if (denseInit != null) {
            return denseInit;
        }
        return (initialization == Initialization.LIBRARY ? WeightInit.XAVIER : WeightInit.UNIFORM).getWeightInitFunction();
    }

    public B withDenseInit(IWeightInit init) {
        required(init, "dense weight init must not be null; e.g. WeightInit.XAVIER.getWeightInitFunction()");
        return copy((ZooModel<B> m) -> m.denseInit = init);
    }

    public double l2() {
        return l2;
    }

    public B withL2(double coefficient) {
        if (!(coefficient >= 0) || Double.isInfinite(coefficient)) {
            throw new IllegalArgumentException("l2 coefficient must be a finite number >= 0, got " + coefficient);
        }
        return copy((ZooModel<B> m) -> m.l2 = coefficient);
    }

    /** The settings of the subclass's own, in a fixed order, so that equals and hashCode cover them. */
    protected List<Object> architecture() {
        return List.of();
    }

    private List<Object> settings() {
        return Arrays.asList(inputShape, classes, updater, seed, initialization, convolutionInit, denseInit, l2,
                architecture());
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((ZooModel<?>) o).settings().equals(settings());
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode() * 31 + settings().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + settings();
    }

    /** Initialises a network built from this model's configuration. */
    protected static <M extends Model> M initialised(M net) {
        net.init();
        return net;
    }

    /** A new, initialised network for this configuration. */
    public abstract Model init();

    /** The global part of the configuration: seed, updater, dense init, l2, identity as default activation. */
    protected NeuralNetConfiguration.Builder base() {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(updater.clone())
                .weightInit(denseInit())
                .activation(Activation.IDENTITY);
        if (l2 > 0) {
            b.l2(l2);
        }
        return b;
    }

    /** Layers built by subclasses use the convolution init given here. */
    protected Layers layers() {
        return new Layers(convolutionInit());
    }
}
