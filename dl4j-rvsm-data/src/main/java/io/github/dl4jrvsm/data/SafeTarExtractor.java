package io.github.dl4jrvsm.data;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.io.input.BoundedInputStream;

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
 * points outside the target fails the extraction, one that stays inside is skipped. Devices, FIFOs and sparse files
 * are refused.
 *
 * <p>Entries are first unpacked into a fresh staging directory inside the target and moved into place only when the
 * whole archive has been read without error, so a refused or damaged archive leaves the target unchanged. "Whole"
 * includes the gzip trailer: the stream is read to its end, so a CRC mismatch is caught even after the last entry.
 *
 * <p>The tar format is read by commons-compress, using only API present from 1.21 (the version nd4j-common brings)
 * on. commons-compress strips a leading {@code /} from names that come from pax or GNU long-name headers before they
 * reach this class; such an entry is then extracted inside the target rather than refused, which still writes
 * nothing outside it. Tar types it does not distinguish (volume labels, multi-volume continuations) are treated as
 * regular files, again under a checked name.
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
        try (BoundedInputStream raw = BoundedInputStream.builder()   // unbounded: used for its count of bytes read
                .setInputStream(new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16))
                .get();
             TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            TarArchiveEntry entry;
            while ((entry = next(tar, archive)) != null) {
                String name = entry.getName();
                Path dest = inside(archive, staging, name, staging, "entry");
                if (entry.isSymbolicLink()) {
                    inside(archive, staging, entry.getLinkName(), dest.getParent(), "symbolic link " + name + " ->");
                } else if (entry.isLink()) {
                    inside(archive, staging, entry.getLinkName(), staging, "hard link " + name + " ->");
                } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                    throw new IOException(archive + ": entry " + name
                            + " is a device or FIFO; only files and directories are extracted");
                } else if (entry.isSparse()) {
                    // the data set archives have none; refusing keeps the reader's less-travelled paths out of reach
                    throw new IOException(archive + ": entry " + name + " is a sparse file, which is not supported");
                } else if (entry.isDirectory()) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    copyContent(tar, entry, dest, archive);
                    if (!files.contains(dest)) {
                        files.add(dest);
                    }
                }
            }
            requireWholeBlocks(raw, archive);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(archive.toString())) {
                throw e;
            }
            throw new IOException(archive + " is not a readable tar.gz archive: " + e.getMessage(), e);
        }
        return files;
    }

    /**
     * The next entry, or null at the end. commons-compress returns an entry whose header checksum is wrong and only
     * flags it ({@code isCheckSumOK()}), so the check is made here: a damaged header must not be extracted under
     * whatever name its bytes now spell.
     */
    private static TarArchiveEntry next(TarArchiveInputStream tar, Path archive) throws IOException {
        TarArchiveEntry entry;
        try {
            // getNextEntry rather than getNextTarEntry: deprecated from 1.26, while the cast works in every version
            entry = (TarArchiveEntry) tar.getNextEntry();
        } catch (IllegalArgumentException e) {   // a malformed header is a damaged archive, not a programming error
            throw new IOException(archive + " is not a tar archive or is damaged: " + e.getMessage(), e);
        }
        if (entry != null && !entry.isCheckSumOK()) {
            throw new IOException(archive + " is not a tar archive or is damaged: the header checksum of entry "
                    + entry.getName() + " does not match");
        }
        return entry;
    }

    /**
     * Copies the current entry's content and checks its length here rather than trusting how commons-compress reports
     * an archive that stops inside an entry: its message ("Truncated TAR archive") names neither file nor entry.
     */
    private static void copyContent(TarArchiveInputStream tar, TarArchiveEntry entry, Path dest, Path archive)
            throws IOException {
        byte[] buf = new byte[1 << 16];
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(dest)) {
            while (true) {
                int n;
                try {
                    n = tar.read(buf, 0, buf.length);
                } catch (IOException e) {
                    throw truncated(archive, entry, copied, e);
                }
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                copied += n;
            }
        }
        if (copied != entry.getSize()) {
            throw truncated(archive, entry, copied, null);
        }
    }

    private static IOException truncated(Path archive, TarArchiveEntry entry, long copied, IOException cause) {
        return new IOException(archive + " is truncated or damaged: entry " + entry.getName() + " ends after "
                + copied + " of " + entry.getSize() + " bytes" + (cause == null ? "" : " (" + cause.getMessage() + ")"),
                cause);
    }

    /**
     * Reads the rest of the tar data (padding after the end-of-archive blocks, then the gzip trailer) and checks that
     * it is made of whole 512-byte blocks, as every tar writer produces: commons-compress takes a header block cut
     * short by the end of the data for the end of the archive, which would silently drop the remaining entries.
     */
    private static void requireWholeBlocks(BoundedInputStream raw, Path archive) throws IOException {
        raw.transferTo(OutputStream.nullOutputStream());
        if (raw.getCount() % 512 != 0) {
            throw new IOException(archive + " is truncated: its tar data ends after " + raw.getCount()
                    + " bytes, inside a 512-byte block");
        }
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
