package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.internal.ImageLayout;
import io.github.dl4jrvsm.data.DataSetFiles;
import io.github.dl4jrvsm.data.DataSetLocator;
import io.github.dl4jrvsm.data.DataSetName;
import io.github.dl4jrvsm.data.DataSplits;
import io.github.dl4jrvsm.data.DataSubsets;
import io.github.dl4jrvsm.data.Datasets;
import io.github.dl4jrvsm.data.EmbeddedFashionMnist;
import io.github.dl4jrvsm.data.LoadOptions;
import io.github.dl4jrvsm.data.MnistFormat;
import io.github.dl4jrvsm.data.TrainValidationSplit;
import io.github.dl4jrvsm.zoo.InputShape;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The train / validation / test splits of a run, found by core's {@link DataSetLocator} ({@code --data-dir}, DL4J's
 * resources directory, Debian's {@code /usr/share/datasets/fashion-mnist}, a checked download with
 * {@code --download}). Fashion-MNIST falls back to the 4,000 + 1,000 image subset embedded in dl4j-rvsm-data
 * ({@link EmbeddedFashionMnist}), so that the command runs on a machine with no data installed.
 *
 * @param source where the data came from, for the report
 */
record TrainingData(DataSet train, DataSet validation, DataSet test, InputShape shape, int classes, String source) {

    static final List<String> NAMES = List.of("fashion-mnist", "mnist", "cifar10", "cifar100");

    /**
     * The same data in the image layout {@code model} reads: the data sets are NCHW, a Keras {@code channels_last}
     * import reads NHWC.
     */
    TrainingData inLayoutOf(Model model) {
        if (!ImageLayout.channelsLast(model)) {
            return this;
        }
        return new TrainingData(channelsLast(train), channelsLast(validation), channelsLast(test), shape, classes,
                source);
    }

    /** One example's shape as {@code model} reads it, for the sparsity report's FLOPs. */
    long[] exampleShape(Model model) {
        return ImageLayout.channelsLast(model) ? new long[]{shape.height(), shape.width(), shape.channels()}
                : new long[]{shape.channels(), shape.height(), shape.width()};
    }

    private static DataSet channelsLast(DataSet d) {
        if (d == null || d.isEmpty() || d.getFeatures().rank() != 4) {
            return d;
        }
        return new DataSet(d.getFeatures().permute(0, 2, 3, 1).dup('c'), d.getLabels());
    }

    /**
     * @param download whether the official files may be downloaded (SHA-256 checked) when not found locally
     */
    static TrainingData load(String name, Path dataDir, boolean download, int trainExamples, int validation,
                             int testExamples, long seed) throws IOException {
        DataSetName set = switch (name) {
            case "fashion-mnist" -> DataSetName.FASHION_MNIST;
            case "mnist" -> DataSetName.MNIST;
            case "cifar10" -> DataSetName.CIFAR10;
            case "cifar100" -> DataSetName.CIFAR100;
            default -> throw new IllegalArgumentException("unknown dataset '" + name + "'; choose one of " + NAMES);
        };
        if (validation < 0) {
            throw new IllegalArgumentException("--validation must be >= 0, got " + validation);
        }
        LoadOptions options = LoadOptions.defaults().withValidation(validation, seed).withDownload(download);
        if (dataDir != null) {
            options = options.withDirectory(dataDir);
        }
        InputShape shape = set.format() == DataSetName.Format.CIFAR ? InputShape.CIFAR : InputShape.FASHION_MNIST;
        DataSplits splits;
        String source;
        try {
            DataSetFiles files = new DataSetLocator().locate(set, options);
            splits = Datasets.load(files, options);
            source = files.directory().toString();
        } catch (IOException | IllegalArgumentException e) {
            if (set != DataSetName.FASHION_MNIST || dataDir != null) {
                throw e;
            }
            splits = embeddedSplits(validation, seed);
            source = "embedded subset (install dataset-fashion-mnist or give --data-dir for all 70,000 images)";
        }
        return new TrainingData(head(splits.train(), trainExamples), splits.validation(), head(splits.test(), testExamples),
                shape, set.classes(), source);
    }

    private static DataSplits embeddedSplits(int validation, long seed) throws IOException {
        DataSet train = EmbeddedFashionMnist.train(), test = EmbeddedFashionMnist.test();
        if (validation >= train.numExamples()) {
            throw new IllegalArgumentException("--validation must be below " + train.numExamples() + ", got " + validation);
        }
        TrainValidationSplit split = TrainValidationSplit.of(train.numExamples(), validation, seed);
        return new DataSplits(DataSubsets.rows(train, split.train()),
                validation == 0 ? null : DataSubsets.rows(train, split.validation()), test);
    }

    static DataSet head(DataSet d, int n) {
        return n <= 0 || n >= d.numExamples() ? d : slice(d, 0, n);
    }

    static DataSet slice(DataSet d, int from, int to) {
        return new DataSet(d.getFeatures().get(NDArrayIndex.interval(from, to)).dup(),
                d.getLabels().get(NDArrayIndex.interval(from, to)).dup());
    }
}
