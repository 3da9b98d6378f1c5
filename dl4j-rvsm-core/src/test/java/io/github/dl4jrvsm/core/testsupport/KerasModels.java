package io.github.dl4jrvsm.core.testsupport;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Networks as DL4J's {@code KerasModelImport} builds them from Keras model JSON (the {@code model.to_json()} of
 * tf.keras 2) shipped under {@code src/test/resources/keras}: small LeNet-like models with {@code channels_last}
 * convolutions, a softmax {@code Dense} last layer and, when a training configuration is given, the
 * {@code categorical_crossentropy} loss the importer appends as a separate {@code LossLayer}. JSON needs neither HDF5
 * nor TensorFlow; the weights are DL4J's initialisation from {@code seed}.
 *
 * <p>Inputs are {@code [n, 12, 12, 2]} (NHWC) but for {@link #LENET_28}; 10 classes.
 */
public final class KerasModels {

    /** conv(3x3, 6, relu) -&gt; max pool 2 -&gt; flatten -&gt; dense 16 relu -&gt; dense 10 softmax. */
    public static final String LENET = "lenet_nhwc.json";
    /** conv(6, linear) -&gt; batch norm -&gt; relu -&gt; conv(8, relu) -&gt; pool -&gt; flatten -&gt; dense 16 -&gt; softmax. */
    public static final String LENET_BN = "lenet_bn_nhwc.json";
    /** {@link #LENET} on Fashion-MNIST's {@code [n, 28, 28, 1]} (for the command line's data sets). */
    public static final String LENET_28 = "lenet28_nhwc.json";
    /** {@link #LENET} with a linear last {@code Dense} and a separate {@code Activation('softmax')} layer. */
    public static final String LENET_SOFTMAX_ACTIVATION = "lenet_activation_nhwc.json";
    /** {@link #LENET} as a functional (graph) model. */
    public static final String LENET_FUNCTIONAL = "lenet_functional_nhwc.json";

    public static final int HEIGHT = 12;
    public static final int WIDTH = 12;
    public static final int CHANNELS = 2;
    public static final int CLASSES = 10;

    private static final String TRAINING = "categorical_crossentropy_training.json";

    private KerasModels() {
    }

    /** The configuration of a sequential model; with {@code compiled} the importer appends its loss layer. */
    public static MultiLayerConfiguration sequentialConfiguration(String model, boolean compiled) {
        try (KerasModelBuilder b = builder(model, compiled)) {
            return b.buildSequential().getMultiLayerConfiguration();
        } catch (Exception e) {
            throw new IllegalStateException("Keras import of " + model + " failed", e);
        }
    }

    /** The configuration with seed {@code seed} and parameters of {@code type}. */
    public static MultiLayerConfiguration sequentialConfiguration(String model, boolean compiled, long seed,
                                                                  DataType type) {
        MultiLayerConfiguration conf = sequentialConfiguration(model, compiled);
        conf.setDataType(type);
        for (NeuralNetConfiguration c : conf.getConfs()) {
            c.setSeed(seed);
            c.setDataType(type);
        }
        return conf;
    }

    /** The imported sequential model, initialised from {@code seed} with parameters of {@code type}. */
    public static MultiLayerNetwork sequential(String model, boolean compiled, long seed, DataType type) {
        MultiLayerConfiguration conf = sequentialConfiguration(model, compiled, seed, type);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** The configuration of a functional model, which the importer turns into a computation graph. */
    public static ComputationGraphConfiguration graphConfiguration(String model, boolean compiled) {
        try (KerasModelBuilder b = builder(model, compiled)) {
            return b.buildModel().getComputationGraphConfiguration();
        } catch (Exception e) {
            throw new IllegalStateException("Keras import of " + model + " failed", e);
        }
    }

    /** The imported functional model, initialised from {@code seed} with parameters of {@code type}. */
    public static ComputationGraph graph(String model, boolean compiled, long seed, DataType type) {
        ComputationGraphConfiguration conf = graphConfiguration(model, compiled);
        conf.setDataType(type);
        conf.getDefaultConfiguration().setSeed(seed);
        for (GraphVertex v : conf.getVertices().values()) {
            if (v instanceof LayerVertex lv) {
                lv.getLayerConf().setSeed(seed);
                lv.getLayerConf().setDataType(type);
            }
        }
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    /** {@code n} NHWC images with values in [0, 1] and one-hot labels, both of {@code type}. */
    public static DataSet images(int n, long seed, DataType type) {
        Random r = new Random(seed);
        INDArray x = Nd4j.create(type, n, HEIGHT, WIDTH, CHANNELS);
        INDArray y = Nd4j.zeros(type, n, CLASSES);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < HEIGHT * WIDTH * CHANNELS; j++) {
                x.putScalar(new long[]{i, j / (WIDTH * CHANNELS), (j / CHANNELS) % WIDTH, j % CHANNELS}, r.nextDouble());
            }
            y.putScalar(i, r.nextInt(CLASSES), 1.0);
        }
        return new DataSet(x, y);
    }

    /**
     * Learnable NHWC data: {@link TestData#blobs} with one blob per class, laid out as images (values are not in
     * [0, 1]; for training, not for attacks). Scaled down by 10: the imported loss layer takes the log of
     * probabilities, which a saturated FLOAT softmax rounds to 0 (a NaN gradient) on the raw blobs.
     */
    public static DataSet blobs(int n, long seed) {
        DataSet d = TestData.blobs(n, HEIGHT * WIDTH * CHANNELS, CLASSES, seed);
        return new DataSet(d.getFeatures().reshape('c', n, HEIGHT, WIDTH, CHANNELS).muli(0.1), d.getLabels());
    }

    private static KerasModelBuilder builder(String model, boolean compiled) {
        // enforceTrainingConfig is what makes the importer read the training JSON (and so append the loss layer)
        return new KerasModel().modelBuilder().modelJson(resource(model))
                .trainingJson(compiled ? resource(TRAINING) : null).enforceTrainingConfig(compiled);
    }

    private static String resource(String name) {
        try (InputStream in = KerasModels.class.getResourceAsStream("/keras/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No Keras test model " + name + " under src/test/resources/keras");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
