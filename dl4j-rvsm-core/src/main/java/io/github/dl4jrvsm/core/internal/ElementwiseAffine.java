package io.github.dl4jrvsm.core.internal;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * A fitted {@link DataNormalization} read as the element-wise affine map {@code z = scale * x + shift} it is for one
 * example shape. DL4J's image and tabular normalizers ({@code NormalizerStandardize}, {@code NormalizerMinMaxScaler},
 * {@code ImagePreProcessingScaler}) are all of that form, per feature or per channel; reading them off by probing
 * (the normalizer applied to zeros and to ones) instead of from their statistics keeps one code path for all three and
 * for a user's own normalizer of the same kind, and a third probe at a random point refuses one that is not affine.
 *
 * <p>Attacks use it to differentiate through the normalizer (the chain rule multiplies by {@code scale}); folding
 * uses it to move the normalizer into a first layer.
 */
public final class ElementwiseAffine {

    private static final double TOLERANCE = 1e-4;

    private final String source;
    private final long[] exampleShape;
    private final INDArray scale;
    private final INDArray shift;

    private ElementwiseAffine(String source, long[] exampleShape, INDArray scale, INDArray shift) {
        this.source = source;
        this.exampleShape = exampleShape;
        this.scale = scale;
        this.shift = shift;
    }

    /**
     * Reads {@code normalizer} as an affine map on examples of {@code exampleShape} (without the batch dimension,
     * e.g. {@code 1, 28, 28}), probing it with arrays of {@code type}: the type of the data it was fitted on, since
     * DL4J's normalizers apply their statistics to the data without casting.
     *
     * @throws IllegalArgumentException if the normalizer is not fitted, fails on that shape, is not element-wise
     *                                  affine, or maps some input dimension to a constant (scale 0 or not finite)
     */
    public static ElementwiseAffine probe(DataNormalization normalizer, DataType type, long... exampleShape) {
        Validate.check(normalizer != null, () -> "the normalizer must not be null; pass none for pixel input");
        String name = normalizer.getClass().getSimpleName();
        long[] batchShape = new long[exampleShape.length + 1];
        batchShape[0] = 1;
        System.arraycopy(exampleShape, 0, batchShape, 1, exampleShape.length);
        INDArray shift = apply(normalizer, name, Nd4j.zeros(type, batchShape), exampleShape);
        INDArray scale = apply(normalizer, name, Nd4j.ones(type, batchShape), exampleShape).subi(shift);
        double lowest = scale.aminNumber().doubleValue();
        Validate.check(lowest > 0 && Double.isFinite(scale.sumNumber().doubleValue())
                        && Double.isFinite(shift.sumNumber().doubleValue()),
                () -> "The normalizer " + name + " maps some input dimension to a constant or to infinity (scale "
                        + lowest + "); refit it on data where every feature varies");
        INDArray probe = randomPixels(batchShape).castTo(type);
        INDArray expected = probe.mul(scale).addi(shift);
        INDArray actual = apply(normalizer, name, probe.dup(), exampleShape);
        double error = actual.sub(expected).amaxNumber().doubleValue();
        double size = 1 + expected.amaxNumber().doubleValue();
        Validate.check(error <= TOLERANCE * size, () -> "The normalizer " + name + " is not an element-wise affine map"
                + " (off by " + error + " at a random input); attacks and folding support normalizers of the form "
                + "scale * x + shift such as NormalizerStandardize, NormalizerMinMaxScaler and ImagePreProcessingScaler");
        return new ElementwiseAffine(name, exampleShape.clone(), scale, shift);
    }

    private static INDArray apply(DataNormalization normalizer, String name, INDArray x, long[] exampleShape) {
        try {
            normalizer.transform(x);
            return x;
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("fit")) {
                throw new IllegalArgumentException("The normalizer " + name + " is not fitted; call fit(iterator) on "
                        + "the training data first (the statistics the model was trained with)", e);
            }
            throw new IllegalArgumentException("The normalizer " + name + " cannot transform examples of shape "
                    + Arrays.toString(exampleShape) + ": " + e.getMessage()
                    + "; fit it on data of the shape the model takes", e);
        }
    }

    private static INDArray randomPixels(long[] shape) {
        Random r = new Random(17);
        float[] v = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextFloat();
        }
        return Nd4j.create(v, shape, 'c');
    }

    /** {@code scale * x + shift} for a batch {@code [n, exampleShape...]}; {@code x} is left unchanged. */
    public INDArray apply(INDArray x) {
        requireShape(x);
        // [n, ...] against [1, ...]: ND4J broadcasts along the batch axis without materialising n copies
        return x.castTo(scale.dataType()).mul(scale).addi(shift).castTo(x.dataType());
    }

    /** A gradient with respect to the normalized input carried back to the raw input: {@code scale * g}. */
    public INDArray pullBack(INDArray gradient) {
        requireShape(gradient);
        return gradient.mul(scale.castTo(gradient.dataType()));
    }

    private void requireShape(INDArray x) {
        long[] got = Arrays.copyOfRange(x.shape(), 1, x.rank());
        Validate.check(Arrays.equals(got, exampleShape), () -> "The " + source + " map was read for examples of shape "
                + Arrays.toString(exampleShape) + " but got " + Arrays.toString(got));
    }

    /** The per-element scale, {@code [1, exampleShape...]}. */
    public INDArray scale() {
        return scale.dup();
    }

    /** The per-element shift, {@code [1, exampleShape...]}. */
    public INDArray shift() {
        return shift.dup();
    }

    public long[] exampleShape() {
        return exampleShape.clone();
    }

    /** The normalizer's class name, for messages. */
    public String source() {
        return source;
    }
}
