package io.github.dl4jrvsm.data;

import io.github.dl4jrvsm.core.persist.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Downloads one file and keeps it only if its SHA-256 is the expected one.
 *
 * <p>The bytes go to a temporary file next to the target and are moved into place atomically
 * ({@link AtomicFiles}) only after the digest matched and, when the server declared a length, all of it arrived. A
 * wrong digest, an HTTP error or a connection that breaks off leaves nothing at the target and no temporary file.
 * There is deliberately no way to skip verification: an expected digest is required for every download.
 *
 * <p>{@code http:}, {@code https:} and {@code file:} addresses are accepted (the latter for local mirrors).
 */
public final class VerifiedDownload {

    /** Default connect timeout. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Default read timeout: the longest silence tolerated between two packets. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private VerifiedDownload() {
    }

    /** Downloads with the default timeouts. */
    public static void fetch(URI url, String expectedSha256, Path target) throws IOException {
        fetch(url, expectedSha256, target, CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    /**
     * Downloads {@code url} to {@code target} and verifies it.
     *
     * @param expectedSha256 the file's SHA-256 as 64 hexadecimal digits; required
     * @throws IllegalArgumentException if the expected digest is missing or malformed
     * @throws IOException              if the download fails, is incomplete or its digest differs (the message gives
     *                                  both digests); the target is then left as it was
     */
    public static void fetch(URI url, String expectedSha256, Path target, Duration connectTimeout,
                             Duration readTimeout) throws IOException {
        String expected = checkedDigest(expectedSha256, url);
        AtomicFiles.write(target, tmp -> {
            URLConnection connection = url.toURL().openConnection();
            connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
            connection.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
            try {
                if (connection instanceof HttpURLConnection http && http.getResponseCode() != 200) {
                    throw new IOException("Download of " + url + " failed: HTTP " + http.getResponseCode() + " "
                            + http.getResponseMessage());
                }
                long declared = connection.getContentLengthLong();
                MessageDigest digest = sha256();
                long received;
                try (InputStream in = new DigestInputStream(connection.getInputStream(), digest);
                     OutputStream out = Files.newOutputStream(tmp)) {
                    received = in.transferTo(out);
                } catch (IOException e) {
                    throw new IOException("Download of " + url + " broke off: " + e.getMessage(), e);
                }
                if (declared >= 0 && received != declared) {
                    throw new IOException("Download of " + url + " is incomplete: " + received + " of " + declared
                            + " bytes arrived");
                }
                String actual = HexFormat.of().formatHex(digest.digest());
                if (!actual.equals(expected)) {
                    throw new IOException("Download of " + url + " has SHA-256 " + actual + " but " + expected
                            + " was expected; the file was not kept (" + target + ")");
                }
            } finally {
                if (connection instanceof HttpURLConnection http) {
                    http.disconnect();
                }
            }
        });
    }

    /** SHA-256 of a file as lower-case hex. */
    public static String sha256Of(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String checkedDigest(String sha256, Object what) {
        if (sha256 == null || sha256.isBlank()) {
            throw new IllegalArgumentException("No expected SHA-256 for " + what
                    + "; an unverified download is never kept. Pass the digest (64 hex digits)");
        }
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Expected SHA-256 for " + what + " must be 64 hexadecimal digits, got '"
                    + sha256 + "'");
        }
        return sha256.toLowerCase(Locale.ROOT);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime must provide SHA-256", e);
        }
    }
}
