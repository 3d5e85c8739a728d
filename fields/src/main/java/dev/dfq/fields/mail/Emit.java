package dev.dfq.fields.mail;

import dev.dfq.fields.FieldStore;
import java.io.ByteArrayOutputStream;

/** Adds occurrences to a {@link FieldStore}; skips fields the registry lacks (id -1). */
final class Emit {
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private Emit() {}

    /**
     * An ENC_ASCII string over raw bytes: the bytes themselves when all are 7-bit, else a copy in which
     * each byte of 0x80 or more is U+FFFD, as Wireshark's ASCII decoding does.
     */
    static int string(FieldStore s, int id, int layer, int parent, int src, int off, int len) {
        if (id < 0) {
            return -1;
        }
        len = Math.max(0, len);
        return s.add(id, layer, parent, src, off, len, 0, asciiValue(s.sourceData(src), off, len));
    }

    /** A string whose value is computed (decoded credentials), shown over a byte range. */
    static int stringValue(FieldStore s, int id, int layer, int parent, int src, int off, int len, byte[] value) {
        if (id < 0) {
            return -1;
        }
        byte[] v = asciiValue(value, 0, value.length);
        return s.add(id, layer, parent, src, off, Math.max(0, len), 0, v == null ? value : v);
    }

    /** A string computed by the dissector (decoded credentials), kept byte for byte as tshark does. */
    static int rawValue(FieldStore s, int id, int layer, int parent, int src, int off, int len, byte[] value) {
        return id < 0 ? -1 : s.add(id, layer, parent, src, off, Math.max(0, len), 0, value);
    }

    static int none(FieldStore s, int id, int layer, int parent, int src, int off, int len) {
        return id < 0 ? -1 : s.add(id, layer, parent, src, off, Math.max(0, len), 0, null);
    }

    static int bool(FieldStore s, int id, int layer, int parent, int src, int off, int len, boolean v) {
        return id < 0 ? -1 : s.add(id, layer, parent, src, off, Math.max(0, len), v ? 1 : 0, null);
    }

    static int uint(FieldStore s, int id, int layer, int parent, int src, int off, int len, long v) {
        return id < 0 ? -1 : s.add(id, layer, parent, src, off, Math.max(0, len), v, null);
    }

    /** Wireshark's PI_PROTOCOL group and PI_WARN severity, which the mail dissectors' expert infos have. */
    private static final int PROTOCOL_GROUP = 0x09000000;
    private static final int WARN = 0x00600000;

    /**
     * An expert info (a warning of the protocol group) as Wireshark adds it: an {@code _ws.expert}
     * item holding the expert field, its message, severity and group, with no byte range. Without
     * {@code _ws.expert} and its items in the query, the expert field alone.
     */
    static int expert(FieldStore s, MailFields f, int id, int layer, int parent, String message) {
        if (f.expert < 0 && f.expertMessage < 0 && f.expertSeverity < 0 && f.expertGroup < 0) {
            return none(s, id, layer, parent, 0, 0, 0);
        }
        int e = f.expert >= 0 ? s.add(f.expert, layer, parent, 0, 0, 0, 0, null) : parent;
        none(s, id, layer, e, 0, 0, 0);
        rawValue(s, f.expertMessage, layer, e, 0, 0, 0, message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        uint(s, f.expertSeverity, layer, e, 0, 0, 0, WARN);
        uint(s, f.expertGroup, layer, e, 0, 0, 0, PROTOCOL_GROUP);
        return e;
    }

    /** Raw bytes (FT_BYTES, FT_PROTOCOL): the value is the source range itself. */
    static int raw(FieldStore s, int id, int layer, int parent, int src, int off, int len) {
        return id < 0 ? -1 : s.add(id, layer, parent, src, off, Math.max(0, len), 0, null);
    }

    /** Null when every byte is 7-bit (the raw range is the value), else the U+FFFD-mapped copy. */
    static byte[] asciiValue(byte[] d, int off, int len) {
        boolean high = false;
        for (int i = off; i < off + len; i++) {
            if (d[i] < 0) {
                high = true;
                break;
            }
        }
        if (!high) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 8);
        for (int i = off; i < off + len; i++) {
            if (d[i] < 0) {
                out.write(REPLACEMENT, 0, 3);
            } else {
                out.write(d[i]);
            }
        }
        return out.toByteArray();
    }
}
