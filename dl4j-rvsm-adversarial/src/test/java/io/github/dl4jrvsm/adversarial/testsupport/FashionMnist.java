package io.github.dl4jrvsm.adversarial.testsupport;

import io.github.dl4jrvsm.core.data.MnistFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Real Fashion-MNIST from Debian's dataset-fashion-mnist package (installed by .ci/run). */
public final class FashionMnist {

    public static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");
    private static DataSet train;
    private static DataSet test;

    private FashionMnist() {
    }

    /** The first {@code n} training examples, [n, 1, 28, 28] in [0, 1]. */
    public static synchronized DataSet train(int n) {
        if (train == null) {
            train = load("train");
        }
        return head(train, n);
    }

    /** The first {@code n} test examples. */
    public static synchronized DataSet test(int n) {
        if (test == null) {
            test = load("t10k");
        }
        return head(test, n);
    }

    /**
     * The first {@code n} training or test examples 2x2-averaged to 14x14 and flattened to {@code [n, 196]}: real
     * images, four times cheaper to attack, for tests that train several models adversarially.
     */
    public static DataSet flat14(boolean training, int n) {
        DataSet d = training ? train(n) : test(n);
        INDArray x = d.getFeatures().dup('c').reshape('c', n, 14, 2, 14, 2).mean(2, 4).reshape('c', n, 14 * 14);
        return new DataSet(x, d.getLabels());
    }

    private static DataSet head(DataSet d, int n) {
        return new DataSet(d.getFeatures().get(NDArrayIndex.interval(0, n)).dup(),
                d.getLabels().get(NDArrayIndex.interval(0, n)).dup());
    }

    private static DataSet load(String split) {
        try {
            return MnistFormat.load(DIR.resolve(split + "-images-idx3-ubyte.gz"), DIR.resolve(split + "-labels-idx1-ubyte.gz"));
        } catch (IOException e) {
            throw new UncheckedIOException("Fashion-MNIST is needed: apt-get install -y dataset-fashion-mnist", e);
        }
    }
}
