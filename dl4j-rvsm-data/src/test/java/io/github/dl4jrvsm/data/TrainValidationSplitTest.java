package io.github.dl4jrvsm.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainValidationSplitTest {

    private static Set<Integer> set(int[] a) {
        Set<Integer> s = new HashSet<>();
        for (int i : a) {
            s.add(i);
        }
        return s;
    }

    @Test
    void sameSeedSameSplitDifferentSeedDifferentSplit() {
        TrainValidationSplit a = TrainValidationSplit.of(1000, 100, 7);
        TrainValidationSplit b = TrainValidationSplit.of(1000, 100, 7);
        TrainValidationSplit c = TrainValidationSplit.of(1000, 100, 8);
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.validation(), b.validation());
        assertFalse(set(a.validation()).equals(set(c.validation())));
        // a shuffle, not the first 100 in file order
        assertFalse(set(a.validation()).equals(set(IntStream.range(0, 100).toArray())));
    }

    @Test
    void partsHaveTheRightSizesDoNotOverlapAndCoverEverything() {
        TrainValidationSplit s = TrainValidationSplit.of(500, 50, 42);
        assertEquals(450, s.train().length);
        assertEquals(50, s.validation().length);
        Set<Integer> train = set(s.train());
        Set<Integer> val = set(s.validation());
        assertEquals(450, train.size());
        assertEquals(50, val.size());
        Set<Integer> both = new HashSet<>(train);
        both.retainAll(val);
        assertTrue(both.isEmpty());
        Set<Integer> union = new HashSet<>(train);
        union.addAll(val);
        assertEquals(set(IntStream.range(0, 500).toArray()), union);
    }

    @Test
    void noValidationKeepsFileOrderAndLimitTakesTheFirstK() {
        TrainValidationSplit s = TrainValidationSplit.of(5, 0, 1);
        assertArrayEquals(new int[]{0, 1, 2, 3, 4}, s.train());
        assertEquals(0, s.validation().length);
        TrainValidationSplit full = TrainValidationSplit.of(100, 20, 3);
        TrainValidationSplit small = full.limit(7);
        assertArrayEquals(Arrays.copyOf(full.train(), 7), small.train());
        assertArrayEquals(Arrays.copyOf(full.validation(), 7), small.validation());
        assertArrayEquals(full.validation(), full.limit(1000).validation());
    }

    @Test
    void invalidSizesAreRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainValidationSplit.of(10, 10, 1));
        assertTrue(e.getMessage().contains("10") && e.getMessage().contains("0..9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainValidationSplit.of(10, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> TrainValidationSplit.of(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> TrainValidationSplit.of(10, 2, 1).limit(0));
    }

    @Test
    void subsetsCopyTheChosenRowsOfFourDimensionalFeatures() {
        int n = 6;
        float[] x = new float[n * 2 * 3 * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;                                   // example e owns values e*18 .. e*18+17
        }
        DataSet d = new DataSet(Nd4j.create(x, new long[]{n, 2, 3, 3}, DataType.FLOAT),
                CifarFormat.oneHot(new int[]{0, 1, 2, 3, 4, 5}, 6));
        DataSet picked = DataSubsets.rows(d, new int[]{4, 1});
        assertArrayEquals(new long[]{2, 2, 3, 3}, picked.getFeatures().shape());
        assertEquals(4 * 18 + 5, picked.getFeatures().getFloat(0, 0, 1, 2), 0f);
        assertEquals(1 * 18 + 17, picked.getFeatures().getFloat(1, 1, 2, 2), 0f);
        assertEquals(4, picked.getLabels().getRow(0).argMax().getInt(0));
        assertEquals(1, picked.getLabels().getRow(1).argMax().getInt(0));

        DataSet head = DataSubsets.first(d, 2);
        assertArrayEquals(new long[]{2, 2, 3, 3}, head.getFeatures().shape());
        assertEquals(18 + 17, head.getFeatures().getFloat(1, 1, 2, 2), 0f);
        assertSame(d, DataSubsets.first(d, 6));
        assertThrows(IllegalArgumentException.class, () -> DataSubsets.rows(d, new int[]{6}));
    }
}
