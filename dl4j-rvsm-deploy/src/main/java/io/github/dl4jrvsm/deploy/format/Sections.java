package io.github.dl4jrvsm.deploy.format;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The container of a {@code .rvsmz} file: a magic number and version, then named sections, each deflated and
 * carrying the CRC-32 of its content, then an end marker with the section count. A reader therefore tells a
 * truncated file (no end marker, or fewer sections) and a corrupt one (a checksum that does not match) apart, and
 * names the section where it stopped.
 */
public final class Sections {

    /** "RVSMZ" and a format version; a reader refuses versions it does not know. */
    static final byte[] MAGIC = {'R', 'V', 'S', 'M', 'Z'};
    static final int VERSION = 1;
    private static final int END = 0xff;

    private Sections() {
    }

    /** One named section: its kind (a small number the format defines) and its content. */
    public record Section(int kind, String name, byte[] content) {
        public Section {
            if (kind < 0 || kind >= END) {
                throw new IllegalArgumentException("section kind must be in [0, " + (END - 1) + "], got " + kind);
            }
        }
    }

    public static void write(List<Section> sections, OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        out.write(MAGIC);
        out.writeByte(VERSION);
        for (Section s : sections) {
            byte[] packed = deflate(s.content());
            out.writeByte(s.kind());
            out.writeUTF(s.name());
            out.writeInt(s.content().length);
            out.writeInt(packed.length);
            out.write(packed);
            out.writeInt((int) crc(s.content()));
        }
        out.writeByte(END);
        out.writeInt(sections.size());
        out.flush();
    }

    /** All sections, or an {@link IOException} naming what is wrong; never a part of the file. */
    public static List<Section> read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(source);
        List<Section> out = new ArrayList<>();
        String where = "the header";
        try {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("not an .rvsmz file: it does not start with RVSMZ");
            }
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IOException(".rvsmz format version " + version + " is not supported (this reader knows "
                        + VERSION + ")");
            }
            while (true) {
                where = "section " + (out.size() + 1);
                int kind = in.readUnsignedByte();
                if (kind == END) {
                    int count = in.readInt();
                    if (count != out.size()) {
                        throw new IOException("the end marker counts " + count + " sections but " + out.size()
                                + " were read");
                    }
                    return out;
                }
                String name = in.readUTF();
                where = "section '" + name + "'";
                int length = in.readInt();
                int packedLength = in.readInt();
                if (length < 0 || packedLength < 0) {
                    throw new IOException("negative length in " + where);
                }
                byte[] packed = new byte[packedLength];
                in.readFully(packed);
                byte[] content = inflate(packed, length, where);
                if ((int) crc(content) != in.readInt()) {
                    throw new IOException("checksum mismatch in " + where + ": the file is corrupt");
                }
                out.add(new Section(kind, name, content));
            }
        } catch (EOFException e) {
            throw new IOException("the file is truncated: it ends inside " + where, e);
        }
    }

    private static byte[] deflate(byte[] content) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            d.setInput(content);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 2 + 64);
            byte[] buf = new byte[1 << 16];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static byte[] inflate(byte[] packed, int length, String where) throws IOException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(packed);
            byte[] content = new byte[length];
            int n = 0;
            while (n < length && !inf.finished()) {
                int k = inf.inflate(content, n, length - n);
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += k;
            }
            if (n != length || !inf.finished()) {
                throw new IOException("corrupt compressed data in " + where + ": expected " + length + " bytes");
            }
            return content;
        } catch (DataFormatException e) {
            throw new IOException("corrupt compressed data in " + where + ": " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    private static long crc(byte[] content) {
        CRC32 c = new CRC32();
        c.update(content);
        return c.getValue();
    }
}
