package io.github.dl4jrvsm.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search order, on temporary directories standing in for DL4J's directory and Debian's path. */
class DataSetLocatorTest {

    @TempDir
    Path tmp;

    private DataSetLocator locator() {
        return new DataSetLocator(() -> tmp.resolve("dl4j"), tmp.resolve("debian"));
    }

    private static void touchAll(DataSetName name, Path dir, String suffix) throws IOException {
        Files.createDirectories(dir);
        for (String f : name.trainFiles()) {
            Files.write(dir.resolve(f + suffix), new byte[1]);
        }
        for (String f : name.testFiles()) {
            Files.write(dir.resolve(f + suffix), new byte[1]);
        }
    }

    @Test
    void explicitDirectoryWinsOverDl4jAndDebian() throws IOException {
        DataSetName fashion = DataSetName.FASHION_MNIST;
        touchAll(fashion, tmp.resolve("mine"), ".gz");
        touchAll(fashion, tmp.resolve("dl4j/data/fashion-mnist-idx"), ".gz");
        touchAll(fashion, tmp.resolve("debian"), ".gz");
        DataSetFiles f = locator().locate(fashion, LoadOptions.defaults().withDirectory(tmp.resolve("mine")));
        assertEquals(DataSetFiles.Source.EXPLICIT, f.source());
        assertEquals(tmp.resolve("mine/train-images-idx3-ubyte.gz"), f.train().get(0));
        assertEquals(tmp.resolve("mine/t10k-labels-idx1-ubyte.gz"), f.test().get(1));
    }

    @Test
    void dl4jDirectoryComesBeforeDebianWhichIsTheLastFallback() throws IOException {
        DataSetName fashion = DataSetName.FASHION_MNIST;
        touchAll(fashion, tmp.resolve("debian"), ".gz");
        DataSetFiles f = locator().locate(fashion, LoadOptions.defaults());
        assertEquals(DataSetFiles.Source.DEBIAN, f.source());
        assertEquals(tmp.resolve("debian"), f.directory());

        touchAll(fashion, tmp.resolve("dl4j/data/fashion-mnist-idx"), "");   // uncompressed IDX is accepted too
        f = locator().locate(fashion, LoadOptions.defaults());
        assertEquals(DataSetFiles.Source.DL4J_RESOURCES, f.source());
        assertEquals(tmp.resolve("dl4j/data/fashion-mnist-idx/train-images-idx3-ubyte"), f.train().get(0));
    }

    @Test
    void debianPathIsOnlyForFashionMnistAndMnistAlsoLooksInDl4jBase() throws IOException {
        touchAll(DataSetName.MNIST, tmp.resolve("debian"), ".gz");
        IOException e = assertThrows(IOException.class,
                () -> locator().locate(DataSetName.MNIST, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains(tmp.resolve("dl4j").toString())
                && e.getMessage().contains("withDownload"), e.getMessage());
        assertFalse(e.getMessage().contains(tmp.resolve("debian").toString()), e.getMessage());

        touchAll(DataSetName.MNIST, tmp.resolve("dl4j"), "");    // where DL4J's MnistDataSetIterator keeps them
        DataSetFiles f = locator().locate(DataSetName.MNIST, LoadOptions.defaults());
        assertEquals(DataSetFiles.Source.DL4J_RESOURCES, f.source());
        assertEquals(tmp.resolve("dl4j"), f.directory());
    }

    @Test
    void cifarFilesAreFoundInTheArchiveSubdirectory() throws IOException {
        Path dir = tmp.resolve("cifar");
        touchAll(DataSetName.CIFAR10, dir.resolve("cifar-10-batches-bin"), "");
        DataSetFiles f = locator().locate(DataSetName.CIFAR10, LoadOptions.defaults().withDirectory(dir));
        assertEquals(5, f.train().size());
        assertEquals(dir.resolve("cifar-10-batches-bin/data_batch_5.bin"), f.train().get(4));
        assertEquals(dir.resolve("cifar-10-batches-bin/test_batch.bin"), f.test().get(0));
    }

    @Test
    void explicitDirectoryLackingAFileIsAnErrorNamingItEvenIfOtherPlacesHaveTheFiles() throws IOException {
        Path mine = tmp.resolve("mine");
        touchAll(DataSetName.CIFAR100, mine, "");
        Files.delete(mine.resolve("test.bin"));
        touchAll(DataSetName.CIFAR100, tmp.resolve("dl4j/data/cifar-100-binary"), "");
        IOException e = assertThrows(IOException.class,
                () -> locator().locate(DataSetName.CIFAR100, LoadOptions.defaults().withDirectory(mine)));
        assertTrue(e.getMessage().contains(mine.toString()) && e.getMessage().contains("missing: test.bin"),
                e.getMessage());
        // without the explicit directory the DL4J copy is used
        assertEquals(DataSetFiles.Source.DL4J_RESOURCES,
                locator().locate(DataSetName.CIFAR100, LoadOptions.defaults()).source());
    }

    @Test
    void lookingCreatesNoDirectory() throws IOException {
        assertThrows(IOException.class, () -> locator().locate(DataSetName.CIFAR10, LoadOptions.defaults()));
        assertFalse(Files.exists(tmp.resolve("dl4j")));
    }
}
