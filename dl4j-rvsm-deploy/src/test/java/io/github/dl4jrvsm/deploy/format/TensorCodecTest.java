package io.github.dl4jrvsm.deploy.format;

import io.github.dl4jrvsm.deploy.Quantization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorCodecTest {

    private static float[] sparse(int n, double zeroShare, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble() < zeroShare ? 0f : (float) r.nextGaussian();
        }
        return v;
    }

    private static int indexCode(byte[] payload, int rank) {
        return payload[1 + 8 * rank];
    }

    @Test
    void fullPrecisionRoundTripIsExactAtEverySparsity() throws IOException {
        long[] shape = {8, 4, 3, 3};
        for (double zeros : new double[]{0, 0.3, 0.9, 0.999, 1}) {
            float[] v = sparse(288, zeros, 1);
            TensorCodec.Tensor t = TensorCodec.decode(TensorCodec.encode(shape, v, Quantization.NONE, 0));
            assertArrayEquals(shape, t.shape());
            assertArrayEquals(v, t.values(), 0f, "zero share " + zeros);
        }
    }

    @Test
    void takesTheSmallestIndex() {
        long[] shape = {1000};
        assertEquals(SparseIndex.DENSE.ordinal(), indexCode(TensorCodec.encode(shape, sparse(1000, 0, 2), Quantization.NONE, 0), 1));
        assertEquals(SparseIndex.BITMASK.ordinal(), indexCode(TensorCodec.encode(shape, sparse(1000, 0.5, 2), Quantization.NONE, 0), 1));
        assertEquals(SparseIndex.GAPS.ordinal(), indexCode(TensorCodec.encode(shape, sparse(1000, 0.99, 2), Quantization.NONE, 0), 1));
        int sparseBytes = TensorCodec.encode(shape, sparse(1000, 0.9, 2), Quantization.NONE, 0).length;
        assertTrue(sparseBytes < 0.25 * 4000, "90% zeros take " + sparseBytes + " bytes of 4000");
    }

    @Test
    void int8ErrorIsAtMostHalfAStepPerOutputChannelAndZerosStayZero() throws IOException {
        long[] shape = {6, 10};                       // a dense layer's [nIn, nOut]: channels on axis 1
        float[] v = sparse(60, 0.5, 4);
        for (int i = 0; i < 60; i++) {
            v[i] *= (i % 10) + 1;                     // channels of different scales
        }
        float[] back = TensorCodec.decode(TensorCodec.encode(shape, v, Quantization.INT8, 1)).values();
        for (int c = 0; c < 10; c++) {
            float max = 0;
            for (int i = c; i < 60; i += 10) {
                max = Math.max(max, Math.abs(v[i]));
            }
            float step = max / 127;
            for (int i = c; i < 60; i += 10) {
                assertEquals(v[i], back[i], step / 2 + 1e-6f, "channel " + c);
                if (v[i] == 0) {
                    assertEquals(0f, back[i], 0f);
                }
            }
        }
    }

    @Test
    void fp16KeepsElevenSignificantBits() throws IOException {
        float[] v = sparse(500, 0.5, 5);
        float[] back = TensorCodec.decode(TensorCodec.encode(new long[]{500}, v, Quantization.FP16, 0)).values();
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i], back[i], Math.abs(v[i]) * 0x1p-11f + 0x1p-24f);
        }
    }

    @Test
    void aPayloadThatLiesAboutItsContentIsRefused() {
        byte[] p = TensorCodec.encode(new long[]{100}, sparse(100, 0.99, 6), Quantization.NONE, 0);
        p[1 + 8 + 2 + 3] = 50;                        // announce 50 non-zeros
        assertThrows(IOException.class, () -> TensorCodec.decode(p));
    }
}
