package io.github.dl4jrvsm.zoo;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authors' convolution init: the fan-out comes from the kernel shape, not from DL4J's stride-divided value. */
class HeFanOutNormalTest {

    @Test
    void fanOutIsOutChannelsTimesKernelArea() {
        assertEquals(64 * 9, HeFanOutNormal.fanOut(new long[]{64, 32, 3, 3}));
        assertEquals(10, HeFanOutNormal.fanOut(new long[]{64, 10}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeFanOutNormal.fanOut(new long[]{4, 4, 4}));
        assertTrue(e.getMessage().contains("[4, 4, 4]"), e.getMessage());
    }

    @Test
    void ignoresDl4jsFanArgumentsAndFillsTheView() {
        INDArray view = Nd4j.zeros(DataType.DOUBLE, 1, 128 * 64 * 9);
        // DL4J would pass fanOut = 128 * 9 / 4 for a stride-2 convolution; the result must not depend on it
        INDArray w = new HeFanOutNormal().init(64 * 9, 128 * 9 / 4.0, new long[]{128, 64, 3, 3}, 'c', view);
        assertArrayEquals(new long[]{128, 64, 3, 3}, w.shape());
        assertEquals(Math.sqrt(2.0 / (128 * 9)), view.stdNumber().doubleValue(), 0.01 * Math.sqrt(2.0 / (128 * 9)));
        assertEquals(0, view.meanNumber().doubleValue(), 1e-3);
        assertEquals(new HeFanOutNormal(), new HeFanOutNormal());
    }
}
