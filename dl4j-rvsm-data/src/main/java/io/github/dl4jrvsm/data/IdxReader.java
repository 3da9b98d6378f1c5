package io.github.dl4jrvsm.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads unsigned-byte IDX files (the MNIST / Fashion-MNIST format), gzip-compressed or not.
 *
 * <p>The format is a big-endian header {@code 0x00 0x00 0x08 rank} followed by {@code rank} 32-bit sizes and the
 * bytes. Files ending in {@code .gz} (or starting with the gzip magic) are decompressed on the fly.
 */
public final class IdxReader {

    private static final int UBYTE = 0x08;

    private IdxReader() {
    }

    /** An IDX array: its dimensions and its bytes as unsigned values in row-major order. */
    public record IdxArray(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }

        public int unsigned(int i) {
            return data[i] & 0xff;
        }
    }

    public static IdxArray read(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads from a stream; {@code name} is used in error messages. */
    public static IdxArray read(InputStream raw, String name) throws IOException {
        DataInputStream in = new DataInputStream(gunzipIfCompressed(raw));
        try {
            int magic = in.readInt();
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != UBYTE) {
                throw new IOException(name + " is not an unsigned-byte IDX file (magic 0x" + Integer.toHexString(magic)
                        + ", expected 0x000008NN)");
            }
            int rank = magic & 0xff;
            if (rank < 1 || rank > 4) {
                throw new IOException(name + ": IDX rank " + rank + " is not supported (1 to 4)");
            }
            int[] dims = new int[rank];
            long total = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 0) {
                    throw new IOException(name + ": negative dimension " + dims[i]);
                }
                total *= dims[i];
            }
            if (total > Integer.MAX_VALUE - 16) {
                throw new IOException(name + ": " + total + " values are more than one array can hold");
            }
            byte[] data = new byte[(int) total];
            in.readFully(data);
            return new IdxArray(dims, data);
        } catch (EOFException e) {
            throw new IOException(name + " is truncated: it ends before the size its header declares", e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("No IDX file at " + file);
        }
        return Files.newInputStream(file);
    }

    private static InputStream gunzipIfCompressed(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int b1 = in.read(), b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in)) : in;
    }
}
