package io.github.dl4jrvsm.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * MNIST-format data (MNIST, Fashion-MNIST) as a DL4J {@link DataSet}: features {@code [n, 1, rows, cols]} in
 * [0, 1] (NCHW, pixel space, no normalisation: that belongs to the model), labels one-hot over 10 classes.
 */
public final class MnistFormat {

    public static final int CLASSES = 10;

    private MnistFormat() {
    }

    public static DataSet load(Path images, Path labels) throws IOException {
        return toDataSet(IdxReader.read(images), IdxReader.read(labels), images + " / " + labels);
    }

    /** Loads from streams (e.g. class-path resources); the names appear in error messages. */
    public static DataSet load(InputStream images, String imagesName, InputStream labels, String labelsName)
            throws IOException {
        return toDataSet(IdxReader.read(images, imagesName), IdxReader.read(labels, labelsName),
                imagesName + " / " + labelsName);
    }

    static DataSet toDataSet(IdxReader.IdxArray images, IdxReader.IdxArray labels, String name) throws IOException {
        if (images.dims().length != 3) {
            throw new IOException(name + ": images must have 3 dimensions [n, rows, cols], got " + images.dims().length);
        }
        if (labels.dims().length != 1 || labels.count() != images.count()) {
            throw new IOException(name + ": " + images.count() + " images but " + labels.count() + " labels");
        }
        int n = images.count(), rows = images.dims()[1], cols = images.dims()[2];
        float[] pixels = new float[n * rows * cols];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = images.unsigned(i) / 255f;
        }
        float[] oneHot = new float[n * CLASSES];
        for (int i = 0; i < n; i++) {
            int label = labels.unsigned(i);
            if (label >= CLASSES) {
                throw new IOException(name + ": label " + label + " of example " + i + " is outside 0.." + (CLASSES - 1));
            }
            oneHot[i * CLASSES + label] = 1f;
        }
        INDArray x = Nd4j.create(pixels, new long[]{n, 1, rows, cols}, DataType.FLOAT);
        INDArray y = Nd4j.create(oneHot, new long[]{n, CLASSES}, DataType.FLOAT);
        return new DataSet(x, y);
    }
}
