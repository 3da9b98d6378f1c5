package io.github.dl4jrvsm.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the data set of a command comes from (shared by {@code train}, {@code evaluate} and {@code sensitivity}). */
final class DataOptions {

    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "fashion-mnist, mnist, cifar10 or cifar100 (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--data-dir", description = "directory with the data set files (default: look-up, see README)") Path dataDir;

    @Option(names = "--download", description = "download the official files (SHA-256 checked) if not found locally") boolean download;
}
