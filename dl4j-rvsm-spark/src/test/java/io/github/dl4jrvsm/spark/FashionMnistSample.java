package io.github.dl4jrvsm.spark;

import io.github.dl4jrvsm.core.data.MnistFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The first examples of real Fashion-MNIST (Debian's dataset-fashion-mnist, installed by .ci/run), 2x2-averaged to
 * 14x14 and flattened: real images, but four times cheaper to attack, which keeps adversarial Spark tests short.
 */
final class FashionMnistSample {

    static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private FashionMnistSample() {
    }

    static final int FEATURES = 14 * 14;

    /** The first {@code n} examples of {@code split} ("train" or "t10k") as {@code [n, 196]} pixels in [0, 1]. */
    static DataSet flat(String split, int n) {
        DataSet all;
        try {
            all = MnistFormat.load(DIR.resolve(split + "-images-idx3-ubyte.gz"), DIR.resolve(split + "-labels-idx1-ubyte.gz"));
        } catch (IOException e) {
            throw new UncheckedIOException("Fashion-MNIST is needed: apt-get install -y dataset-fashion-mnist", e);
        }
        INDArray images = all.getFeatures().get(NDArrayIndex.interval(0, n)).dup('c');
        return new DataSet(images.reshape('c', n, 14, 2, 14, 2).mean(2, 4).reshape('c', n, FEATURES),
                all.getLabels().get(NDArrayIndex.interval(0, n)).dup());
    }
}
