package io.github.dl4jrvsm.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the files of a data set were found.
 *
 * @param name      the data set
 * @param directory the directory holding the files
 * @param train     training files (IDX: images, labels; CIFAR: the record files in order)
 * @param test      test files, in the same layout
 * @param source    which place of the search order supplied them
 */
public record DataSetFiles(DataSetName name, Path directory, List<Path> train, List<Path> test, Source source) {

    /** The places {@link DataSetLocator} searches, in its order. */
    public enum Source {
        /** The directory the caller named ({@link LoadOptions#directory()}). */
        EXPLICIT,
        /** DL4J's resources directory ({@code org.deeplearning4j.resources.directory}, default ~/.deeplearning4j). */
        DL4J_RESOURCES,
        /** Debian's {@code dataset-fashion-mnist} package, /usr/share/datasets/fashion-mnist. */
        DEBIAN,
        /** Downloaded from the official address (or the caller's mirror) and verified by SHA-256. */
        DOWNLOADED
    }

    public DataSetFiles {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    DataSetFiles withSource(Source s) {
        return new DataSetFiles(name, directory, train, test, s);
    }
}
