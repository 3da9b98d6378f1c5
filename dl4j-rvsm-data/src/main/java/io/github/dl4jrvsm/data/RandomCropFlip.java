package io.github.dl4jrvsm.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Random;

/**
 * The CIFAR augmentation of the authors' code (torchvision's {@code RandomCrop(32, padding=4)} then
 * {@code RandomHorizontalFlip()}): every image is padded with {@code padding} zero pixels on each side, a window of its
 * own size is cut at a random offset, and the result is mirrored left-right with probability 1/2. Deterministic from
 * the seed, so a resumed run sees the same epochs.
 */
public final class RandomCropFlip {

    private final int padding;

    /** @param padding zero pixels added on each side before cropping (4 in the authors' code) */
    public RandomCropFlip(int padding) {
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0 pixels, got " + padding);
        }
        this.padding = padding;
    }

    /** A new data set with augmented features (NCHW) and the same labels. */
    public DataSet apply(DataSet data, long seed) {
        INDArray x = data.getFeatures();
        if (x.rank() != 4) {
            throw new IllegalArgumentException("random crop and flip need images [examples, channels, height, width], "
                    + "got features of shape " + Arrays.toString(x.shape()) + "; this data set has no spatial structure");
        }
        int n = (int) x.size(0), c = (int) x.size(1), h = (int) x.size(2), w = (int) x.size(3);
        float[] in = x.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] out = new float[in.length];
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            int dy = random.nextInt(2 * padding + 1) - padding;
            int dx = random.nextInt(2 * padding + 1) - padding;
            boolean flip = random.nextBoolean();
            for (int ch = 0; ch < c; ch++) {
                int plane = (i * c + ch) * h * w;
                for (int y = 0; y < h; y++) {
                    int sy = y + dy;
                    if (sy < 0 || sy >= h) {
                        continue;
                    }
                    for (int xo = 0; xo < w; xo++) {
                        int sx = (flip ? w - 1 - xo : xo) + dx;
                        if (sx >= 0 && sx < w) {
                            out[plane + y * w + xo] = in[plane + sy * w + sx];
                        }
                    }
                }
            }
        }
        return new DataSet(Nd4j.create(out, x.shape(), 'c').castTo(x.dataType()), data.getLabels());
    }
}
