package io.github.dl4jrvsm.core.internal;

import io.github.dl4jrvsm.core.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.ImagePreProcessingScaler;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerMinMaxScaler;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map read off a normalizer against the normalizer's own statistics (standardize: scale 1/std, shift -mean/std;
 * min-max: 1/(max-min), -min/(max-min); image scaler: 1/255), and the refusals.
 */
class ElementwiseAffineTest {

    private static DataSet pixels(int n, long seed) {
        DataSet d = TestData.images(n, 2, 4, 3, seed);
        INDArray x = d.getFeatures();
        return new DataSet(x.sub(x.minNumber()).divi(x.maxNumber().doubleValue() - x.minNumber().doubleValue()),
                d.getLabels());
    }

    @Test
    void standardizeIsReadAsOneOverStdAndMinusMeanOverStd() {
        DataSet d = TestData.blobs(200, 5, 3, 1);
        NormalizerStandardize n = new NormalizerStandardize();
        n.fit(d);
        ElementwiseAffine map = ElementwiseAffine.probe(n, DataType.FLOAT, 5);
        INDArray std = n.getStd().reshape(1, 5), mean = n.getMean().reshape(1, 5);
        assertClose(Nd4j.ones(DataType.FLOAT, 1, 5).divi(std), map.scale(), 1e-5);
        assertClose(mean.neg().divi(std), map.shift(), 1e-5);
        assertAppliesLike(n, map, d.getFeatures());
    }

    @Test
    void imagesAreStandardizedPerChannel() {
        DataSet d = pixels(100, 2);
        NormalizerStandardize n = new NormalizerStandardize();
        n.fit(d);
        ElementwiseAffine map = ElementwiseAffine.probe(n, DataType.FLOAT, 2, 4, 4);
        for (int c = 0; c < 2; c++) {
            INDArray channelScale = map.scale().get(NDArrayIndex.point(0),
                    NDArrayIndex.point(c));
            assertEquals(channelScale.minNumber().doubleValue(), channelScale.maxNumber().doubleValue(), 1e-6,
                    "DL4J standardizes images per channel");
            assertEquals(1 / n.getStd().getDouble(c), channelScale.getDouble(0), 1e-4);
        }
        assertAppliesLike(n, map, d.getFeatures());
    }

    @Test
    void minMaxAndImageScalerAreReadFromTheirRanges() {
        DataSet d = TestData.blobs(200, 4, 3, 3);
        NormalizerMinMaxScaler minMax = new NormalizerMinMaxScaler();
        minMax.fit(d);
        ElementwiseAffine map = ElementwiseAffine.probe(minMax, DataType.FLOAT, 4);
        INDArray range = minMax.getMax().sub(minMax.getMin()).reshape(1, 4);
        assertClose(Nd4j.ones(DataType.FLOAT, 1, 4).divi(range), map.scale(), 1e-4);
        assertClose(minMax.getMin().reshape(1, 4).neg().divi(range), map.shift(), 1e-4);

        ElementwiseAffine image = ElementwiseAffine.probe(new ImagePreProcessingScaler(-1, 1), DataType.FLOAT, 1, 3, 3);
        assertEquals(2 / 255.0, image.scale().getDouble(0), 1e-7);
        assertEquals(-1, image.shift().getDouble(0), 1e-7);
    }

    @Test
    void pullBackMultipliesByTheScale() {
        ElementwiseAffine image = ElementwiseAffine.probe(new ImagePreProcessingScaler(0, 1), DataType.FLOAT, 3);
        INDArray g = Nd4j.createFromArray(new float[][]{{255, -510, 0}, {1, 2, 3}});
        assertClose(Nd4j.createFromArray(new float[][]{{1, -2, 0}, {1 / 255f, 2 / 255f, 3 / 255f}}), image.pullBack(g),
                1e-6);
    }

    @Test
    void unfittedNonAffineAndWrongShapesAreRefused() {
        String unfitted = assertThrows(IllegalArgumentException.class,
                () -> ElementwiseAffine.probe(new NormalizerStandardize(), DataType.FLOAT, 4)).getMessage();
        assertTrue(unfitted.contains("NormalizerStandardize is not fitted"), unfitted);
        assertFalse(unfitted.contains("\n"));

        ImagePreProcessingScaler squaring = new ImagePreProcessingScaler() {
            @Override
            public void transform(INDArray features) {
                features.muli(features);
            }
        };
        String nonAffine = assertThrows(IllegalArgumentException.class,
                () -> ElementwiseAffine.probe(squaring, DataType.FLOAT, 4)).getMessage();
        assertTrue(nonAffine.contains("is not an element-wise affine map"), nonAffine);

        ElementwiseAffine map = ElementwiseAffine.probe(new ImagePreProcessingScaler(), DataType.FLOAT, 4);
        String shape = assertThrows(IllegalArgumentException.class,
                () -> map.apply(Nd4j.zeros(DataType.FLOAT, 2, 5))).getMessage();
        assertTrue(shape.contains("[4]") && shape.contains("[5]"), shape);
    }

    /** The map gives what the normalizer itself gives on {@code x}. */
    private static void assertAppliesLike(DataNormalization n, ElementwiseAffine map, INDArray x) {
        INDArray expected = x.dup();
        n.transform(expected);
        assertClose(expected, map.apply(x), 1e-4);
    }

    private static void assertClose(INDArray expected, INDArray actual, double tol) {
        double err = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(err <= tol, "max difference " + err + " > " + tol);
    }
}
