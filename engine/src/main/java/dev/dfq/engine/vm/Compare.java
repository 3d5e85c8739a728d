package dev.dfq.engine.vm;

import dev.dfq.fields.FieldType.Kind;

/**
 * Pairwise value comparison, tri-state: returns negative, 0, positive, or {@link #ERROR} when the
 * values cannot be compared (a negative signed value against an unsigned one, NaN), which ANY and
 * ALL both skip.
 */
public final class Compare {
    public static final int ERROR = Integer.MIN_VALUE;

    private Compare() {
    }

    public static int compare(Reg a, int i, Reg b, int j) {
        Kind ka = a.type.kind();
        Kind kb = b.type.kind();
        switch (ka) {
            case UNSIGNED, SIGNED -> {
                if (kb == Kind.BOOLEAN) {
                    return Boolean.compare(a.num[i] != 0, b.num[j] != 0);
                }
                if (kb == Kind.FLOAT) {
                    return ERROR;
                }
                return ints(a.num[i], a.aux[i] != 0, b.num[j], b.aux[j] != 0);
            }
            case BOOLEAN -> {
                return Boolean.compare(a.num[i] != 0, b.num[j] != 0);
            }
            case FLOAT -> {
                double x = Double.longBitsToDouble(a.num[i]);
                double y = kb == Kind.FLOAT ? Double.longBitsToDouble(b.num[j]) : (double) b.num[j];
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    return ERROR;
                }
                return Double.compare(x, y) == 0 ? 0 : (x < y ? -1 : 1);
            }
            case ABS_TIME, REL_TIME -> {
                return Long.compare(a.num[i], b.num[j]);
            }
            case IPV4 -> {
                int p = Math.min(a.aux[i], b.aux[j]);
                long mask = p == 0 ? 0 : (0xffffffffL << (32 - p)) & 0xffffffffL;
                return Long.compare(a.num[i] & mask, b.num[j] & mask);
            }
            case IPV6 -> {
                int p = Math.min(a.aux[i], b.aux[j]);
                return prefixCompare(a.obj[i], a.off[i], b.obj[j], b.off[j], p);
            }
            default -> {
                return bytes(a.obj[i], a.off[i], a.len[i], b.obj[j], b.off[j], b.len[j]);
            }
        }
    }

    static int ints(long x, boolean sx, long y, boolean sy) {
        if (sx == sy) {
            return sx ? Long.compare(x, y) : Long.compareUnsigned(x, y);
        }
        if (sx && x < 0 || sy && y < 0) {
            return ERROR;
        }
        return Long.compareUnsigned(x, y);
    }

    /** Lexicographic unsigned comparison: common prefix first, then the shorter sorts first. */
    public static int bytes(byte[] a, int ao, int al, byte[] b, int bo, int bl) {
        int n = Math.min(al, bl);
        for (int k = 0; k < n; k++) {
            int x = a[ao + k] & 0xff;
            int y = b[bo + k] & 0xff;
            if (x != y) {
                return x - y;
            }
        }
        return Integer.compare(al, bl);
    }

    private static int prefixCompare(byte[] a, int ao, byte[] b, int bo, int bits) {
        for (int k = 0; k < 16; k++) {
            int m = bits >= 8 ? 0xff : bits <= 0 ? 0 : (0xff << (8 - bits)) & 0xff;
            bits -= 8;
            int x = a[ao + k] & m;
            int y = b[bo + k] & m;
            if (x != y) {
                return x - y;
            }
        }
        return 0;
    }

    /** Byte search; an empty needle never matches (contains "" is false). */
    public static boolean contains(byte[] h, int ho, int hl, byte[] n, int no, int nl) {
        if (nl == 0 || nl > hl) {
            return false;
        }
        byte first = n[no];
        outer:
        for (int i = ho, end = ho + hl - nl; i <= end; i++) {
            if (h[i] != first) {
                continue;
            }
            for (int k = 1; k < nl; k++) {
                if (h[i + k] != n[no + k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
