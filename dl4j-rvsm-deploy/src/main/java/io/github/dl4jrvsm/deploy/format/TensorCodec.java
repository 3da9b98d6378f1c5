package io.github.dl4jrvsm.deploy.format;

import io.github.dl4jrvsm.deploy.Quantization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * One tensor as bytes: its shape, the positions of its non-zeros ({@link SparseIndex}) and the non-zero values at
 * the chosen {@link Quantization}. Values are in C order (row-major), the order of ND4J's default arrays. Without
 * quantization every value comes back bit for bit, except that a negative zero comes back as a positive one.
 */
public final class TensorCodec {

    private TensorCodec() {
    }

    /** A decoded tensor: its shape and its values in C order. */
    public record Tensor(long[] shape, float[] values) {
    }

    /**
     * @param channelAxis the output-channel axis for {@link Quantization#INT8} (its scales are per channel); ignored
     *                    otherwise
     */
    public static byte[] encode(long[] shape, float[] values, Quantization quantization, int channelAxis) {
        BitSet nonZero = new BitSet(values.length);
        for (int i = 0; i < values.length; i++) {
            // -0.0 counts as zero: sparse training makes both signs, and storing the sign would cost a value each
            if (values[i] != 0 || Float.isNaN(values[i])) {
                nonZero.set(i);
            }
        }
        SparseIndex index = smallestIndex(nonZero, values.length, quantization);
        int nnz = index == SparseIndex.DENSE ? values.length : nonZero.cardinality();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(shape.length);
            for (long d : shape) {
                out.writeLong(d);
            }
            out.writeByte(index.ordinal());
            out.writeByte(quantization.ordinal());
            out.writeInt(nnz);
            out.flush();
            index.write(nonZero, values.length, bytes);
            float[] kept = index == SparseIndex.DENSE ? values : gather(values, nonZero, nnz);
            writeValues(out, kept, positions(index, nonZero, nnz), shape, quantization, channelAxis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Tensor decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int rank = in.readUnsignedByte();
        long[] shape = new long[rank];
        long length = 1;
        for (int i = 0; i < rank; i++) {
            shape[i] = in.readLong();
            if (shape[i] < 0 || (length *= shape[i]) > Integer.MAX_VALUE) {
                throw new IOException("tensor shape " + Arrays.toString(shape) + " is not a valid shape");
            }
        }
        SparseIndex index = enumAt(SparseIndex.values(), in.readUnsignedByte(), "index encoding");
        Quantization quantization = enumAt(Quantization.values(), in.readUnsignedByte(), "quantization");
        int nnz = in.readInt();
        if (nnz < 0 || nnz > length) {
            throw new IOException("tensor announces " + nnz + " non-zeros for " + length + " entries");
        }
        int[] positions = index.read(in, (int) length, nnz);
        float[] kept = readValues(in, positions, shape, quantization, nnz);
        float[] values = new float[(int) length];
        for (int i = 0; i < nnz; i++) {
            values[positions[i]] = kept[i];
        }
        if (in.available() != 0) {
            throw new IOException("tensor payload has " + in.available() + " bytes after its values");
        }
        return new Tensor(shape, values);
    }

    private static SparseIndex smallestIndex(BitSet nonZero, int length, Quantization q) {
        int valueBytes = switch (q) {
            case NONE -> 4;
            case FP16 -> 2;
            case INT8 -> 1;
        };
        SparseIndex best = SparseIndex.DENSE;
        long bestBytes = (long) length * valueBytes;
        for (SparseIndex candidate : new SparseIndex[]{SparseIndex.BITMASK, SparseIndex.GAPS}) {
            long b = candidate.indexBytes(nonZero, length) + (long) nonZero.cardinality() * valueBytes;
            if (b < bestBytes) {
                best = candidate;
                bestBytes = b;
            }
        }
        return best;
    }

    private static int[] positions(SparseIndex index, BitSet nonZero, int nnz) {
        int[] p = new int[nnz];
        if (index == SparseIndex.DENSE) {
            for (int i = 0; i < nnz; i++) {
                p[i] = i;
            }
            return p;
        }
        int k = 0;
        for (int i = nonZero.nextSetBit(0); i >= 0; i = nonZero.nextSetBit(i + 1)) {
            p[k++] = i;
        }
        return p;
    }

    private static float[] gather(float[] values, BitSet nonZero, int nnz) {
        float[] kept = new float[nnz];
        int k = 0;
        for (int i = nonZero.nextSetBit(0); i >= 0; i = nonZero.nextSetBit(i + 1)) {
            kept[k++] = values[i];
        }
        return kept;
    }

    private static void writeValues(DataOutputStream out, float[] kept, int[] positions, long[] shape,
                                     Quantization q, int channelAxis) throws IOException {
        switch (q) {
            case NONE -> {
                for (float v : kept) {
                    out.writeFloat(v);
                }
            }
            case FP16 -> {
                for (float v : kept) {
                    out.writeShort(Half.fromFloat(v));
                }
            }
            case INT8 -> {
                ChannelScales scales = ChannelScales.of(kept, positions, shape, channelAxis);
                scales.write(out);
                for (int i = 0; i < kept.length; i++) {
                    out.writeByte(scales.quantize(kept[i], positions[i]));
                }
            }
        }
    }

    private static float[] readValues(DataInputStream in, int[] positions, long[] shape, Quantization q, int nnz)
            throws IOException {
        float[] kept = new float[nnz];
        switch (q) {
            case NONE -> {
                for (int i = 0; i < nnz; i++) {
                    kept[i] = in.readFloat();
                }
            }
            case FP16 -> {
                for (int i = 0; i < nnz; i++) {
                    kept[i] = Half.toFloat(in.readShort());
                }
            }
            case INT8 -> {
                ChannelScales scales = ChannelScales.read(in, shape);
                for (int i = 0; i < nnz; i++) {
                    kept[i] = scales.dequantize(in.readByte(), positions[i]);
                }
            }
        }
        return kept;
    }

    private static <E> E enumAt(E[] values, int ordinal, String what) throws IOException {
        if (ordinal >= values.length) {
            throw new IOException("unknown " + what + " code " + ordinal + " (known: 0.." + (values.length - 1) + ")");
        }
        return values[ordinal];
    }
}
