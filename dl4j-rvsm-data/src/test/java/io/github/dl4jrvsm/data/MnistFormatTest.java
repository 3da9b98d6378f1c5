package io.github.dl4jrvsm.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IDX files written by the test itself, gzip and plain, good and broken. */
class MnistFormatTest {

    @TempDir
    Path dir;

    private static byte[] idx(int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x0800 | dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            out.write(content);
        }
        return p;
    }

    @Test
    void readsImagesAndLabelsGzippedOrPlain() throws IOException {
        byte[] pixels = new byte[3 * 2 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 20);
        }
        pixels[11] = (byte) 255;
        for (boolean gzip : new boolean[]{true, false}) {
            Path images = write("img" + gzip, idx(new int[]{3, 2, 2}, pixels), gzip);
            Path labels = write("lab" + gzip, idx(new int[]{3}, new byte[]{7, 0, 9}), gzip);
            DataSet d = MnistFormat.load(images, labels);
            assertEquals(Arrays.toString(new long[]{3, 1, 2, 2}), Arrays.toString(d.getFeatures().shape()));
            assertEquals(20 / 255.0, d.getFeatures().getDouble(0, 0, 0, 1), 1e-6);
            assertEquals(1.0, d.getFeatures().getDouble(2, 0, 1, 1), 1e-6);
            assertEquals(7, d.getLabels().getRow(0).argMax().getInt(0));
            assertEquals(9, d.getLabels().getRow(2).argMax().getInt(0));
            assertEquals(3.0, d.getLabels().sumNumber().doubleValue());
        }
    }

    @Test
    void truncatedOrMismatchedFilesAreNamedInTheError() throws IOException {
        byte[] full = idx(new int[]{3, 2, 2}, new byte[12]);
        Path truncated = write("cut.gz", Arrays.copyOf(full, full.length - 5), true);
        Path labels = write("labels", idx(new int[]{3}, new byte[3]), false);
        IOException e = assertThrows(IOException.class, () -> MnistFormat.load(truncated, labels));
        assertTrue(e.getMessage().contains("cut.gz") && e.getMessage().contains("truncated"), e.getMessage());

        Path images = write("ok", full, false);
        Path twoLabels = write("two", idx(new int[]{2}, new byte[2]), false);
        e = assertThrows(IOException.class, () -> MnistFormat.load(images, twoLabels));
        assertTrue(e.getMessage().contains("3 images but 2 labels"), e.getMessage());

        Path badLabel = write("bad", idx(new int[]{3}, new byte[]{1, 12, 2}), false);
        e = assertThrows(IOException.class, () -> MnistFormat.load(images, badLabel));
        assertTrue(e.getMessage().contains("label 12"), e.getMessage());

        Path notIdx = write("text", "hello world, not idx".getBytes(), false);
        e = assertThrows(IOException.class, () -> MnistFormat.load(notIdx, labels));
        assertTrue(e.getMessage().contains("text") && e.getMessage().contains("magic"), e.getMessage());
        e = assertThrows(IOException.class, () -> MnistFormat.load(dir.resolve("missing"), labels));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }
}
