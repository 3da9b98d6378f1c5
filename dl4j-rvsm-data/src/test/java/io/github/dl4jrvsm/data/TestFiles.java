package io.github.dl4jrvsm.data;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/** Files in the official formats, written by the tests themselves, and a loopback HTTP server. */
final class TestFiles {

    private TestFiles() {
    }

    /** Pixel value of global record g, channel c, row y, column x in the generated CIFAR files. */
    static int pixel(int g, int c, int y, int x) {
        return (g * 31 + c * 97 + y * 7 + x * 3) & 0xff;
    }

    /** A CIFAR record with the given label byte(s) and {@link #pixel} values, channel-major R, G, B. */
    static byte[] cifarRecord(int g, int... labelBytes) {
        byte[] r = new byte[labelBytes.length + CifarVariant.PIXELS];
        for (int i = 0; i < labelBytes.length; i++) {
            r[i] = (byte) labelBytes[i];
        }
        int k = labelBytes.length;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    r[k++] = (byte) pixel(g, c, y, x);
                }
            }
        }
        return r;
    }

    /** A CIFAR-10 file of {@code count} records numbered from {@code firstGlobal}; label = global index mod 10. */
    static Path cifar10File(Path file, int firstGlobal, int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int g = firstGlobal; g < firstGlobal + count; g++) {
            out.write(cifarRecord(g, g % 10));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, out.toByteArray());
    }

    /** A CIFAR-100 file; record g has coarse label g mod 20 and fine label (3g+1) mod 100. */
    static Path cifar100File(Path file, int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int g = 0; g < count; g++) {
            out.write(cifarRecord(g, g % 20, (3 * g + 1) % 100));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, out.toByteArray());
    }

    /** The CIFAR-10 layout: five training batches of {@code perBatch} records and a test batch. */
    static void cifar10Directory(Path dir, int perBatch, int testCount) throws IOException {
        for (int b = 0; b < 5; b++) {
            cifar10File(dir.resolve("data_batch_" + (b + 1) + ".bin"), b * perBatch, perBatch);
        }
        cifar10File(dir.resolve("test_batch.bin"), 1000, testCount);
    }

    static byte[] idx(int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x0800 | dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    /** Gzipped IDX image/label files; image i has all pixels = i, label = i mod 10. */
    static void mnistDirectory(Path dir, int trainCount, int testCount) throws IOException {
        Files.createDirectories(dir);
        writeIdxPair(dir, "train", trainCount);
        writeIdxPair(dir, "t10k", testCount);
    }

    private static void writeIdxPair(Path dir, String prefix, int n) throws IOException {
        byte[] pixels = new byte[n * 28 * 28];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(pixels, i * 784, (i + 1) * 784, (byte) i);
            labels[i] = (byte) (i % 10);
        }
        gzip(dir.resolve(prefix + "-images-idx3-ubyte.gz"), idx(new int[]{n, 28, 28}, pixels));
        gzip(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), idx(new int[]{n}, labels));
    }

    static void gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }

    /** A tar.gz of the given entries (name to content; content null = directory), names kept verbatim. */
    static byte[] tarGz(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                if (e.getKey().length() > 100) {        // too long for ustar: a pax header carries the path
                    byte[] record = paxRecord("path", e.getKey());
                    tarEntry(out, "PaxHeader", 'x', "", record);
                    tarEntry(out, "placeholder", e.getValue() == null ? '5' : '0', "", e.getValue());
                } else {
                    tarEntry(out, e.getKey(), e.getValue() == null ? '5' : '0', "", e.getValue());
                }
            }
            out.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    /** A tar.gz with one symbolic link entry. */
    static byte[] tarGzWithLink(String name, String linkTarget) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            tarEntry(out, name, '2', linkTarget, null);
            out.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    private static byte[] paxRecord(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int len = body.length() + 1;
        while (String.valueOf(len).length() + body.length() != len) {
            len++;
        }
        return (len + body).getBytes(StandardCharsets.UTF_8);
    }

    /** One POSIX ustar header (and content padded to 512 bytes), written by hand so hostile names stay verbatim. */
    static void tarEntry(OutputStream out, String name, char type, String link, byte[] content) throws IOException {
        byte[] h = new byte[512];
        int size = content == null ? 0 : content.length;
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, "00000000000");
        h[156] = (byte) type;
        put(h, 157, link);
        put(h, 257, "ustar");
        put(h, 263, "00");
        Arrays.fill(h, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        out.write(h);
        if (size > 0) {
            out.write(content);
            out.write(new byte[(512 - size % 512) % 512]);
        }
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, off, b.length);
    }

    /**
     * A server on 127.0.0.1 (ephemeral port) serving {@code body} at {@code /<name>}; if {@code cutAfter >= 0} it
     * declares the full length but closes after that many bytes. Counts requests.
     */
    record Server(HttpServer http, AtomicInteger requests) implements AutoCloseable {
        static Server serving(String name, byte[] body, int cutAfter) throws IOException {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            AtomicInteger requests = new AtomicInteger();
            http.createContext("/", exchange -> {
                requests.incrementAndGet();
                try {
                    if (!exchange.getRequestURI().getPath().equals("/" + name)) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    exchange.sendResponseHeaders(200, body.length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(body, 0, cutAfter >= 0 ? cutAfter : body.length);
                    out.flush();
                } catch (IOException expectedWhenCut) {
                    // closing before the declared length is the point of the cut
                } finally {
                    exchange.close();   // a short body makes the server drop the connection
                }
            });
            http.start();
            return new Server(http, requests);
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
        }

        URI url(String name) {
            return base().resolve(name);
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
