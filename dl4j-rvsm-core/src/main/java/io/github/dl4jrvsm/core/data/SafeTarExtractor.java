package io.github.dl4jrvsm.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a {@code .tar.gz} archive so that nothing can be written outside the target directory.
 *
 * <p>Archives come from the network, so their entry names are not trusted ("zip slip"): an entry with an absolute
 * name, or whose name leaves the target through {@code ..}, makes the whole extraction fail. Links are never created
 * (the data set archives contain none, and a created link is what lets a later entry write elsewhere); a link that
 * points outside the target fails the extraction, one that stays inside is skipped. Devices and FIFOs are refused.
 *
 * <p>Entries are first unpacked into a fresh staging directory inside the target and moved into place only when the
 * whole archive has been read without error, so a refused or damaged archive leaves the target unchanged.
 */
public final class SafeTarExtractor {

    private SafeTarExtractor() {
    }

    /**
     * Extracts {@code archive} into {@code targetDir} (created if needed).
     *
     * @return the regular files written, as paths inside {@code targetDir}
     * @throws IOException naming the archive and the entry, if an entry is unsafe or the archive is damaged
     */
    public static List<Path> extract(Path archive, Path targetDir) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new IOException("No archive at " + archive);
        }
        Path target = targetDir.toAbsolutePath().normalize();
        Files.createDirectories(target);
        Path staging = Files.createTempDirectory(target, ".extract-");
        try {
            List<Path> staged = unpack(archive, staging);
            List<Path> written = new ArrayList<>();
            for (Path file : staged) {
                Path dest = target.resolve(staging.relativize(file));
                Files.createDirectories(dest.getParent());
                Files.move(file, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(dest);
            }
            return written;
        } finally {
            deleteRecursively(staging);
        }
    }

    private static List<Path> unpack(Path archive, Path staging) throws IOException {
        List<Path> files = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16)) {
            TarReader tar = new TarReader(in, archive.toString());
            TarReader.Entry entry;
            while ((entry = tar.next()) != null) {
                Path dest = inside(archive, staging, entry.name(), staging, "entry");
                switch (entry.kind()) {
                    case SYMLINK -> inside(archive, staging, entry.linkName(), dest.getParent(),
                            "symbolic link " + entry.name() + " ->");
                    case HARDLINK -> inside(archive, staging, entry.linkName(), staging,
                            "hard link " + entry.name() + " ->");
                    case DIRECTORY -> Files.createDirectories(dest);
                    case FILE -> {
                        Files.createDirectories(dest.getParent());
                        try (OutputStream out = Files.newOutputStream(dest)) {
                            tar.readContent(out);
                        }
                        if (!files.contains(dest)) {
                            files.add(dest);
                        }
                    }
                    case SPECIAL -> throw new IOException(archive + ": entry " + entry.name()
                            + " is a device or FIFO; only files and directories are extracted");
                }
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(archive.toString())) {
                throw e;
            }
            throw new IOException(archive + " is not a readable tar.gz archive: " + e.getMessage(), e);
        }
        return files;
    }

    /** Resolves {@code name} against {@code base} and checks that the result stays inside {@code root}. */
    private static Path inside(Path archive, Path root, String name, Path base, String what) throws IOException {
        if (name == null || name.isEmpty()) {
            throw new IOException(archive + ": " + what + " has an empty name");
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            throw new IOException(archive + ": " + what + " '" + name
                    + "' is an absolute path; only paths relative to the target directory are extracted");
        }
        Path resolved = base.resolve(name).normalize();
        if (!resolved.startsWith(root)) {
            throw new IOException(archive + ": " + what + " '" + name
                    + "' points outside the target directory; nothing was extracted");
        }
        return resolved;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
