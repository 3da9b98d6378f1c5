package io.github.dl4jrvsm.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Which training examples become validation examples: a seeded shuffle of 0..n-1, the first {@code validationSize}
 * of which form the validation set and the rest the training set (the dissertation holds out 5,000 of CIFAR-10's
 * 50,000 training images this way).
 *
 * <p>The shuffle is {@link Collections#shuffle(List, Random)}, whose Fisher-Yates pass is documented, driven by a
 * {@link Random}, whose sequence the Java specification fixes, so a seed gives the same split on every JVM. Without a validation set nothing is shuffled and the training
 * indices are 0..n-1 in file order.
 */
public final class TrainValidationSplit {

    private final int[] train;
    private final int[] validation;

    private TrainValidationSplit(int[] train, int[] validation) {
        this.train = train;
        this.validation = validation;
    }

    /**
     * @throws IllegalArgumentException unless {@code n >= 1} and {@code 0 <= validationSize < n}
     */
    public static TrainValidationSplit of(int n, int validationSize, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("Cannot split " + n + " examples; need at least 1");
        }
        if (validationSize < 0 || validationSize >= n) {
            throw new IllegalArgumentException("Validation size " + validationSize + " must be in 0.." + (n - 1)
                    + " for " + n + " training examples (at least one must stay for training)");
        }
        if (validationSize == 0) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return new TrainValidationSplit(all, new int[0]);
        }
        int[] p = permutation(n, seed);
        return new TrainValidationSplit(Arrays.copyOfRange(p, validationSize, n), Arrays.copyOf(p, validationSize));
    }

    /** A permutation of 0..n-1 determined by the seed. */
    public static int[] permutation(int n, long seed) {
        List<Integer> p = IntStream.range(0, n).boxed().collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(p, new Random(seed));
        return p.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The same split keeping only the first {@code k} indices of each part. */
    public TrainValidationSplit limit(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("Limit must be >= 1, got " + k);
        }
        return new TrainValidationSplit(Arrays.copyOf(train, Math.min(k, train.length)),
                Arrays.copyOf(validation, Math.min(k, validation.length)));
    }

    /** Indices of the training examples, in shuffled order (file order without a validation set). */
    public int[] train() {
        return train.clone();
    }

    /** Indices of the validation examples; empty without a validation set. */
    public int[] validation() {
        return validation.clone();
    }
}
