package io.github.dl4jrvsm.core.internal;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KthLargestTest {

    /** Every k of arrays with distinct values, heavy ties (a pruned layer: mostly zeros) and sorted runs. */
    @Test
    void agreesWithSortingForEveryRankOnTiesAndSortedInput() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + rnd.nextInt(200);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = switch (trial % 4) {
                    case 0 -> rnd.nextGaussian();
                    case 1 -> rnd.nextInt(4) == 0 ? rnd.nextGaussian() : 0.0;
                    case 2 -> i;
                    default -> rnd.nextInt(3);
                };
            }
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            for (int k = 1; k <= n; k++) {
                assertEquals(sorted[n - k], KthLargest.select(a.clone(), n - k), "trial " + trial + ", k " + k);
            }
        }
    }

    @Test
    void readsAnyShapeAndTypeOfArray() {
        float[] values = new float[4 * 3 * 2 * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 37 % values.length) / 10f;
        }
        double kth = KthLargest.of(Nd4j.create(values, new long[]{4, 3, 2, 2}, DataType.FLOAT), 5);
        assertEquals((values.length - 5) / 10f, kth, 1e-6);
    }

    @Test
    void rejectsARankOutsideTheArray() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KthLargest.of(Nd4j.ones(DataType.FLOAT, 3), 4));
        assertTrue(e.getMessage().contains("[1, 3]") && e.getMessage().contains("4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KthLargest.of(Nd4j.ones(DataType.FLOAT, 3), 0));
    }
}
