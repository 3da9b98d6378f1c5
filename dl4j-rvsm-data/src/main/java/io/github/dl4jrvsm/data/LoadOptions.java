package io.github.dl4jrvsm.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How {@link Datasets#load(DataSetName, LoadOptions)} finds and splits a data set. Immutable; start from
 * {@link #defaults()} and chain the {@code with...} methods.
 *
 * @param directory            a directory to take the files from, or null to search the standard places
 *                             ({@link DataSetLocator})
 * @param allowDownload        whether missing files may be downloaded (off by default: a training run should not
 *                             silently fetch 170 MB, and offline machines should fail fast with a clear message)
 * @param downloadBase         a mirror to download from instead of the official address (must end with '/'), or null
 * @param sha256               expected SHA-256 per downloaded file name, replacing {@link OfficialSources}' digest
 * @param validationSize       examples moved from the training set to the validation set (0: no validation set)
 * @param seed                 seed of the shuffle that chooses the validation examples
 * @param limitPerSplit        keep only the first this-many examples of each split (for small CPU runs)
 * @param coarseCifar100Labels read CIFAR-100 with its 20 coarse labels instead of the 100 fine ones
 */
public record LoadOptions(Path directory, boolean allowDownload, URI downloadBase, Map<String, String> sha256,
                          int validationSize, long seed, int limitPerSplit, boolean coarseCifar100Labels) {

    /** The validation size of the dissertation's CIFAR-10 runs (45,000 train / 5,000 validation). */
    public static final int DISSERTATION_CIFAR10_VALIDATION = 5000;
    /** Seed used when none is given. */
    public static final long DEFAULT_SEED = 12345L;

    public LoadOptions {
        if (validationSize < 0) {
            throw new IllegalArgumentException("validationSize must be >= 0, got " + validationSize);
        }
        if (limitPerSplit < 1) {
            throw new IllegalArgumentException("limitPerSplit must be >= 1, got " + limitPerSplit);
        }
        if (downloadBase != null && !downloadBase.toString().endsWith("/")) {
            throw new IllegalArgumentException("downloadBase must end with '/' (file names are appended), got "
                    + downloadBase);
        }
        sha256 = Map.copyOf(sha256);
        sha256.forEach((file, hex) -> VerifiedDownload.checkedDigest(hex, file));
    }

    /** No directory, no download, no validation set, no limit, fine CIFAR-100 labels. */
    public static LoadOptions defaults() {
        return new LoadOptions(null, false, null, Map.of(), 0, DEFAULT_SEED, Integer.MAX_VALUE, false);
    }

    public LoadOptions withDirectory(Path dir) {
        return new LoadOptions(dir, allowDownload, downloadBase, sha256, validationSize, seed, limitPerSplit,
                coarseCifar100Labels);
    }

    public LoadOptions withDownload(boolean allow) {
        return new LoadOptions(directory, allow, downloadBase, sha256, validationSize, seed, limitPerSplit,
                coarseCifar100Labels);
    }

    /** Downloads from a mirror (URL ending with '/') to which the official file names are appended. */
    public LoadOptions withDownloadBase(URI base) {
        return new LoadOptions(directory, allowDownload, base, sha256, validationSize, seed, limitPerSplit,
                coarseCifar100Labels);
    }

    /** Expects this SHA-256 (64 hex digits) for the downloaded file of that name, e.g. "cifar-10-binary.tar.gz". */
    public LoadOptions withSha256(String fileName, String hex) {
        Map<String, String> m = new HashMap<>(sha256);
        m.put(fileName, hex);
        return new LoadOptions(directory, allowDownload, downloadBase, m, validationSize, seed, limitPerSplit,
                coarseCifar100Labels);
    }

    /** Moves {@code size} shuffled training examples (shuffle seeded by {@code seed}) to a validation set. */
    public LoadOptions withValidation(int size, long seed) {
        return new LoadOptions(directory, allowDownload, downloadBase, sha256, size, seed, limitPerSplit,
                coarseCifar100Labels);
    }

    /** Keeps only the first {@code k} examples of train, validation and test. */
    public LoadOptions withLimitPerSplit(int k) {
        return new LoadOptions(directory, allowDownload, downloadBase, sha256, validationSize, seed, k,
                coarseCifar100Labels);
    }

    public LoadOptions withCoarseCifar100Labels(boolean coarse) {
        return new LoadOptions(directory, allowDownload, downloadBase, sha256, validationSize, seed, limitPerSplit,
                coarse);
    }
}
