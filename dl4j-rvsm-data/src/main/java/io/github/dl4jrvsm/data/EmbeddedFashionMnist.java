package io.github.dl4jrvsm.data;

import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.io.InputStream;

/**
 * The first 4,000 training and first 1,000 test images of Fashion-MNIST, shipped inside this jar (about 2 MB of
 * gzip-compressed IDX; Zalando's MIT licence, see the README beside the files). They let the quick-start job and the
 * tests run on a machine with no data installed; being the first images of each split, they are exactly what a
 * caller taking the first {@code n <= 4000} examples of the full set would get.
 */
public final class EmbeddedFashionMnist {

    public static final int TRAIN_EXAMPLES = 4_000;
    public static final int TEST_EXAMPLES = 1_000;
    private static final String DIR = "fashion-mnist-subset/";

    private EmbeddedFashionMnist() {
    }

    /** The embedded training images, {@code [4000, 1, 28, 28]} in [0, 1], one-hot labels. */
    public static DataSet train() throws IOException {
        return load("train");
    }

    /** The embedded test images, {@code [1000, 1, 28, 28]} in [0, 1], one-hot labels. */
    public static DataSet test() throws IOException {
        return load("t10k");
    }

    private static DataSet load(String split) throws IOException {
        String images = DIR + split + "-images-idx3-ubyte.gz", labels = DIR + split + "-labels-idx1-ubyte.gz";
        try (InputStream i = EmbeddedFashionMnist.class.getResourceAsStream(images);
             InputStream l = EmbeddedFashionMnist.class.getResourceAsStream(labels)) {
            if (i == null || l == null) {
                throw new IOException("embedded data " + images + " is missing from the class path");
            }
            return MnistFormat.load(i, images, l, labels);
        }
    }
}
