package dev.dfq.fields;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The bundled registry's binary resources (written by {@code RegistryGenerator}, read by
 * {@link BundledRegistry}). All integers are unsigned LEB128 varints unless said otherwise; signed
 * deltas are zigzag encoded; strings are a varint byte length and UTF-8 bytes.
 *
 * <pre>
 * fields.bin  = 4-byte raw length, raw deflate of:
 *   "DFQF" version n
 *   typeCount {string}         FieldType names; then n bytes: type index of each id
 *   baseCount {string}         display bases ("", "BASE_DEC", "8", ...); then n bytes: base index
 *   n x (id - parentId)        0 for a protocol
 *   maskCount maskCount x (idDelta, mask as varlong)
 *   totalLength n x (sharedPrefix, suffixLength, suffix bytes)   abbreviations, front coded, ASCII
 * names.bin   = "DFQN" version n chunkSize chunkCount chunkCount x (deflatedLength, rawLength), chunks:
 *               chunk = raw deflate of: count, count x (sharedPrefix, suffixLength, suffix bytes)  UTF-8
 * values.bin  = "DFQV" version(4 bytes) indexRawLength(4) indexDeflatedLength(4) index chunks...
 *   index = fieldCount fieldCount x (idDelta, table << 2 | flags)   flags: VS_SAME_NAME, VS_TEXT_ONLY
 *           tableCount tableCount x (chunk, offset in the inflated chunk)
 *           chunkCount chunkCount x (deflatedLength, rawLength)       chunks follow the index in order
 *   table = vCount vCount x (zigzag value delta, string)
 *           rCount rCount x (zigzag low delta, high - low as varlong, string)
 *           tCount tCount x (true string, false string)
 *           uCount uCount x (singular, plural)
 *           gCount gCount x (start delta)   values that start another same-name registration's table
 * aliases.tsv = text: alias TAB target, one a line, '#' comments
 * </pre>
 */
final class RegistryFormat {
    static final int FIELDS_MAGIC = 0x44465146; // DFQF
    static final int NAMES_MAGIC = 0x4446514E; // DFQN
    static final int VALUES_MAGIC = 0x44465156; // DFQV
    static final int VERSION = 1;

    /** Value-table flag: the field's name is registered more than once with value strings. */
    static final int VS_SAME_NAME = 1;
    /**
     * Value-table flag: dftest46 compiles every matching literal to a value-string comparison (a name
     * registered again without value strings, or in a way the dump does not show).
     */
    static final int VS_TEXT_ONLY = 2;

    /** Display names per chunk of names.bin. */
    static final int NAME_CHUNK = 8192;

    static final String FIELDS = "fields.bin";
    static final String NAMES = "names.bin";
    static final String VALUES = "values.bin";
    static final String ALIASES = "aliases.tsv";

    private RegistryFormat() {
    }

    /** A cursor over a byte array. */
    static final class Reader {
        final byte[] buf;
        int pos;

        Reader(byte[] buf, int pos) {
            this.buf = buf;
            this.pos = pos;
        }

        int u8() {
            return buf[pos++] & 0xFF;
        }

        int int32() {
            int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                    | (buf[pos + 3] & 0xFF);
            pos += 4;
            return v;
        }

        int varint() {
            int b = buf[pos++];
            if (b >= 0) {
                return b;
            }
            int v = b & 0x7F;
            int shift = 7;
            do {
                b = buf[pos++];
                v |= (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            return v;
        }

        long varlong() {
            long v = 0;
            int shift = 0;
            int b;
            do {
                b = buf[pos++];
                v |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            return v;
        }

        long zigzag() {
            long v = varlong();
            return (v >>> 1) ^ -(v & 1);
        }

        String string() {
            int len = varint();
            String s = new String(buf, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return s;
        }
    }

    static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inflates raw deflate data; rawLength is a size hint (or exact size when known). */
    static byte[] inflate(byte[] data, int off, int len, int rawLength) {
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(data, off, len);
            if (rawLength > 0) {
                byte[] out = new byte[rawLength];
                int n = 0;
                while (n < rawLength && !inf.finished()) {
                    int r = inf.inflate(out, n, rawLength - n);
                    if (r == 0 && (inf.needsInput() || inf.needsDictionary())) {
                        break;
                    }
                    n += r;
                }
                if (n != rawLength) {
                    throw new IllegalStateException("corrupt registry resource: " + n + " of " + rawLength + " bytes");
                }
                return out;
            }
            ByteArrayOutputStream bos = new ByteArrayOutputStream(Math.max(64, len * 4));
            byte[] tmp = new byte[1 << 16];
            while (!inf.finished()) {
                int r = inf.inflate(tmp);
                if (r == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                bos.write(tmp, 0, r);
            }
            return bos.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("corrupt registry resource", e);
        } finally {
            inf.end();
        }
    }
}
