package io.github.dl4jrvsm.data;

import java.util.List;

/**
 * The data sets the library can load, with the file names of their official distributions.
 *
 * <p>IDX data sets (MNIST, Fashion-MNIST) are found as {@code name.gz} or as the uncompressed {@code name} (DL4J's
 * own MNIST cache keeps them uncompressed). CIFAR files may sit directly in a directory or in the sub-directory their
 * official archive unpacks to ({@link #archiveDirectory()}).
 *
 * <p>{@link #resourceName()} is the sub-directory of DL4J's data set directory ({@code <base>/data/}) this library
 * uses. It differs from the names DL4J's own fetchers use ({@code cifar10} holds DL4J's PNG conversion, and DL4J
 * decides whether to download by whether that directory is empty), so files written here never confuse DL4J.
 */
public enum DataSetName {

    MNIST("mnist-idx", "", Format.IDX, 10,
            List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
            List.of("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")),
    FASHION_MNIST("fashion-mnist-idx", "", Format.IDX, 10,
            List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
            List.of("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")),
    CIFAR10("cifar-10-binary", "cifar-10-batches-bin", Format.CIFAR, 10,
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                    "data_batch_5.bin"),
            List.of("test_batch.bin")),
    CIFAR100("cifar-100-binary", "cifar-100-binary", Format.CIFAR, 100,
            List.of("train.bin"),
            List.of("test.bin"));

    /** How the files are encoded. */
    public enum Format {
        /** Two IDX files per split: images, then labels. */
        IDX,
        /** One or more CIFAR binary record files per split. */
        CIFAR
    }

    private final String resourceName;
    private final String archiveDirectory;
    private final Format format;
    private final int classes;
    private final List<String> trainFiles;
    private final List<String> testFiles;

    DataSetName(String resourceName, String archiveDirectory, Format format, int classes, List<String> trainFiles,
                List<String> testFiles) {
        this.resourceName = resourceName;
        this.archiveDirectory = archiveDirectory;
        this.format = format;
        this.classes = classes;
        this.trainFiles = trainFiles;
        this.testFiles = testFiles;
    }

    public String resourceName() {
        return resourceName;
    }

    /** Directory the official archive unpacks to, or "" when the data set is not distributed as an archive. */
    public String archiveDirectory() {
        return archiveDirectory;
    }

    public Format format() {
        return format;
    }

    /** Number of classes with the default labels (CIFAR-100: the 100 fine labels). */
    public int classes() {
        return classes;
    }

    /** Base names of the training files (IDX: images then labels, without {@code .gz}). */
    public List<String> trainFiles() {
        return trainFiles;
    }

    /** Base names of the test files (IDX: images then labels, without {@code .gz}). */
    public List<String> testFiles() {
        return testFiles;
    }
}
