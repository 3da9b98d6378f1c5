package io.github.dl4jrvsm.data;

import org.nd4j.linalg.dataset.DataSet;

/**
 * The three parts of a loaded data set.
 *
 * @param train      training examples
 * @param validation examples held out of the training files, or null when no validation set was asked for
 * @param test       the official test set
 */
public record DataSplits(DataSet train, DataSet validation, DataSet test) {

    public DataSplits {
        if (train == null || test == null) {
            throw new IllegalArgumentException("train and test are required; only validation may be null");
        }
    }

    public boolean hasValidation() {
        return validation != null;
    }

    /** The first {@code k} examples of each part (for small CPU runs). */
    public DataSplits firstExamples(int k) {
        return new DataSplits(DataSubsets.first(train, k),
                validation == null ? null : DataSubsets.first(validation, k), DataSubsets.first(test, k));
    }
}
