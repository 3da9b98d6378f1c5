package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.data.MnistFormat;
import io.github.dl4jrvsm.zoo.InputShape;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The train / validation / test splits of a run. Fashion-MNIST is looked up in {@code --data-dir}, then in Debian's
 * {@code /usr/share/datasets/fashion-mnist}, then taken from the 4,000 + 1,000 image subset embedded in this jar, so
 * that the command runs on a machine with no data installed.
 *
 * @param source where the data came from, for the report
 */
record TrainingData(DataSet train, DataSet validation, DataSet test, InputShape shape, int classes, String source) {

    static final List<String> NAMES = List.of("fashion-mnist", "mnist");
    static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    private static final String EMBEDDED = "/datasets/fashion-mnist-subset/";

    static TrainingData load(String name, Path dataDir, int trainExamples, int validation, int testExamples, long seed)
            throws IOException {
        DataSet train, test;
        String source;
        switch (name) {
            case "fashion-mnist" -> {
                Path dir = dataDir != null ? dataDir : Files.isDirectory(DEBIAN_FASHION_MNIST) ? DEBIAN_FASHION_MNIST : null;
                if (dir != null) {
                    train = idx(dir, "train");
                    test = idx(dir, "t10k");
                    source = dir.toString();
                } else {
                    train = embedded("train");
                    test = embedded("t10k");
                    source = "embedded subset (install dataset-fashion-mnist or give --data-dir for all 70,000 images)";
                }
            }
            case "mnist" -> {
                Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".deeplearning4j");
                train = idx(dir, "train");
                test = idx(dir, "t10k");
                source = dir.toString();
            }
            default -> throw new IllegalArgumentException("unknown dataset '" + name + "'; choose one of " + NAMES);
        }
        if (validation < 0 || validation >= train.numExamples()) {
            throw new IllegalArgumentException("--validation must be in [0, " + train.numExamples() + "), got " + validation);
        }
        train.shuffle(seed);
        DataSet val = validation == 0 ? null : slice(train, 0, validation);
        DataSet rest = slice(train, validation, train.numExamples());
        return new TrainingData(head(rest, trainExamples), val, head(test, testExamples), InputShape.FASHION_MNIST,
                MnistFormat.CLASSES, source);
    }

    private static DataSet idx(Path dir, String split) throws IOException {
        Path images = first(dir, split + "-images-idx3-ubyte.gz", split + "-images-idx3-ubyte");
        Path labels = first(dir, split + "-labels-idx1-ubyte.gz", split + "-labels-idx1-ubyte");
        return MnistFormat.load(images, labels);
    }

    private static Path first(Path dir, String... names) throws IOException {
        for (String n : names) {
            if (Files.isRegularFile(dir.resolve(n))) {
                return dir.resolve(n);
            }
        }
        throw new IOException("no " + names[0] + " (or unzipped) in " + dir + "; give --data-dir with the IDX files");
    }

    private static DataSet embedded(String split) throws IOException {
        String images = EMBEDDED + split + "-images-idx3-ubyte.gz", labels = EMBEDDED + split + "-labels-idx1-ubyte.gz";
        try (InputStream i = TrainingData.class.getResourceAsStream(images);
             InputStream l = TrainingData.class.getResourceAsStream(labels)) {
            if (i == null || l == null) {
                throw new IOException("embedded data " + images + " is missing from the class path");
            }
            return MnistFormat.load(i, images, l, labels);
        }
    }

    static DataSet head(DataSet d, int n) {
        return n <= 0 || n >= d.numExamples() ? d : slice(d, 0, n);
    }

    static DataSet slice(DataSet d, int from, int to) {
        return new DataSet(d.getFeatures().get(NDArrayIndex.interval(from, to)).dup(),
                d.getLabels().get(NDArrayIndex.interval(from, to)).dup());
    }
}
