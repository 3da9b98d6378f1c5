package io.github.dl4jrvsm.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** End to end: locate, (download,) read and split, on files the test writes. */
class DatasetsTest {

    @TempDir
    Path tmp;

    private DataSetLocator locator() {
        return new DataSetLocator(() -> tmp.resolve("dl4j"), tmp.resolve("debian"));
    }

    /** Global record number of each CIFAR example, recovered from its red pixel (0, 0), see TestFiles.pixel. */
    private static int[] recordNumbers(DataSet d) {
        int n = d.numExamples();
        int[] g = new int[n];
        for (int i = 0; i < n; i++) {
            int v = Math.round(d.getFeatures().getFloat(i, 0, 0, 0) * 255);
            g[i] = (v * 223) & 0xff;              // pixel(g,0,0,0) = 31g mod 256 and 31*223 = 1 mod 256
        }
        return g;
    }

    @Test
    void cifar10IsSplitIntoTheRecordsTheSeedChooses() throws IOException {
        Path dir = tmp.resolve("c10");
        TestFiles.cifar10Directory(dir, 4, 3);            // 20 training records, 3 test records
        LoadOptions options = LoadOptions.defaults().withDirectory(dir).withValidation(5, 99);
        DataSplits d = Datasets.load(DataSetName.CIFAR10, options, locator());

        TrainValidationSplit expected = TrainValidationSplit.of(20, 5, 99);
        assertArrayEquals(expected.train(), recordNumbers(d.train()));
        assertArrayEquals(expected.validation(), recordNumbers(d.validation()));
        assertArrayEquals(new long[]{15, 3, 32, 32}, d.train().getFeatures().shape());
        assertArrayEquals(new long[]{3, 10}, d.test().getLabels().shape());
        assertEquals(expected.validation()[0] % 10, d.validation().getLabels().getRow(0).argMax().getInt(0));

        DataSplits again = Datasets.load(DataSetName.CIFAR10, options, locator());
        assertEquals(d.train().getFeatures(), again.train().getFeatures());

        DataSplits small = Datasets.load(DataSetName.CIFAR10, options.withLimitPerSplit(2), locator());
        assertArrayEquals(Arrays.copyOf(expected.train(), 2), recordNumbers(small.train()));
        assertArrayEquals(Arrays.copyOf(expected.validation(), 2), recordNumbers(small.validation()));
        assertEquals(2, small.test().numExamples());
        assertEquals(1, d.firstExamples(1).validation().numExamples());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load(DataSetName.CIFAR10, options.withValidation(20, 1), locator()));
        assertTrue(e.getMessage().contains("20") && e.getMessage().contains("0..19"), e.getMessage());
    }

    @Test
    void cifar100WithCoarseLabelsAndNoValidation() throws IOException {
        Path dir = tmp.resolve("c100");
        TestFiles.cifar100File(dir.resolve("train.bin"), 30);
        TestFiles.cifar100File(dir.resolve("test.bin"), 4);
        DataSplits fine = Datasets.load(DataSetName.CIFAR100, LoadOptions.defaults().withDirectory(dir), locator());
        assertNull(fine.validation());
        assertFalse(fine.hasValidation());
        assertArrayEquals(new long[]{30, 100}, fine.train().getLabels().shape());
        DataSplits coarse = Datasets.load(DataSetName.CIFAR100,
                LoadOptions.defaults().withDirectory(dir).withCoarseCifar100Labels(true), locator());
        assertArrayEquals(new long[]{4, 20}, coarse.test().getLabels().shape());
        assertEquals(27 % 20, coarse.train().getLabels().getRow(27).argMax().getInt(0));
    }

    @Test
    void mnistFormatDataIsSplitLikeCifar() throws IOException {
        Path dir = tmp.resolve("fashion");
        TestFiles.mnistDirectory(dir, 30, 5);             // image i has every pixel = i
        DataSplits d = Datasets.load(DataSetName.FASHION_MNIST,
                LoadOptions.defaults().withDirectory(dir).withValidation(6, 3).withLimitPerSplit(10), locator());
        TrainValidationSplit expected = TrainValidationSplit.of(30, 6, 3).limit(10);
        assertArrayEquals(new long[]{10, 1, 28, 28}, d.train().getFeatures().shape());
        assertEquals(6, d.validation().numExamples());
        assertEquals(5, d.test().numExamples());
        for (int i = 0; i < 6; i++) {
            int idx = expected.validation()[i];
            assertEquals(idx / 255.0, d.validation().getFeatures().getDouble(i, 0, 27, 27), 1e-6);
            assertEquals(idx % 10, d.validation().getLabels().getRow(i).argMax().getInt(0));
        }
        assertEquals(expected.train()[9] / 255.0, d.train().getFeatures().getDouble(9, 0, 0, 0), 1e-6);
    }

    private static byte[] cifar10Archive() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cifar-10-batches-bin/", null);
        for (int b = 1; b <= 5; b++) {
            entries.put("cifar-10-batches-bin/data_batch_" + b + ".bin", records(2 * (b - 1), 2));
        }
        entries.put("cifar-10-batches-bin/test_batch.bin", records(100, 2));
        entries.put("cifar-10-batches-bin/batches.meta.txt", "airplane\n".getBytes());
        return TestFiles.tarGz(entries);
    }

    private static byte[] records(int first, int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int g = first; g < first + count; g++) {
            out.write(TestFiles.cifarRecord(g, g % 10));
        }
        return out.toByteArray();
    }

    @Test
    void downloadedArchiveIsVerifiedExtractedIntoDl4jDirectoryAndFoundThereNextTime() throws Exception {
        byte[] archive = cifar10Archive();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive));
        try (TestFiles.Server server = TestFiles.Server.serving("cifar-10-binary.tar.gz", archive, -1)) {
            LoadOptions options = LoadOptions.defaults().withDownload(true).withDownloadBase(server.base())
                    .withSha256("cifar-10-binary.tar.gz", sha);
            DataSetFiles files = locator().locate(DataSetName.CIFAR10, options);
            assertEquals(DataSetFiles.Source.DOWNLOADED, files.source());
            Path own = tmp.resolve("dl4j/data/cifar-10-binary");
            assertEquals(own.resolve("cifar-10-batches-bin"), files.directory());
            assertFalse(Files.exists(own.resolve("cifar-10-binary.tar.gz")));     // archive removed once unpacked
            assertEquals(1, server.requests().get());

            DataSplits d = Datasets.load(DataSetName.CIFAR10, options, locator());
            assertEquals(10, d.train().numExamples());
            assertEquals(1, server.requests().get());                             // found locally, not fetched again
            assertEquals(DataSetFiles.Source.DL4J_RESOURCES, locator().locate(DataSetName.CIFAR10, options).source());
        }
    }

    @Test
    void downloadNotMatchingTheOfficialDigestIsRefusedAndLeavesNothing() throws Exception {
        try (TestFiles.Server server = TestFiles.Server.serving("cifar-10-binary.tar.gz", cifar10Archive(), -1)) {
            LoadOptions options = LoadOptions.defaults().withDownload(true).withDownloadBase(server.base());
            IOException e = assertThrows(IOException.class, () -> locator().locate(DataSetName.CIFAR10, options));
            assertTrue(e.getMessage().contains("c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd"),
                    e.getMessage());
            try (Stream<Path> s = Files.walk(tmp.resolve("dl4j"))) {
                assertTrue(s.allMatch(Files::isDirectory), "only (empty) directories may remain");
            }
        }
        IOException e = assertThrows(IOException.class,
                () -> locator().locate(DataSetName.CIFAR10, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("withDownload"), e.getMessage());
    }

    @Test
    void mnistFilesAreDownloadedIntoTheExplicitDirectory() throws Exception {
        Path src = tmp.resolve("src");
        TestFiles.mnistDirectory(src, 12, 4);
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(src)) {
            for (Path p : s.toList()) {
                bodies.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        LoadOptions options = LoadOptions.defaults().withDirectory(tmp.resolve("mine")).withDownload(true)
                .withDownloadBase(src.toUri());                                    // a file: mirror
        for (Map.Entry<String, byte[]> b : bodies.entrySet()) {
            options = options.withSha256(b.getKey(),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.getValue())));
        }
        DataSplits d = Datasets.load(DataSetName.MNIST, options, locator());
        assertEquals(12, d.train().numExamples());
        assertEquals(4, d.test().numExamples());
        assertTrue(Files.isRegularFile(tmp.resolve("mine/t10k-labels-idx1-ubyte.gz")));
    }

    @Test
    void debianFashionMnistIfInstalled() throws IOException {
        Path debian = Path.of(DataSetLocator.DEBIAN_FASHION_MNIST_PATH);
        boolean installed = Files.isRegularFile(debian.resolve("t10k-labels-idx1-ubyte.gz"));
        if (!installed) {
            // surefire's console shows a skip only as a count; say which test and how to run it
            System.out.println("skipped DatasetsTest.debianFashionMnistIfInstalled: no Fashion-MNIST in " + debian
                    + " (apt-get install -y dataset-fashion-mnist, as .ci/run does, runs it)");
        }
        assumeTrue(installed, "dataset-fashion-mnist absent");
        DataSetLocator real = new DataSetLocator(() -> tmp.resolve("empty-dl4j"), debian);
        DataSplits d = Datasets.load(DataSetName.FASHION_MNIST,
                LoadOptions.defaults().withValidation(5000, 1).withLimitPerSplit(200), real);
        assertEquals(200, d.train().numExamples());
        assertEquals(200, d.validation().numExamples());
        assertArrayEquals(new long[]{200, 1, 28, 28}, d.test().getFeatures().shape());
        INDArray perClass = d.test().getLabels().sum(0);
        assertEquals(10, perClass.gt(0).castTo(DataType.INT).sumNumber().intValue());   // all 10 classes present
    }
}
