package io.github.dl4jrvsm.deploy.format;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Where a tensor's non-zeros are. Three encodings, and the writer takes whichever is smallest for the tensor at hand:
 * none at all (dense: the zeros are stored as values), a bitmask (one bit per entry: best from a few percent of zeros
 * up to about 90%), or the gaps between non-zeros as variable-length integers (best for very sparse tensors, and for
 * whole channels of zeros, which become a few long gaps).
 */
enum SparseIndex {
    DENSE, BITMASK, GAPS;

    /** Bytes the index takes for {@code nonZero} of {@code length} entries. */
    long indexBytes(BitSet nonZero, long length) {
        return switch (this) {
            case DENSE -> 0;
            case BITMASK -> (length + 7) / 8;
            case GAPS -> gaps(nonZero).length;
        };
    }

    void write(BitSet nonZero, long length, ByteArrayOutputStream out) {
        switch (this) {
            case DENSE -> {
            }
            case BITMASK -> {
                byte[] bits = Arrays.copyOf(nonZero.toByteArray(), (int) ((length + 7) / 8));
                out.write(bits, 0, bits.length);
            }
            case GAPS -> {
                byte[] g = gaps(nonZero);
                out.write(g, 0, g.length);
            }
        }
    }

    /** The positions of the non-zeros, {@code nnz} of them, in ascending order. */
    int[] read(DataInputStream in, int length, int nnz) throws IOException {
        int[] positions = new int[nnz];
        switch (this) {
            case DENSE -> {
                for (int i = 0; i < nnz; i++) {
                    positions[i] = i;
                }
            }
            case BITMASK -> {
                byte[] bytes = new byte[(length + 7) / 8];
                in.readFully(bytes);
                BitSet bits = BitSet.valueOf(bytes);
                int k = 0;
                for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
                    if (k == nnz || i >= length) {
                        throw new IOException("bitmask marks more than the " + nnz + " non-zeros it announced");
                    }
                    positions[k++] = i;
                }
                if (k != nnz) {
                    throw new IOException("bitmask marks " + k + " non-zeros, the header announced " + nnz);
                }
            }
            case GAPS -> {
                int previous = -1;
                for (int i = 0; i < nnz; i++) {
                    previous += 1 + readVarint(in);
                    if (previous >= length) {
                        throw new IOException("gap index points past the tensor's " + length + " entries");
                    }
                    positions[i] = previous;
                }
            }
        }
        return positions;
    }

    private static byte[] gaps(BitSet nonZero) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int previous = -1;
        for (int i = nonZero.nextSetBit(0); i >= 0; i = nonZero.nextSetBit(i + 1)) {
            writeVarint(out, i - previous - 1);
            previous = i;
        }
        return out.toByteArray();
    }

    private static void writeVarint(ByteArrayOutputStream out, int v) {
        while ((v & ~0x7f) != 0) {
            out.write((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static int readVarint(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (v < 0) {
                    throw new IOException("gap index holds a negative gap");
                }
                return v;
            }
        }
        throw new IOException("gap index holds a variable-length integer of more than 5 bytes");
    }
}
