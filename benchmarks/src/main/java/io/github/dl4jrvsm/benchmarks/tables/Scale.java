package io.github.dl4jrvsm.benchmarks.tables;

/**
 * The two sizes of every experiment. {@code FULL} is the dissertation's (CIFAR, 200 epochs; meant for a GPU with the
 * {@code cuda} profile). {@code CPU} trains the same networks with the same method settings on Fashion-MNIST, with
 * fewer images and epochs, so that each table finishes within an hour on two CPU cores.
 */
public enum Scale {
    CPU, FULL
}
