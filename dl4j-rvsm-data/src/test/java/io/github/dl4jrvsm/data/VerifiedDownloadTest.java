package io.github.dl4jrvsm.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads from a server on 127.0.0.1 started by the test. */
class VerifiedDownloadTest {

    private static final Duration SHORT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private static byte[] body() {
        byte[] b = new byte[200_000];
        new Random(1).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private List<Path> dirContents() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void fileWithTheExpectedDigestIsKept() throws Exception {
        byte[] body = body();
        Path target = dir.resolve("train-images-idx3-ubyte.gz");
        try (TestFiles.Server server = TestFiles.Server.serving("f.gz", body, -1)) {
            VerifiedDownload.fetch(server.url("f.gz"), sha256(body).toUpperCase(), target, SHORT, SHORT);
        }
        assertArrayEquals(body, Files.readAllBytes(target));
        assertEquals(List.of(target), dirContents());           // no temporary file left beside it
        assertEquals(sha256(body), VerifiedDownload.sha256Of(target));
    }

    @Test
    void wrongDigestIsRefusedAndNothingIsLeft() throws Exception {
        byte[] body = body();
        String wrong = sha256("something else".getBytes());
        Path target = dir.resolve("cifar-10-binary.tar.gz");
        try (TestFiles.Server server = TestFiles.Server.serving("a.tar.gz", body, -1)) {
            IOException e = assertThrows(IOException.class,
                    () -> VerifiedDownload.fetch(server.url("a.tar.gz"), wrong, target, SHORT, SHORT));
            assertTrue(e.getMessage().contains(sha256(body)) && e.getMessage().contains(wrong)
                    && e.getMessage().contains("not kept"), e.getMessage());
        }
        assertEquals(List.of(), dirContents());
    }

    @Test
    void wrongDigestDoesNotReplaceAnExistingFile() throws Exception {
        Path target = Files.writeString(dir.resolve("kept.bin"), "old");
        try (TestFiles.Server server = TestFiles.Server.serving("x", body(), -1)) {
            assertThrows(IOException.class,
                    () -> VerifiedDownload.fetch(server.url("x"), sha256(new byte[0]), target, SHORT, SHORT));
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), dirContents());
    }

    @Test
    void connectionThatBreaksOffLeavesNothingHalfWritten() throws Exception {
        byte[] body = body();
        Path target = dir.resolve("t.gz");
        try (TestFiles.Server server = TestFiles.Server.serving("t.gz", body, body.length / 2)) {
            IOException e = assertThrows(IOException.class,
                    () -> VerifiedDownload.fetch(server.url("t.gz"), sha256(body), target, SHORT, SHORT));
            assertTrue(e.getMessage().contains(server.url("t.gz").toString()), e.getMessage());
        }
        assertEquals(List.of(), dirContents());
    }

    @Test
    void httpErrorIsReportedWithTheAddress() throws Exception {
        try (TestFiles.Server server = TestFiles.Server.serving("present", body(), -1)) {
            IOException e = assertThrows(IOException.class, () -> VerifiedDownload.fetch(server.url("absent"),
                    sha256(body()), dir.resolve("absent"), SHORT, SHORT));
            assertTrue(e.getMessage().contains("404") && e.getMessage().contains("/absent"), e.getMessage());
        }
        assertEquals(List.of(), dirContents());
    }

    @Test
    void aDigestIsAlwaysRequiredAndChecked() throws Exception {
        try (TestFiles.Server server = TestFiles.Server.serving("f", body(), -1)) {
            for (String bad : new String[]{null, "", "unknown", "abc123"}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> VerifiedDownload.fetch(server.url("f"), bad, dir.resolve("f"), SHORT, SHORT));
                assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
            }
            assertEquals(0, server.requests().get());             // refused before connecting
        }
        assertEquals(List.of(), dirContents());
    }

    @Test
    void fileAddressesWorkForLocalMirrors() throws Exception {
        byte[] body = body();
        Path source = Files.write(Files.createTempFile("mirror", ".bin"), body);
        try {
            Path target = dir.resolve("copy.bin");
            VerifiedDownload.fetch(source.toUri(), sha256(body), target);
            assertArrayEquals(body, Files.readAllBytes(target));
        } finally {
            Files.delete(source);
        }
    }
}
