package io.github.dl4jrvsm.data;

import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.common.resources.ResourceType;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the files of a data set, in this order:
 * <ol>
 *   <li>the directory the caller gave ({@link LoadOptions#directory()}); when it is given and lacks files, the
 *       search stops there with an error (or downloads into it, if allowed): a mistyped path must not silently train
 *       on other data;</li>
 *   <li>DL4J's resources directory: {@code <base>/data/<}{@link DataSetName#resourceName()}{@code >}, where
 *       {@code <base>} is {@link DL4JResources#getBaseDirectory()} (system property
 *       {@code org.deeplearning4j.resources.directory}, default {@code ~/.deeplearning4j}); for MNIST also
 *       {@code <base>} itself, where DL4J's {@code MnistDataSetIterator} keeps the uncompressed IDX files;</li>
 *   <li>for Fashion-MNIST, {@value #DEBIAN_FASHION_MNIST_PATH} (Debian's {@code dataset-fashion-mnist});</li>
 *   <li>only if {@link LoadOptions#allowDownload()}: a download from the official address (or the caller's mirror),
 *       verified by SHA-256 ({@link VerifiedDownload}), into the explicit directory or else DL4J's.</li>
 * </ol>
 * The DL4J directory is computed rather than obtained from {@code DL4JResources.getDirectory}, because that method
 * creates the directory, and looking must not create anything.
 */
public final class DataSetLocator {

    static final String DEBIAN_FASHION_MNIST_PATH = "/usr/share/datasets/fashion-mnist";

    private final Supplier<Path> dl4jBase;
    private final Path debianFashionMnist;

    /** Searches the real DL4J resources directory and Debian path. */
    public DataSetLocator() {
        this(() -> DL4JResources.getBaseDirectory().toPath(), Path.of(DEBIAN_FASHION_MNIST_PATH));
    }

    /** For tests: other places in place of DL4J's base directory and the Debian path. */
    DataSetLocator(Supplier<Path> dl4jBase, Path debianFashionMnist) {
        this.dl4jBase = dl4jBase;
        this.debianFashionMnist = debianFashionMnist;
    }

    /**
     * The files of {@code name}, searched as described in the class comment.
     *
     * @throws IOException naming the places searched and the files missing, when nothing was found
     */
    public DataSetFiles locate(DataSetName name, LoadOptions options) throws IOException {
        Path explicit = options.directory();
        if (explicit != null) {
            Optional<DataSetFiles> found = findIn(name, explicit);
            if (found.isPresent()) {
                return found.get().withSource(DataSetFiles.Source.EXPLICIT);
            }
            if (options.allowDownload()) {
                return download(name, explicit, options);
            }
            throw new IOException(explicit + " does not hold the " + name + " files (missing: "
                    + missing(name, explicit) + "); put them there, or allow a download with"
                    + " LoadOptions.withDownload(true)");
        }
        List<String> searched = new ArrayList<>();
        for (Path dir : dl4jDirectories(name)) {
            searched.add(dir.toString());
            Optional<DataSetFiles> found = findIn(name, dir);
            if (found.isPresent()) {
                return found.get().withSource(DataSetFiles.Source.DL4J_RESOURCES);
            }
        }
        if (name == DataSetName.FASHION_MNIST) {
            searched.add(debianFashionMnist.toString());
            Optional<DataSetFiles> found = findIn(name, debianFashionMnist);
            if (found.isPresent()) {
                return found.get().withSource(DataSetFiles.Source.DEBIAN);
            }
        }
        if (options.allowDownload()) {
            return download(name, dl4jDirectories(name).get(0), options);
        }
        throw new IOException("No " + name + " files (" + String.join(", ", expectedNames(name)) + ") in "
                + String.join(", ", searched) + "; give a directory with LoadOptions.withDirectory(...) or allow a"
                + " download with LoadOptions.withDownload(true)");
    }

    /** The files of {@code name} in {@code dir} or in its archive sub-directory, if all are there. */
    public Optional<DataSetFiles> findIn(DataSetName name, Path dir) {
        for (Path base : bases(name, dir)) {
            List<Path> train = resolveAll(name, base, name.trainFiles());
            List<Path> test = resolveAll(name, base, name.testFiles());
            if (train != null && test != null) {
                return Optional.of(new DataSetFiles(name, base, train, test, DataSetFiles.Source.EXPLICIT));
            }
        }
        return Optional.empty();
    }

    /** DL4J's directories for this data set; the first is where downloads go. */
    List<Path> dl4jDirectories(DataSetName name) {
        Path base = dl4jBase.get();
        Path own = base.resolve(ResourceType.DATASET.resourceName()).resolve(name.resourceName());
        return name == DataSetName.MNIST ? List.of(own, base) : List.of(own);
    }

    private DataSetFiles download(DataSetName name, Path dir, LoadOptions options) throws IOException {
        URI mirror = options.downloadBase();
        for (OfficialSources.Download d : OfficialSources.of(name)) {
            URI url = mirror == null ? d.url() : mirror.resolve(d.fileName());
            String sha256 = options.sha256().getOrDefault(d.fileName(), d.sha256());
            Path file = dir.resolve(d.fileName());
            if (!d.archive() && Files.isRegularFile(file) && VerifiedDownload.sha256Of(file).equalsIgnoreCase(sha256)) {
                continue;
            }
            VerifiedDownload.fetch(url, sha256, file);
            if (d.archive()) {
                SafeTarExtractor.extract(file, dir);
                Files.delete(file);
            }
        }
        return findIn(name, dir).map(f -> f.withSource(DataSetFiles.Source.DOWNLOADED))
                .orElseThrow(() -> new IOException("Downloaded " + name + " into " + dir
                        + " but these files are still missing: " + missing(name, dir)));
    }

    private static List<Path> bases(DataSetName name, Path dir) {
        return name.archiveDirectory().isEmpty() ? List.of(dir) : List.of(dir, dir.resolve(name.archiveDirectory()));
    }

    /** The paths of all files, or null if one is missing. */
    private static List<Path> resolveAll(DataSetName name, Path base, List<String> files) {
        List<Path> paths = new ArrayList<>();
        for (String f : files) {
            Path p = resolve(name, base, f);
            if (p == null) {
                return null;
            }
            paths.add(p);
        }
        return paths;
    }

    private static Path resolve(DataSetName name, Path base, String file) {
        Path plain = base.resolve(file);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        if (name.format() == DataSetName.Format.IDX) {
            Path gz = base.resolve(file + ".gz");
            return Files.isRegularFile(gz) ? gz : null;
        }
        return null;
    }

    private static List<String> expectedNames(DataSetName name) {
        List<String> all = new ArrayList<>(name.trainFiles());
        all.addAll(name.testFiles());
        String suffix = name.format() == DataSetName.Format.IDX ? "[.gz]" : "";
        return all.stream().map(f -> f + suffix).toList();
    }

    private static String missing(DataSetName name, Path dir) {
        List<String> all = new ArrayList<>(name.trainFiles());
        all.addAll(name.testFiles());
        List<String> missing = all.stream()
                .filter(f -> bases(name, dir).stream().allMatch(b -> resolve(name, b, f) == null))
                .map(f -> name.format() == DataSetName.Format.IDX ? f + "[.gz]" : f)
                .toList();
        return String.join(", ", missing);
    }
}
