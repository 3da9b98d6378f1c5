package io.github.dl4jrvsm.adversarial.evaluation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.evaluation.classification.Evaluation;

import java.util.Arrays;

/**
 * How often examples of each class were predicted as each class, {@code count(actual, predicted)}: the confusion
 * matrix of one row of a {@link RobustnessReport}, and everything DL4J's {@link Evaluation} needs to report
 * per-class accuracy, precision, recall and F1 for it.
 *
 * <p>Why counts and not the {@code Evaluation} itself: the report is written and read as JSON with Jackson, and an
 * {@code Evaluation} carries ND4J's own (shaded) Jackson annotations and per-example metadata; a matrix of counts
 * is small, reads back from old and new files alike, and {@link #toEvaluation()} rebuilds an equal {@code Evaluation}
 * from it whenever one is wanted. In JSON it is the plain nested array {@code [[...], ...]}, rows by actual class.
 *
 * <p>Immutable: the constructor and {@link #counts()} copy.
 */
public final class ConfusionCounts {

    private final long[][] counts;

    /**
     * @param counts {@code counts[actual][predicted]}, square, at least 1 x 1, no negative entry
     * @throws IllegalArgumentException naming the row or entry that breaks these rules
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ConfusionCounts(long[][] counts) {
        Validate.check(counts != null && counts.length >= 1,
                () -> "counts must be a square matrix with at least one class, got " + Arrays.deepToString(counts));
        this.counts = new long[counts.length][];
        for (int a = 0; a < counts.length; a++) {
            int row = a;
            Validate.check(counts[a] != null && counts[a].length == counts.length, () -> "counts must be square ("
                    + counts.length + " classes), but row " + row + " is " + Arrays.toString(counts[row]));
            for (int p = 0; p < counts.length; p++) {
                int column = p;
                Validate.check(counts[a][p] >= 0, () -> "counts must be >= 0, got " + counts[row][column]
                        + " for actual class " + row + ", predicted class " + column);
            }
            this.counts[a] = counts[a].clone();
        }
    }

    /**
     * The counts of one batch.
     *
     * @param actual    the labelled class of each example
     * @param predicted the predicted class of each example, in the same order
     * @param classes   the number of classes (the labels' width)
     * @throws IllegalArgumentException for arrays of different lengths or a class outside {@code [0, classes)}
     */
    public static ConfusionCounts of(int[] actual, int[] predicted, int classes) {
        Validate.atLeastOne("classes", classes);
        Validate.check(actual.length == predicted.length, () -> "actual and predicted must have the same length, got "
                + actual.length + " and " + predicted.length);
        long[][] c = new long[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            int example = i;
            Validate.check(actual[i] >= 0 && actual[i] < classes && predicted[i] >= 0 && predicted[i] < classes,
                    () -> "classes must be in [0, " + classes + "), got actual " + actual[example] + " and predicted "
                            + predicted[example] + " for example " + example);
            c[actual[i]][predicted[i]]++;
        }
        return new ConfusionCounts(c);
    }

    /** The sum of both: counts over more batches. */
    public ConfusionCounts plus(ConfusionCounts other) {
        Validate.check(other.classes() == classes(), () -> "cannot add counts of " + other.classes()
                + " classes to counts of " + classes());
        long[][] sum = counts();
        for (int a = 0; a < sum.length; a++) {
            for (int p = 0; p < sum.length; p++) {
                sum[a][p] += other.counts[a][p];
            }
        }
        return new ConfusionCounts(sum);
    }

    /** A copy of {@code counts[actual][predicted]}. */
    @JsonValue
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int a = 0; a < counts.length; a++) {
            copy[a] = counts[a].clone();
        }
        return copy;
    }

    public int classes() {
        return counts.length;
    }

    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** All examples counted. */
    public long examples() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    /** Examples predicted as their own class (the diagonal). */
    public long correct() {
        long c = 0;
        for (int a = 0; a < counts.length; a++) {
            c += counts[a][a];
        }
        return c;
    }

    /** Examples labelled {@code actual}. */
    public long examples(int actual) {
        return Arrays.stream(counts[actual]).sum();
    }

    /** Examples labelled {@code actual} and predicted as it. */
    public long correct(int actual) {
        return counts[actual][actual];
    }

    /** The accuracy on class {@code actual} (its recall), or NaN when no example has that label. */
    public double accuracy(int actual) {
        long n = examples(actual);
        return n == 0 ? Double.NaN : (double) correct(actual) / n;
    }

    /**
     * A new DL4J {@link Evaluation} of these predictions: {@code accuracy()}, {@code confusionMatrix()},
     * {@code recall(c)} (the per-class accuracy), {@code stats()}, ... Classes are unnamed (0, 1, ...); for two
     * classes DL4J reports the binary metrics of class 1, as it does for any two-class {@code Evaluation}.
     */
    public Evaluation toEvaluation() {
        Evaluation e = new Evaluation(classes());
        for (int a = 0; a < counts.length; a++) {
            for (int p = 0; p < counts.length; p++) {
                for (long i = 0; i < counts[a][p]; i++) {
                    e.eval(p, a);
                }
            }
        }
        return e;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionCounts c && Arrays.deepEquals(c.counts, counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionCounts" + Arrays.deepToString(counts);
    }
}
