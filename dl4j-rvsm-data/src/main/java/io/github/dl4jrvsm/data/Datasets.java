package io.github.dl4jrvsm.data;

import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The loading entry point: finds a data set ({@link DataSetLocator}), reads it ({@link MnistFormat} or
 * {@link CifarFormat}) and splits it ({@link TrainValidationSplit}).
 *
 * <pre>{@code
 * DataSplits d = Datasets.load(DataSetName.CIFAR10, LoadOptions.defaults()
 *         .withValidation(LoadOptions.DISSERTATION_CIFAR10_VALIDATION, 42)    // 45k train / 5k validation
 *         .withLimitPerSplit(2000));                                           // small CPU run
 * }</pre>
 *
 * <p>All parts are in pixel space [0, 1], NCHW, with one-hot labels. The limit is applied to the example indices
 * before CIFAR files are read, so a small run never converts the whole training set to floats.
 */
public final class Datasets {

    private Datasets() {
    }

    public static DataSplits load(DataSetName name) throws IOException {
        return load(name, LoadOptions.defaults());
    }

    public static DataSplits load(DataSetName name, LoadOptions options) throws IOException {
        return load(name, options, new DataSetLocator());
    }

    static DataSplits load(DataSetName name, LoadOptions options, DataSetLocator locator) throws IOException {
        return load(locator.locate(name, options), options);
    }

    /** Reads and splits files already located. */
    public static DataSplits load(DataSetFiles files, LoadOptions options) throws IOException {
        return files.name().format() == DataSetName.Format.IDX ? loadIdx(files, options) : loadCifar(files, options);
    }

    private static DataSplits loadIdx(DataSetFiles files, LoadOptions options) throws IOException {
        DataSet all = MnistFormat.load(files.train().get(0), files.train().get(1));
        DataSet test = MnistFormat.load(files.test().get(0), files.test().get(1));
        TrainValidationSplit split = split(all.numExamples(), options);
        DataSet train = options.validationSize() == 0
                ? DataSubsets.first(all, options.limitPerSplit())
                : DataSubsets.rows(all, split.train());
        DataSet validation = options.validationSize() == 0 ? null : DataSubsets.rows(all, split.validation());
        return new DataSplits(train, validation, DataSubsets.first(test, options.limitPerSplit()));
    }

    private static DataSplits loadCifar(DataSetFiles files, LoadOptions options) throws IOException {
        CifarVariant variant = files.name() == DataSetName.CIFAR10 ? CifarVariant.CIFAR10
                : options.coarseCifar100Labels() ? CifarVariant.CIFAR100_COARSE : CifarVariant.CIFAR100_FINE;
        List<Path> trainFiles = files.train();
        TrainValidationSplit split = split(CifarFormat.countRecords(variant, trainFiles), options);
        DataSet train = CifarFormat.load(variant, trainFiles, split.train());
        DataSet validation = options.validationSize() == 0 ? null
                : CifarFormat.load(variant, trainFiles, split.validation());
        int nTest = CifarFormat.countRecords(variant, files.test());
        int[] testRecords = new int[Math.min(nTest, options.limitPerSplit())];
        Arrays.setAll(testRecords, i -> i);
        return new DataSplits(train, validation, CifarFormat.load(variant, files.test(), testRecords));
    }

    private static TrainValidationSplit split(int n, LoadOptions options) {
        return TrainValidationSplit.of(n, options.validationSize(), options.seed()).limit(options.limitPerSplit());
    }
}
