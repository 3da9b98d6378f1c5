package io.github.dl4jrvsm.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.github.dl4jrvsm.data.TestFiles.cifarRecord;
import static io.github.dl4jrvsm.data.TestFiles.pixel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CIFAR binary files written by the test in the official layout, good and broken. */
class CifarFormatTest {

    @TempDir
    Path dir;

    /** Checks every pixel of every example against {@link TestFiles#pixel} for the given global record numbers. */
    private static void assertPixels(INDArray x, int... globals) {
        float[] actual = x.dup('c').data().asFloat();
        float[] expected = new float[actual.length];
        int k = 0;
        for (int g : globals) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int xx = 0; xx < 32; xx++) {
                        expected[k++] = pixel(g, c, y, xx) / 255f;
                    }
                }
            }
        }
        assertArrayEquals(expected, actual, 1e-6f);
    }

    @Test
    void cifar10PlacesRedGreenBluePlanesAsNchwAndLabelsOneHot() throws IOException {
        byte[] first = cifarRecord(0, 3);
        Arrays.fill(first, 1, first.length, (byte) 0);
        first[1] = (byte) 255;                          // R, row 0, col 0
        first[1 + 1024 + 32 + 2] = (byte) 128;          // G, row 1, col 2
        first[1 + 2048 + 31 * 32 + 30] = (byte) 64;     // B, row 31, col 30
        Path a = Files.write(dir.resolve("data_batch_1.bin"), concat(first, cifarRecord(1, 9)));
        Path b = TestFiles.cifar10File(dir.resolve("data_batch_2.bin"), 2, 1);

        DataSet d = CifarFormat.load(CifarVariant.CIFAR10, List.of(a, b));
        INDArray x = d.getFeatures();
        assertArrayEquals(new long[]{3, 3, 32, 32}, x.shape());
        assertArrayEquals(new long[]{3, 10}, d.getLabels().shape());
        assertEquals(1.0, x.getDouble(0, 0, 0, 0), 1e-6);
        assertEquals(128 / 255.0, x.getDouble(0, 1, 1, 2), 1e-6);
        assertEquals(64 / 255.0, x.getDouble(0, 2, 31, 30), 1e-6);
        assertEquals((255 + 128 + 64) / 255.0, x.slice(0).sumNumber().doubleValue(), 1e-4);
        assertPixels(x.get(NDArrayIndex.interval(1, 3)), 1, 2);

        assertEquals(3, d.getLabels().getRow(0).argMax().getInt(0));
        assertEquals(9, d.getLabels().getRow(1).argMax().getInt(0));
        assertEquals(2, d.getLabels().getRow(2).argMax().getInt(0));
        assertEquals(3.0, d.getLabels().sumNumber().doubleValue(), 1e-9);
        assertEquals(1.0, d.getLabels().maxNumber().doubleValue(), 1e-9);
    }

    @Test
    void selectedRecordsComeInTheRequestedOrderAcrossFiles() throws IOException {
        Path a = TestFiles.cifar10File(dir.resolve("a.bin"), 0, 3);
        Path b = TestFiles.cifar10File(dir.resolve("b.bin"), 3, 2);
        List<Path> files = List.of(a, b);
        assertEquals(5, CifarFormat.countRecords(CifarVariant.CIFAR10, files));

        DataSet d = CifarFormat.load(CifarVariant.CIFAR10, files, new int[]{4, 0, 2});
        assertPixels(d.getFeatures(), 4, 0, 2);
        assertEquals(4, d.getLabels().getRow(0).argMax().getInt(0));
        assertEquals(0, d.getLabels().getRow(1).argMax().getInt(0));

        assertThrows(IllegalArgumentException.class, () -> CifarFormat.load(CifarVariant.CIFAR10, files, new int[]{5}));
        assertThrows(IllegalArgumentException.class,
                () -> CifarFormat.load(CifarVariant.CIFAR10, files, new int[]{1, 1}));
        assertThrows(IllegalArgumentException.class, () -> CifarFormat.load(CifarVariant.CIFAR10, files, new int[0]));
    }

    @Test
    void cifar100UsesFineLabelsByDefaultAndCoarseOnRequest() throws IOException {
        Path train = TestFiles.cifar100File(dir.resolve("train.bin"), 25);
        DataSet fine = CifarFormat.load(CifarVariant.CIFAR100_FINE, List.of(train));
        DataSet coarse = CifarFormat.load(CifarVariant.CIFAR100_COARSE, List.of(train));
        assertArrayEquals(new long[]{25, 100}, fine.getLabels().shape());
        assertArrayEquals(new long[]{25, 20}, coarse.getLabels().shape());
        for (int g = 0; g < 25; g++) {
            assertEquals((3 * g + 1) % 100, fine.getLabels().getRow(g).argMax().getInt(0));
            assertEquals(g % 20, coarse.getLabels().getRow(g).argMax().getInt(0));
        }
        int[] all = new int[25];
        Arrays.setAll(all, i -> i);
        assertPixels(fine.getFeatures(), all);     // two label bytes skipped, not one
        assertPixels(coarse.getFeatures(), all);
    }

    @Test
    void truncatedFileIsNamed() throws IOException {
        byte[] two = concat(cifarRecord(0, 1), cifarRecord(1, 2));
        Path cut = Files.write(dir.resolve("data_batch_3.bin"), Arrays.copyOf(two, two.length - 5));
        IOException e = assertThrows(IOException.class, () -> CifarFormat.load(CifarVariant.CIFAR10, List.of(cut)));
        assertTrue(e.getMessage().contains("data_batch_3.bin") && e.getMessage().contains("truncated")
                && e.getMessage().contains("3073"), e.getMessage());

        Path cifar10AsCifar100 = TestFiles.cifar10File(dir.resolve("ten.bin"), 0, 2);
        e = assertThrows(IOException.class,
                () -> CifarFormat.load(CifarVariant.CIFAR100_FINE, List.of(cifar10AsCifar100)));
        assertTrue(e.getMessage().contains("ten.bin") && e.getMessage().contains("3074"), e.getMessage());

        Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
        e = assertThrows(IOException.class, () -> CifarFormat.load(CifarVariant.CIFAR10, List.of(empty)));
        assertTrue(e.getMessage().contains("empty.bin"), e.getMessage());
    }

    @Test
    void outOfRangeLabelsAndMissingFilesAreNamed() throws IOException {
        Path bad = Files.write(dir.resolve("test_batch.bin"), concat(cifarRecord(0, 4), cifarRecord(1, 10)));
        IOException e = assertThrows(IOException.class, () -> CifarFormat.load(CifarVariant.CIFAR10, List.of(bad)));
        assertTrue(e.getMessage().contains("test_batch.bin") && e.getMessage().contains("record 1")
                && e.getMessage().contains("label 10") && e.getMessage().contains("0..9"), e.getMessage());

        Path badFine = Files.write(dir.resolve("train.bin"), cifarRecord(0, 5, 100));
        e = assertThrows(IOException.class, () -> CifarFormat.load(CifarVariant.CIFAR100_COARSE, List.of(badFine)));
        assertTrue(e.getMessage().contains("train.bin") && e.getMessage().contains("fine label 100"), e.getMessage());

        Path badCoarse = Files.write(dir.resolve("test.bin"), cifarRecord(0, 20, 5));
        e = assertThrows(IOException.class, () -> CifarFormat.load(CifarVariant.CIFAR100_FINE, List.of(badCoarse)));
        assertTrue(e.getMessage().contains("test.bin") && e.getMessage().contains("coarse label 20"), e.getMessage());

        Path ok = TestFiles.cifar10File(dir.resolve("ok.bin"), 0, 1);
        e = assertThrows(IOException.class,
                () -> CifarFormat.load(CifarVariant.CIFAR10, List.of(ok, dir.resolve("data_batch_5.bin"))));
        assertTrue(e.getMessage().contains("data_batch_5.bin"), e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
