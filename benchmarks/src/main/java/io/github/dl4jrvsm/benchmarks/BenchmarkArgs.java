package io.github.dl4jrvsm.benchmarks;

import java.util.Arrays;

/** A benchmark's positional command-line arguments, each with the value it takes when it is not given. */
final class BenchmarkArgs {

    private final String[] args;

    BenchmarkArgs(String[] args) {
        this.args = args.clone();
    }

    String text(int position, String absent) {
        return given(position) ? args[position] : absent;
    }

    int integer(int position, int absent) {
        return given(position) ? Integer.parseInt(args[position]) : absent;
    }

    /** A comma-separated list of integers, e.g. {@code 1,128}. */
    int[] integers(int position, int... absent) {
        return given(position) ? Arrays.stream(args[position].split(",")).mapToInt(Integer::parseInt).toArray() : absent;
    }

    /** A comma-separated list of numbers, e.g. {@code 0.5,0.75}. */
    double[] numbers(int position, double... absent) {
        return given(position) ? Arrays.stream(args[position].split(",")).mapToDouble(Double::parseDouble).toArray()
                : absent;
    }

    private boolean given(int position) {
        return args.length > position;
    }
}
