package io.github.dl4jrvsm.zoo;

import io.github.dl4jrvsm.core.data.MnistFormat;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Shared fixtures of the zoo tests: real Fashion-MNIST images, random inputs, parameter counting, forward passes. */
final class ZooTestSupport {

    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    private static DataSet train;

    private ZooTestSupport() {
    }

    /** The first {@code n} Fashion-MNIST training images, {@code [n, 1, 28, 28]} in [0, 1], one-hot labels. */
    static synchronized DataSet fashionMnist(int n) {
        if (train == null) {
            Path images = FASHION_MNIST.resolve("train-images-idx3-ubyte.gz");
            Path labels = FASHION_MNIST.resolve("train-labels-idx1-ubyte.gz");
            if (!Files.isReadable(images) || !Files.isReadable(labels)) {
                throw new IllegalStateException("Fashion-MNIST is missing from " + FASHION_MNIST + " (on Debian: "
                        + "apt-get install dataset-fashion-mnist, as .ci/run does)");
            }
            try {
                train = MnistFormat.load(images, labels);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DataSet(train.getFeatures().get(interval(n)).dup(), train.getLabels().get(interval(n)).dup());
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex interval(int n) {
        return org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n);
    }

    /** Uniform [0, 1) images of the given shape, seeded. */
    static INDArray randomImages(InputShape shape, int batch, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, shape.batchShape(batch));
    }

    /** DL4J's parameter count (includes batch-norm running mean and variance). */
    static long params(Model m) {
        return m.numParams();
    }

    /** Parameters a gradient updates: DL4J's count minus the batch-norm running statistics (PyTorch's count). */
    static long trainableParams(Model m) {
        long n = 0;
        for (Map.Entry<String, INDArray> e : m.paramTable().entrySet()) {
            String k = e.getKey();
            if (!k.endsWith("_mean") && !k.endsWith("_var") && !k.endsWith("_log10stdev")) {
                n += e.getValue().length();
            }
        }
        return n;
    }

    /** Inference output of a MultiLayerNetwork or single-output ComputationGraph. */
    static INDArray output(Model m, INDArray x) {
        return m instanceof MultiLayerNetwork mln ? mln.output(x) : ((ComputationGraph) m).outputSingle(x);
    }

    /** Loss on {@code d} in training mode (batch statistics, noise on): the quantity the optimiser lowers. */
    static double trainingLoss(Model m, DataSet d) {
        return m instanceof MultiLayerNetwork mln ? mln.score(d, true) : ((ComputationGraph) m).score(d, true);
    }

    static void fit(Model m, DataSet d) {
        if (m instanceof MultiLayerNetwork mln) {
            mln.fit(d);
        } else {
            ((ComputationGraph) m).fit(d);
        }
    }

    static void assertRelativelyClose(double expected, double actual, double relTol, String what) {
        if (Math.abs(actual - expected) > relTol * Math.abs(expected)) {
            throw new AssertionError(what + ": expected " + expected + " within " + relTol * 100 + "% but got "
                    + actual);
        }
    }
}
