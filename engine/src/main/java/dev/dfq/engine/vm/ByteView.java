package dev.dfq.engine.vm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A window on bytes: a value of a byte-like field (string, bytes, address, protocol) without a
 * copy. {@code end} is where {@code contains}/{@code matches} may read to: the end of the
 * protocol's tvb for protocols, {@code off + len} for everything else. Mutable so that VM
 * registers can reuse one instance per slot; constants never change theirs.
 */
public final class ByteView {
    public byte[] a;
    public int off;
    public int len;
    public int end;

    public ByteView() {
    }

    public ByteView(byte[] a) {
        set(a, 0, a.length, a.length);
    }

    public ByteView set(byte[] data, int offset, int length, int scanEnd) {
        this.a = data;
        this.off = offset;
        this.len = length;
        this.end = Math.max(offset + length, scanEnd);
        return this;
    }

    public byte at(int i) {
        return a[off + i];
    }

    public byte[] toArray() {
        return Arrays.copyOfRange(a, off, off + len);
    }

    /** Lexicographic, unsigned bytes, shorter first on a common prefix (Wireshark 4.6). */
    public int compareTo(ByteView o) {
        return Arrays.compareUnsigned(a, off, off + len, o.a, o.off, o.off + o.len);
    }

    public boolean contentEquals(ByteView o) {
        return Arrays.equals(a, off, off + len, o.a, o.off, o.off + o.len);
    }

    /** Whether {@code needle} occurs in [off, end). */
    public boolean scanContains(ByteView needle) {
        int n = needle.len;
        if (n == 0) {
            return false;
        }
        int last = end - n;
        byte first = needle.a[needle.off];
        for (int i = off; i <= last; i++) {
            if (a[i] == first && Arrays.equals(a, i, i + n, needle.a, needle.off, needle.off + n)) {
                return true;
            }
        }
        return false;
    }

    public String utf8() {
        return new String(a, off, len, StandardCharsets.UTF_8);
    }

    /** The scan range as Latin-1 chars: one char per byte, for byte-oriented regex matching. */
    public CharSequence latin1Scan() {
        return new String(a, off, end - off, StandardCharsets.ISO_8859_1);
    }
}
