package io.github.dl4jrvsm.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

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
        return with(d -> d.directory = dir);
    }

    public LoadOptions withDownload(boolean allow) {
        return with(d -> d.allowDownload = allow);
    }

    /** Downloads from a mirror (URL ending with '/') to which the official file names are appended. */
    public LoadOptions withDownloadBase(URI base) {
        return with(d -> d.downloadBase = base);
    }

    /** Expects this SHA-256 (64 hex digits) for the downloaded file of that name, e.g. "cifar-10-binary.tar.gz". */
    public LoadOptions withSha256(String fileName, String hex) {
        Map<String, String> m = new HashMap<>(sha256);
        m.put(fileName, hex);
        return with(d -> d.sha256 = m);
    }

    /** Moves {@code size} shuffled training examples (shuffle seeded by {@code seed}) to a validation set. */
    public LoadOptions withValidation(int size, long seed) {
        return with(d -> {
            d.validationSize = size;
            d.seed = seed;
        });
    }

    /** Keeps only the first {@code k} examples of train, validation and test. */
    public LoadOptions withLimitPerSplit(int k) {
        return with(d -> d.limitPerSplit = k);
    }

    public LoadOptions withCoarseCifar100Labels(boolean coarse) {
        return with(d -> d.coarseCifar100Labels = coarse);
    }

    /** A copy with what {@code change} sets; the copy goes through the canonical constructor's checks. */
    private LoadOptions with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new LoadOptions(d.directory, d.allowDownload, d.downloadBase, d.sha256, d.validationSize, d.seed,
                d.limitPerSplit, d.coarseCifar100Labels);
    }

    /** The components of a copy being made, so that each {@code with...} method names only what it changes. */
    private static final class Draft {
        Path directory;
        boolean allowDownload;
        URI downloadBase;
        Map<String, String> sha256;
        int validationSize;
        long seed;
        int limitPerSplit;
        boolean coarseCifar100Labels;

        Draft(LoadOptions o) {
            directory = o.directory;
            allowDownload = o.allowDownload;
            downloadBase = o.downloadBase;
            sha256 = o.sha256;
            validationSize = o.validationSize;
            seed = o.seed;
            limitPerSplit = o.limitPerSplit;
            coarseCifar100Labels = o.coarseCifar100Labels;
        }
    }
}
