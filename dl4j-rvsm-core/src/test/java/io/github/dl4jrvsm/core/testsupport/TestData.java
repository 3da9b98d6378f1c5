package io.github.dl4jrvsm.core.testsupport;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Small deterministic classification data for tests: Gaussian blobs as vectors or as tiny images. */
public final class TestData {

    private TestData() {
    }

    /** {@code n} examples of {@code features} dimensions in {@code classes} well separated Gaussian clusters. */
    public static DataSet blobs(int n, int features, int classes, long seed) {
        Random r = new Random(seed);
        double[][] centers = new double[classes][features];
        Random cr = new Random(12345);
        for (double[] c : centers) {
            for (int j = 0; j < features; j++) {
                c[j] = cr.nextGaussian() * 1.5;
            }
        }
        INDArray x = Nd4j.create(DataType.FLOAT, n, features);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, classes);
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(classes);
            for (int j = 0; j < features; j++) {
                x.putScalar(i, j, centers[c][j] + r.nextGaussian());
            }
            y.putScalar(i, c, 1.0);
        }
        return new DataSet(x, y);
    }

    /** Blobs reshaped to {@code [n, channels, size, size]} images in NCHW. */
    public static DataSet images(int n, int channels, int size, int classes, long seed) {
        DataSet d = blobs(n, channels * size * size, classes, seed);
        return new DataSet(d.getFeatures().reshape('c', n, channels, size, size), d.getLabels());
    }
}
