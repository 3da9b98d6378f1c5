package io.github.dl4jrvsm.data;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Archives built by the test, including hostile ones; "target" sits inside "outer" so escapes are visible.
 *
 * <p>Most archives come from {@link TestFiles#tarGz}, which writes headers by hand: commons-compress' own writer keeps
 * {@code ../} but silently drops a leading {@code /}, so it cannot produce every hostile name. Its writer is used
 * only for the GNU long-name headers the hand-written ones lack.
 */
class SafeTarExtractorTest {

    @TempDir
    Path outer;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Path archive(Map<String, byte[]> entries) throws IOException {
        return Files.write(outer.resolve("a.tar.gz"), TestFiles.tarGz(entries));
    }

    private List<Path> everything() throws IOException {
        try (Stream<Path> s = Files.walk(outer)) {
            return s.filter(p -> !p.equals(outer)).sorted().toList();
        }
    }

    @Test
    void normalArchiveIsExtracted() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cifar-10-batches-bin/", null);
        entries.put("cifar-10-batches-bin/data_batch_1.bin", text("one"));
        entries.put("cifar-10-batches-bin/sub/./readme.txt", text("two"));
        entries.put("top.txt", text("three"));
        String longName = "cifar-10-batches-bin/" + "x".repeat(120) + ".bin";   // needs a pax header
        entries.put(longName, text("four"));
        Path target = outer.resolve("target");
        List<Path> written = SafeTarExtractor.extract(archive(entries), target);

        assertEquals("one", Files.readString(target.resolve("cifar-10-batches-bin/data_batch_1.bin")));
        assertEquals("two", Files.readString(target.resolve("cifar-10-batches-bin/sub/readme.txt")));
        assertEquals("three", Files.readString(target.resolve("top.txt")));
        assertEquals("four", Files.readString(target.resolve(longName)));
        assertEquals(4, written.size());
        assertTrue(written.stream().allMatch(p -> p.startsWith(target.toAbsolutePath())));
        try (Stream<Path> s = Files.list(target)) {                 // the staging directory is gone
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".extract-")));
        }
    }

    @Test
    void dotDotEntryIsRefusedAndNothingIsWritten() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("good.txt", text("fine"));                     // comes first, must not survive either
        entries.put("../evil", text("pwned"));
        Path archive = archive(entries);
        Path target = outer.resolve("target");
        IOException e = assertThrows(IOException.class, () -> SafeTarExtractor.extract(archive, target));
        assertTrue(e.getMessage().contains("a.tar.gz") && e.getMessage().contains("../evil")
                && e.getMessage().contains("outside"), e.getMessage());
        assertFalse(Files.exists(outer.resolve("evil")));
        assertEquals(List.of(archive, target), everything());
    }

    @Test
    void nestedEscapeIsRefusedButInnerDotDotIsFine() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a/b/../c.txt", text("ok"));
        Path target = outer.resolve("target");
        SafeTarExtractor.extract(archive(entries), target);
        assertEquals("ok", Files.readString(target.resolve("a/c.txt")));

        entries.put("a/../../escaped.txt", text("no"));
        Path archive = archive(entries);
        assertThrows(IOException.class, () -> SafeTarExtractor.extract(archive, target));
        assertFalse(Files.exists(outer.resolve("escaped.txt")));
    }

    @Test
    void absolutePathIsRefused() throws IOException {
        Path victim = outer.resolve("victim.txt");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(victim.toAbsolutePath().toString(), text("pwned"));
        Path archive = archive(entries);
        Path target = outer.resolve("target");
        IOException e = assertThrows(IOException.class, () -> SafeTarExtractor.extract(archive, target));
        assertTrue(e.getMessage().contains("absolute"), e.getMessage());
        assertFalse(Files.exists(victim));
        assertEquals(List.of(archive, target), everything());
    }

    @Test
    void linkPointingOutsideIsRefusedAndNoLinkIsEverCreated() throws IOException {
        Path target = outer.resolve("target");
        Path out = Files.write(outer.resolve("out.tar.gz"), TestFiles.tarGzWithLink("dir/link", "../../secret"));
        IOException e = assertThrows(IOException.class, () -> SafeTarExtractor.extract(out, target));
        assertTrue(e.getMessage().contains("link") && e.getMessage().contains("outside"), e.getMessage());
        Path abs = Files.write(outer.resolve("abs.tar.gz"), TestFiles.tarGzWithLink("link", "/etc/passwd"));
        assertThrows(IOException.class, () -> SafeTarExtractor.extract(abs, target));

        Path in = Files.write(outer.resolve("in.tar.gz"), TestFiles.tarGzWithLink("dir/link", "../other"));
        assertEquals(List.of(), SafeTarExtractor.extract(in, target));
        assertFalse(Files.exists(target.resolve("dir/link"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void longNameThatEscapesIsRefusedToo() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("../" + "y".repeat(120), text("pwned"));
        Path archive = archive(entries);
        assertThrows(IOException.class, () -> SafeTarExtractor.extract(archive, outer.resolve("target")));
        assertEquals(List.of(archive, outer.resolve("target")), everything());
    }

    @Test
    void damagedArchiveIsNamed() throws IOException {
        Path notGzip = Files.writeString(outer.resolve("broken.tar.gz"), "not an archive");
        IOException e = assertThrows(IOException.class,
                () -> SafeTarExtractor.extract(notGzip, outer.resolve("target")));
        assertTrue(e.getMessage().contains("broken.tar.gz"), e.getMessage());
        assertThrows(IOException.class, () -> SafeTarExtractor.extract(outer.resolve("missing.tar.gz"), outer));

        byte[] good = TestFiles.tarGz(Map.of("f.bin", new byte[2000]));
        byte[] raw = new GZIPInputStream(new ByteArrayInputStream(good)).readAllBytes();
        Path cut = outer.resolve("cut.tar.gz");
        TestFiles.gzip(cut, Arrays.copyOf(raw, 512 + 1000));   // ends inside the file's content
        e = assertThrows(IOException.class, () -> SafeTarExtractor.extract(cut, outer.resolve("t2")));
        assertTrue(e.getMessage().contains("cut.tar.gz") && e.getMessage().contains("truncated"), e.getMessage());
        assertFalse(Files.exists(outer.resolve("t2/f.bin")));

        raw[10] ^= 1;                                                     // header checksum no longer matches
        Path flipped = outer.resolve("flipped.tar.gz");
        TestFiles.gzip(flipped, raw);
        e = assertThrows(IOException.class, () -> SafeTarExtractor.extract(flipped, outer.resolve("t3")));
        assertTrue(e.getMessage().contains("flipped.tar.gz") && e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void absoluteLongNameNeverLeavesTheTarget() throws IOException {
        // commons-compress strips the leading '/' of a pax path, so this may be extracted inside the target
        // instead of being refused; what must hold either way is that the absolute location stays untouched
        Path victim = outer.resolve("victim-" + "v".repeat(120) + ".txt").toAbsolutePath();
        Path archive = archive(Map.of(victim.toString(), text("pwned")));
        Path target = outer.resolve("target");
        try {
            List<Path> written = SafeTarExtractor.extract(archive, target);
            assertTrue(written.stream().allMatch(p -> p.startsWith(target.toAbsolutePath())), written.toString());
        } catch (IOException e) {
            assertTrue(e.getMessage().contains("absolute"), e.getMessage());
        }
        assertFalse(Files.exists(victim));
    }

    @Test
    void gnuLongNamesAreReadAndChecked() throws IOException {
        String longName = "cifar-100-binary/" + "n".repeat(120) + ".bin";
        Path good = Files.write(outer.resolve("gnu.tar.gz"), gnuTarGz(longName, null, text("five")));
        Path target = outer.resolve("target");
        assertEquals(List.of(target.resolve(longName)), SafeTarExtractor.extract(good, target));
        assertEquals("five", Files.readString(target.resolve(longName)));

        String escape = "../".repeat(3) + "l".repeat(120);                  // long enough for a GNU 'K' header
        Path bad = Files.write(outer.resolve("gnu-link.tar.gz"), gnuTarGz("dir/link", escape, null));
        IOException e = assertThrows(IOException.class, () -> SafeTarExtractor.extract(bad, target));
        assertTrue(e.getMessage().contains("dir/link") && e.getMessage().contains("outside"), e.getMessage());
    }

    @Test
    void devicesFifosAndSparseFilesAreRefusedByName() throws IOException {
        for (char type : new char[]{'3', '4', '6', 'S'}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(bytes)) {
                TestFiles.tarEntry(out, "odd-" + type, type, "", null);
                out.write(new byte[1024]);
            }
            Path archive = Files.write(outer.resolve("odd.tar.gz"), bytes.toByteArray());
            IOException e = assertThrows(IOException.class,
                    () -> SafeTarExtractor.extract(archive, outer.resolve("target")));
            assertTrue(e.getMessage().contains("odd-" + type), e.getMessage());
        }
        assertEquals(List.of(outer.resolve("odd.tar.gz"), outer.resolve("target")), everything());
    }

    @Test
    void headerCutShortIsTruncatedNotTheEnd() throws IOException {
        // commons-compress alone reads a partial header block as the end of the archive: f.bin would be lost silently
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("e.bin", text("first"));
        entries.put("f.bin", text("second"));
        byte[] raw = new GZIPInputStream(new ByteArrayInputStream(TestFiles.tarGz(entries)))
                .readAllBytes();
        Path cut = outer.resolve("cut.tar.gz");
        TestFiles.gzip(cut, Arrays.copyOf(raw, 1024 + 300));   // e.bin complete, f.bin's header is not
        IOException e = assertThrows(IOException.class, () -> SafeTarExtractor.extract(cut, outer.resolve("target")));
        assertTrue(e.getMessage().contains("cut.tar.gz") && e.getMessage().contains("truncated"), e.getMessage());
        assertFalse(Files.exists(outer.resolve("target/e.bin")));
    }

    @Test
    void corruptGzipTrailerAfterTheLastEntryIsCaught() throws IOException {
        // zero blocks beyond the reader's 10 KiB record keep it from reaching the trailer by itself
        byte[] raw = new GZIPInputStream(new ByteArrayInputStream(
                TestFiles.tarGz(Map.of("f.bin", text("payload"))))).readAllBytes();
        Path archive = outer.resolve("crc.tar.gz");
        TestFiles.gzip(archive, Arrays.copyOf(raw, raw.length + 40 * 512));
        byte[] gz = Files.readAllBytes(archive);
        gz[gz.length - 8] ^= 1;                                          // CRC-32 of the uncompressed data
        Files.write(archive, gz);
        IOException e = assertThrows(IOException.class,
                () -> SafeTarExtractor.extract(archive, outer.resolve("target")));
        assertTrue(e.getMessage().contains("crc.tar.gz"), e.getMessage());
        assertFalse(Files.exists(outer.resolve("target/f.bin")));
    }

    /** One entry written by commons-compress with GNU long-name headers: a file, or a link if linkTarget is set. */
    private static byte[] gnuTarGz(String name, String linkTarget, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            TarArchiveEntry entry;
            if (linkTarget != null) {
                entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                entry.setLinkName(linkTarget);
            } else {
                entry = new TarArchiveEntry(name);
                entry.setSize(content.length);
            }
            tar.putArchiveEntry(entry);
            if (content != null) {
                tar.write(content);
            }
            tar.closeArchiveEntry();
            tar.finish();
        }
        return bytes.toByteArray();
    }
}
