package dev.dfq.fields.resolve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/** Reads the bundled name tables (made by scripts/gen-names.sh; see resolve/SOURCES). */
final class Tables {
    private Tables() {
    }

    /** The whole resource, gunzipped when its name ends in .gz. */
    static byte[] read(String name) {
        try (InputStream raw = Tables.class.getResourceAsStream(name)) {
            if (raw == null) {
                throw new IllegalStateException("missing name-resolution table " + name);
            }
            InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read name-resolution table " + name, e);
        }
    }

    /** Offset of the next tab or newline at or after {@code from} (or the end). */
    static int fieldEnd(byte[] b, int from) {
        int i = from;
        while (i < b.length && b[i] != '\t' && b[i] != '\n') {
            i++;
        }
        return i;
    }

    /** The text of the field that starts at {@code from}. */
    static String field(byte[] b, int from) {
        return new String(b, from, fieldEnd(b, from) - from, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The hex or decimal number that starts at {@code from}. */
    static long number(byte[] b, int from, int radix) {
        long v = 0;
        for (int i = from, end = fieldEnd(b, from); i < end; i++) {
            v = v * radix + Character.digit(b[i], radix);
        }
        return v;
    }

    /** Offset of the field after the one at {@code from}. */
    static int nextField(byte[] b, int from) {
        return fieldEnd(b, from) + 1;
    }
}
