package io.github.dl4jrvsm.data.testsupport;

import io.github.dl4jrvsm.data.EmbeddedFashionMnist;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Real Fashion-MNIST for every module's tests: the first images of each split, from the subset embedded in this module, so
 * the tests need no data installed and see the same images on every machine (the first 4,000 training and 1,000 test
 * images, identical to the head of the full set).
 */
public final class FashionMnist {

    private static DataSet train;
    private static DataSet test;

    private FashionMnist() {
    }

    /** The first {@code n <= 4000} training examples, [n, 1, 28, 28] in [0, 1]. */
    public static synchronized DataSet train(int n) {
        if (train == null) {
            train = load(true);
        }
        return head(train, n);
    }

    /** The first {@code n <= 1000} test examples. */
    public static synchronized DataSet test(int n) {
        if (test == null) {
            test = load(false);
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
        if (n < 1 || n > d.numExamples()) {
            throw new IllegalArgumentException("the embedded subset has " + d.numExamples() + " examples; asked for " + n);
        }
        return new DataSet(d.getFeatures().get(NDArrayIndex.interval(0, n)).dup(),
                d.getLabels().get(NDArrayIndex.interval(0, n)).dup());
    }

    private static DataSet load(boolean training) {
        try {
            return training ? EmbeddedFashionMnist.train() : EmbeddedFashionMnist.test();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
