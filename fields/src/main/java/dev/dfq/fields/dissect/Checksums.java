package dev.dfq.fields.dissect;

/**
 * The Internet checksum (RFC 1071) as Wireshark verifies it when a {@code *.check_checksum}
 * preference is on: the ones' complement sum over the covered bytes (the IPv4 header; or the
 * pseudo-header and the whole TCP/UDP segment) is 0xFFFF for a good checksum.
 */
final class Checksums {
    private Checksums() {}

    /** Status values of {@code *.checksum.status} (Wireshark's proto_checksum_status). */
    static final int BAD = 0;
    static final int GOOD = 1;
    static final int UNVERIFIED = 2;

    /** The 32-bit running sum of the big-endian 16-bit words of {@code d[off, off+len)} (odd byte padded). */
    static long sum(byte[] d, int off, int len, long acc) {
        int end = off + len;
        int i = off;
        for (; i + 1 < end; i += 2) {
            acc += ((d[i] & 0xff) << 8) | (d[i + 1] & 0xff);
        }
        if (i < end) {
            acc += (d[i] & 0xff) << 8;
        }
        return acc;
    }

    /** Folds a running sum to 16 bits. */
    static int fold(long acc) {
        while ((acc >>> 16) != 0) {
            acc = (acc & 0xffff) + (acc >>> 16);
        }
        return (int) acc;
    }

    /** The pseudo-header sum for IPv4 (src, dst, protocol, length). */
    static long pseudo4(long src, long dst, int proto, int length) {
        return (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + proto + length;
    }

    /** The pseudo-header sum for IPv6 (src, dst, upper-layer length, next header). */
    static long pseudo6(byte[] src, byte[] dst, int proto, int length) {
        return sum(src, 0, 16, sum(dst, 0, 16, 0)) + proto + (length >>> 16) + (length & 0xffff);
    }

    /**
     * What the checksum field should have held (Wireshark's {@code *.checksum_calculated}): the field
     * itself when the sum over everything, field included, is good; else the complement of the sum
     * without the field.
     */
    static int shouldBe(long sumWithField, int field) {
        int total = fold(sumWithField);
        if (total == 0xffff) {
            return field;
        }
        return ~fold(sumWithField + (~field & 0xffff)) & 0xffff;
    }
}
