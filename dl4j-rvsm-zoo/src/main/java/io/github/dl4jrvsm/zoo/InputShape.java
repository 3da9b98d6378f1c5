package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * The image shape a zoo model is built for, channels first (DL4J's NCHW), so one builder serves Fashion-MNIST and
 * CIFAR alike.
 *
 * @param channels colour channels (1 for grey, 3 for RGB)
 * @param height   rows in pixels
 * @param width    columns in pixels
 */
public record InputShape(int channels, int height, int width) {

    /** Fashion-MNIST and MNIST: 1 x 28 x 28. */
    public static final InputShape FASHION_MNIST = new InputShape(1, 28, 28);
    /** CIFAR-10 and CIFAR-100: 3 x 32 x 32. */
    public static final InputShape CIFAR = new InputShape(3, 32, 32);

    public InputShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("input shape must have channels, height and width >= 1, got "
                    + channels + " x " + height + " x " + width);
        }
    }

    /** The DL4J input type of this shape. */
    public InputType inputType() {
        return InputType.convolutional(height, width, channels);
    }

    /** {@code [batch, channels, height, width]}. */
    public long[] batchShape(int batch) {
        return new long[]{batch, channels, height, width};
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
