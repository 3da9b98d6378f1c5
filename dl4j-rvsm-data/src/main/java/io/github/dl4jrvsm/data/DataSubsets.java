package io.github.dl4jrvsm.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

/** Copies chosen examples (rows) of a {@link DataSet}, whatever the rank of its features. */
public final class DataSubsets {

    private DataSubsets() {
    }

    /**
     * The examples at {@code indices}, in that order (copied).
     *
     * @throws IllegalArgumentException if an index is outside 0..n-1 or none is given
     */
    public static DataSet rows(DataSet data, int[] indices) {
        int n = data.numExamples();
        if (indices.length == 0) {
            throw new IllegalArgumentException("No examples selected (the data set has " + n + ")");
        }
        for (int i : indices) {
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("Example index " + i + " is outside 0.." + (n - 1));
            }
        }
        return new DataSet(pull(data.getFeatures(), indices), pull(data.getLabels(), indices));
    }

    /** The first {@code k} examples (copied), or the data set itself when it has no more than {@code k}. */
    public static DataSet first(DataSet data, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (data.numExamples() <= k) {
            return data;
        }
        return new DataSet(head(data.getFeatures(), k), head(data.getLabels(), k));
    }

    private static INDArray pull(INDArray a, int[] indices) {
        long[] shape = a.shape();
        INDArray flat = a.reshape('c', shape[0], a.length() / shape[0]);
        INDArray picked = Nd4j.pullRows(flat, 1, indices);
        long[] out = shape.clone();
        out[0] = indices.length;
        return picked.reshape('c', out);
    }

    private static INDArray head(INDArray a, int k) {
        INDArrayIndex[] idx = new INDArrayIndex[a.rank()];
        Arrays.fill(idx, NDArrayIndex.all());
        idx[0] = NDArrayIndex.interval(0, k);
        return a.get(idx).dup('c');
    }
}
