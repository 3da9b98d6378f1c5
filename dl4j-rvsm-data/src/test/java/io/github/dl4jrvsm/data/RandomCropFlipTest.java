package io.github.dl4jrvsm.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomCropFlipTest {

    /** Distinct positive pixel values, so that where each output pixel came from can be read back. */
    private static DataSet images(int n) {
        INDArray x = Nd4j.arange(1, n * 3 * 8 * 8 + 1).castTo(DataType.FLOAT).reshape(n, 3, 8, 8);
        return new DataSet(x, Nd4j.eye(n).castTo(DataType.FLOAT));
    }

    @Test
    void everyImageIsAShiftedPossiblyMirroredCopyWithAZeroBorder() {
        DataSet in = images(20);
        DataSet out = new RandomCropFlip(2).apply(in, 7);
        assertEquals(in.getLabels(), out.getLabels());
        int mirrored = 0, shifted = 0;
        for (int i = 0; i < 20; i++) {
            INDArray a = in.getFeatures().slice(i), b = out.getFeatures().slice(i);
            boolean found = false;
            for (int flip = 0; flip < 2 && !found; flip++) {
                for (int dy = -2; dy <= 2 && !found; dy++) {
                    for (int dx = -2; dx <= 2 && !found; dx++) {
                        if (matches(a, b, dy, dx, flip == 1)) {
                            found = true;
                            mirrored += flip;
                            shifted += dy != 0 || dx != 0 ? 1 : 0;
                        }
                    }
                }
            }
            assertTrue(found, "image " + i + " is no crop of its input");
        }
        assertTrue(mirrored > 3 && mirrored < 17, mirrored + " of 20 mirrored");
        assertTrue(shifted > 10, shifted + " of 20 shifted");
    }

    private static boolean matches(INDArray a, INDArray b, int dy, int dx, boolean flip) {
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    int sy = y + dy, sx = (flip ? 7 - x : x) + dx;
                    double expected = sy < 0 || sy > 7 || sx < 0 || sx > 7 ? 0 : a.getDouble(c, sy, sx);
                    if (b.getDouble(c, y, x) != expected) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Test
    void theSameSeedGivesTheSameEpochAndAnotherSeedAnother() {
        DataSet in = images(10);
        RandomCropFlip aug = new RandomCropFlip(4);
        assertEquals(aug.apply(in, 3).getFeatures(), aug.apply(in, 3).getFeatures());
        assertNotEquals(aug.apply(in, 3).getFeatures(), aug.apply(in, 4).getFeatures());
    }

    @Test
    void flatFeaturesAndNegativePaddingAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RandomCropFlip(4).apply(new DataSet(Nd4j.rand(2, 64), Nd4j.rand(2, 2)), 1));
        assertTrue(e.getMessage().contains("no spatial structure"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RandomCropFlip(-1));
    }
}
