package io.github.dl4jrvsm.core.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict reader of tar streams (POSIX ustar, pax extended headers, GNU long names), enough for the data set
 * archives.
 *
 * <p>Why not commons-compress: its current versions need commons-io 2.12 or later, while DL4J 1.0.0-M2.1 puts
 * commons-io 2.7 on the class path, so reading any tar entry fails with {@code NoClassDefFoundError}. The format is
 * small; anything this reader does not understand (sparse files, multi-volume, bad checksums) is an error, never a
 * guess.
 */
final class TarReader {

    private static final int BLOCK = 512;

    /** Entry kinds the extractor distinguishes. */
    enum Kind { FILE, DIRECTORY, SYMLINK, HARDLINK, SPECIAL }

    /** One entry; its content is read with {@link #readContent(java.io.OutputStream)} before the next entry. */
    record Entry(String name, String linkName, Kind kind, long size) {
    }

    private final InputStream in;
    private final String archiveName;
    private long remaining;   // content bytes of the current entry not yet read
    private long padding;     // bytes after the content up to the next block
    private boolean ended;

    TarReader(InputStream in, String archiveName) {
        this.in = in;
        this.archiveName = archiveName;
    }

    /** The next entry, or null at the end of the archive. */
    Entry next() throws IOException {
        skipRest();
        String longName = null;
        String longLink = null;
        while (!ended) {
            byte[] h = new byte[BLOCK];
            if (!readBlock(h)) {
                ended = true;
                return null;
            }
            if (allZero(h)) {
                ended = true;
                return null;
            }
            checkChecksum(h);
            char type = (char) h[156];
            long size = number(h, 124, 12, "size");
            boolean posix = "ustar\0".equals(ascii(h, 257, 6));
            String name = string(h, 0, 100);
            if (posix && h[345] != 0) {
                name = string(h, 345, 155) + "/" + name;
            }
            String link = string(h, 157, 100);
            remaining = size;
            padding = (BLOCK - size % BLOCK) % BLOCK;
            switch (type) {
                case 'x' -> {
                    String[] pax = pax(new String(readAll(size), StandardCharsets.UTF_8));
                    longName = pax[0] != null ? pax[0] : longName;
                    longLink = pax[1] != null ? pax[1] : longLink;
                }
                case 'g' -> skipRest();
                case 'L' -> longName = cString(readAll(size));
                case 'K' -> longLink = cString(readAll(size));
                default -> {
                    Kind kind = switch (type) {
                        case '0', '\0', '7' -> name.endsWith("/") ? Kind.DIRECTORY : Kind.FILE;
                        case '5' -> Kind.DIRECTORY;
                        case '1' -> Kind.HARDLINK;
                        case '2' -> Kind.SYMLINK;
                        case '3', '4', '6' -> Kind.SPECIAL;
                        default -> throw new IOException(archiveName + ": entry " + name + " has tar type '" + type
                                + "', which is not supported (files, directories and links are)");
                    };
                    if (kind != Kind.FILE) {
                        skipRest();
                    }
                    return new Entry(longName != null ? longName : name, longLink != null ? longLink : link, kind,
                            size);
                }
            }
        }
        return null;
    }

    /** Copies the current entry's content. */
    void readContent(java.io.OutputStream out) throws IOException {
        byte[] buf = new byte[1 << 16];
        while (remaining > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
            if (n < 0) {
                throw new IOException(archiveName + " is truncated inside an entry");
            }
            out.write(buf, 0, n);
            remaining -= n;
        }
    }

    private void skipRest() throws IOException {
        readContent(java.io.OutputStream.nullOutputStream());
        if (padding > 0) {
            readFully(new byte[(int) padding]);
            padding = 0;
        }
    }

    private byte[] readAll(long size) throws IOException {
        if (size > 1 << 20) {
            throw new IOException(archiveName + ": an extended header of " + size + " bytes is implausibly large");
        }
        byte[] b = new byte[(int) size];
        readFully(b);
        remaining = 0;
        skipRest();
        return b;
    }

    /** path and linkpath of a pax header ("LEN key=value\n" records). */
    private String[] pax(String text) throws IOException {
        String[] result = new String[2];
        int pos = 0;
        while (pos < text.length()) {
            int space = text.indexOf(' ', pos);
            int eq = text.indexOf('=', space + 1);
            if (space < 0 || eq < 0) {
                throw new IOException(archiveName + ": damaged pax header");
            }
            int len;
            try {
                len = Integer.parseInt(text.substring(pos, space));
            } catch (NumberFormatException e) {
                throw new IOException(archiveName + ": damaged pax header", e);
            }
            int end = pos + len;
            if (len <= 0 || end > text.length() || eq >= end) {
                throw new IOException(archiveName + ": damaged pax header");
            }
            String key = text.substring(space + 1, eq);
            String value = text.substring(eq + 1, end - 1);
            if (key.equals("path")) {
                result[0] = value;
            } else if (key.equals("linkpath")) {
                result[1] = value;
            }
            pos = end;
        }
        return result;
    }

    private boolean readBlock(byte[] b) throws IOException {
        int first = in.readNBytes(b, 0, b.length);
        if (first == 0) {
            return false;        // end of stream without the end-of-archive blocks: tolerated, as GNU tar does
        }
        if (first < b.length) {
            throw new IOException(archiveName + " is truncated: a header block is incomplete");
        }
        return true;
    }

    private void readFully(byte[] b) throws IOException {
        if (in.readNBytes(b, 0, b.length) < b.length) {
            throw new IOException(archiveName + " is truncated", new EOFException());
        }
    }

    private void checkChecksum(byte[] h) throws IOException {
        long stored = number(h, 148, 8, "checksum");
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        if (sum != stored) {
            throw new IOException(archiveName + " is not a tar archive or is damaged: header checksum " + stored
                    + " does not match " + sum);
        }
    }

    private long number(byte[] h, int off, int len, String field) throws IOException {
        if ((h[off] & 0x80) != 0) {        // GNU base-256 for large sizes
            long v = h[off] & 0x7f;
            for (int i = off + 1; i < off + len; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        }
        String s = ascii(h, off, len).replace('\0', ' ').trim();
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new IOException(archiveName + " is not a tar archive or is damaged: " + field + " field '" + s + "'",
                    e);
        }
    }

    private static String string(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static String cString(byte[] b) {
        return string(b, 0, b.length);
    }

    private static String ascii(byte[] h, int off, int len) {
        return new String(h, off, len, StandardCharsets.ISO_8859_1);
    }

    private static boolean allZero(byte[] b) {
        return Arrays.equals(b, new byte[b.length]);
    }
}
