package dev.dfq.fields.mail;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Line and byte scanning over a byte range, with Wireshark's line rules: CRLF, a lone LF and a lone
 * CR each end a line (tvb_find_line_end).
 */
final class Lines {
    private Lines() {}

    /**
     * Finds the end of the line starting at {@code off} in {@code d[.., end)}. Returns the line length
     * (without its terminator) and stores the next line's offset in {@code next[0]}; returns -1 when
     * {@code desegment} is set and the line has no terminator yet. A CR as the last byte counts as
     * no terminator, since an LF may follow; without desegmentation the line stops before it.
     */
    static int lineEnd(byte[] d, int off, int end, boolean desegment, int[] next) {
        for (int i = off; i < end; i++) {
            byte c = d[i];
            if (c == '\n') {
                next[0] = i + 1;
                return i - off;
            }
            if (c == '\r') {
                if (i + 1 < end) {
                    next[0] = d[i + 1] == '\n' ? i + 2 : i + 1;
                    return i - off;
                }
                if (desegment) {
                    return -1;
                }
                next[0] = end;
                return i - off;
            }
        }
        if (desegment) {
            return -1;
        }
        next[0] = end;
        return end - off;
    }

    /** Reads eight bytes at once, for scanning message bodies a word at a time. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The first {@code b} in {@code d[from, end)}, or -1. Eight bytes per step: a message body is
     * most of a mail capture's bytes and is scanned for rare bytes (end-of-data '.', MIME '-').
     */
    static int indexOf(byte[] d, int from, int end, byte b) {
        long pattern = (b & 0xffL) * ONES;
        int i = from;
        for (; i + 8 <= end; i += 8) {
            long x = (long) LONGS.get(d, i) ^ pattern;
            // a zero byte of x is a match; the lowest flagged byte is always a true one
            long t = (x - ONES) & ~x & HIGHS;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (d[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static int indexOf(byte[] d, int from, int end, byte[] pat) {
        int n = pat.length;
        if (n == 0) {
            return from <= end ? from : -1;
        }
        // Scan for an anchor byte that message bodies rarely hold: a MIME delimiter's '-' or the
        // end-of-data '.' never occurs in base64 text, where '\r' (the pattern's first byte) ends every line.
        int k = 0;
        for (int j = 0; j < n; j++) {
            if (pat[j] == '-' || pat[j] == '.') {
                k = j;
                break;
            }
        }
        byte anchor = pat[k];
        int limit = end - n + k + 1;
        for (int i = from + k; i < limit; i++) {
            i = indexOf(d, i, limit, anchor);
            if (i < 0) {
                return -1;
            }
            int start = i - k;
            if (d[start] == pat[0] && java.util.Arrays.equals(d, start, start + n, pat, 0, n)) {
                return start;
            }
        }
        return -1;
    }

    static boolean startsWith(byte[] d, int off, int end, String s) {
        if (end - off < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (d[off + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWithIgnoreCase(byte[] d, int off, int end, String s) {
        if (end - off < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.toLowerCase((char) (d[off + i] & 0xff)) != Character.toLowerCase(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A line as the Info column shows it (see {@link FormatText}). */
    static String ascii(byte[] d, int off, int len) {
        return FormatText.of(d, off, len);
    }
}
