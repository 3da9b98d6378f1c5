package io.github.dl4jrvsm.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the official CIFAR-10 / CIFAR-100 binary files into a DL4J {@link DataSet}: features
 * {@code [n, 3, 32, 32]} float in [0, 1] (NCHW, pixel space, no normalisation: that belongs to the model), labels
 * one-hot.
 *
 * <p>Each record stores the red plane, then green, then blue, each 32 rows of 32 bytes; that is already NCHW order,
 * so pixels are copied, not permuted. Several files (the five CIFAR-10 training batches) are read as one sequence of
 * records numbered from 0 in the order given.
 *
 * <p>{@link #load(CifarVariant, List, int[])} reads only chosen records, so that a train/validation split or a small
 * subset never holds the whole training set in memory as floats; the raw bytes are read file by file and converted in
 * chunks.
 */
public final class CifarFormat {

    private static final int SIDE = 32;
    private static final int CHUNK = 1024;

    private CifarFormat() {
    }

    /**
     * Number of records in the files, after checking that each exists and that its length is a whole number of
     * records.
     */
    public static int countRecords(CifarVariant variant, List<Path> files) throws IOException {
        long total = 0;
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No CIFAR files given");
        }
        for (Path file : files) {
            total += recordsIn(variant, file);
        }
        if (total > Integer.MAX_VALUE / CifarVariant.PIXELS) {
            throw new IOException(files + " hold " + total + " records, more than one array can hold");
        }
        return (int) total;
    }

    /** All records of the files, in file order. */
    public static DataSet load(CifarVariant variant, List<Path> files) throws IOException {
        int n = countRecords(variant, files);
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return load(variant, files, all);
    }

    /**
     * The chosen records, in the order of {@code records} (indices into the sequence of all records of the files).
     *
     * @throws IllegalArgumentException if {@code records} is empty, repeats an index or names one outside 0..n-1
     */
    public static DataSet load(CifarVariant variant, List<Path> files, int[] records) throws IOException {
        int n = countRecords(variant, files);
        int[] outputRow = outputRows(records, n);
        int recordSize = variant.recordSize();
        byte[] pixels = new byte[records.length * CifarVariant.PIXELS];
        int[] labels = new int[records.length];
        byte[] record = new byte[recordSize];
        int global = 0;
        for (Path file : files) {
            int inFile = recordsIn(variant, file);
            try (DataInputStream in =
                         new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                for (int r = 0; r < inFile; r++, global++) {
                    in.readFully(record);
                    String bad = variant.invalidLabel(record);
                    if (bad != null) {
                        throw new IOException(file + ": record " + r + " has " + bad
                                + "; is it a " + variant + " file?");
                    }
                    int row = outputRow[global];
                    if (row >= 0) {
                        labels[row] = variant.label(record);
                        System.arraycopy(record, variant.labelBytes(), pixels, row * CifarVariant.PIXELS,
                                CifarVariant.PIXELS);
                    }
                }
            } catch (EOFException e) {
                throw new IOException(file + " is truncated: it ended while being read", e);
            }
        }
        return new DataSet(features(pixels, records.length), oneHot(labels, variant.classes()));
    }

    private static int recordsIn(CifarVariant variant, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("No CIFAR file at " + file);
        }
        long size = Files.size(file);
        int recordSize = variant.recordSize();
        if (size == 0 || size % recordSize != 0) {
            throw new IOException(file + " is truncated or not a " + variant + " file: its " + size
                    + " bytes are not a positive multiple of the " + recordSize + "-byte record ("
                    + variant.labelBytes() + " label byte(s) + " + CifarVariant.PIXELS + " pixels)");
        }
        return (int) Math.min(Integer.MAX_VALUE, size / recordSize);
    }

    /** For each record of the files, the row it goes to, or -1. */
    private static int[] outputRows(int[] records, int n) {
        if (records.length == 0) {
            throw new IllegalArgumentException("No records selected (the files hold " + n + ")");
        }
        int[] row = new int[n];
        Arrays.fill(row, -1);
        for (int i = 0; i < records.length; i++) {
            int r = records[i];
            if (r < 0 || r >= n) {
                throw new IllegalArgumentException("Record index " + r + " is outside 0.." + (n - 1));
            }
            if (row[r] >= 0) {
                throw new IllegalArgumentException("Record index " + r + " is selected twice");
            }
            row[r] = i;
        }
        return row;
    }

    private static INDArray features(byte[] pixels, int m) {
        INDArray x = Nd4j.create(DataType.FLOAT, m, 3, SIDE, SIDE);
        for (int start = 0; start < m; start += CHUNK) {
            int end = Math.min(m, start + CHUNK);
            float[] chunk = new float[(end - start) * CifarVariant.PIXELS];
            int offset = start * CifarVariant.PIXELS;
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (pixels[offset + i] & 0xff) / 255f;
            }
            INDArray part = Nd4j.create(chunk, new long[]{end - start, 3, SIDE, SIDE}, DataType.FLOAT);
            x.get(NDArrayIndex.interval(start, end), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all())
                    .assign(part);
        }
        return x;
    }

    static INDArray oneHot(int[] labels, int classes) {
        float[] y = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            y[i * classes + labels[i]] = 1f;
        }
        return Nd4j.create(y, new long[]{labels.length, classes}, DataType.FLOAT);
    }
}
