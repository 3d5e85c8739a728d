package dev.dfq.engine.vm;

import dev.dfq.fields.FieldType;

/**
 * Ordering of two values as Wireshark compares fvalues. Returns {@link #ERROR} when the pair
 * cannot be compared; ANY and ALL then ignore the pair (tri-state comparison, so that
 * {@code tcp.port != -1} matches every TCP frame while {@code tcp.port == -1} matches none).
 */
public final class Compare {
    public static final int ERROR = Integer.MIN_VALUE;

    private Compare() {
    }

    public static int compare(Reg a, int i, Reg b, int j) {
        FieldType ta = a.type;
        FieldType tb = b.type;
        FieldType.Kind ka = ta.kind();
        FieldType.Kind kb = tb.kind();
        if (isInt(ka) && isInt(kb)) {
            long x = a.num[i];
            long y = b.num[j];
            boolean xs = ka == FieldType.Kind.SIGNED || ka == FieldType.Kind.BOOLEAN;
            boolean ys = kb == FieldType.Kind.SIGNED || kb == FieldType.Kind.BOOLEAN;
            if (xs == ys) {
                return xs ? Long.compare(x, y) : Long.compareUnsigned(x, y);
            }
            // signed against unsigned: a negative value is below every unsigned one
            if (xs) {
                return x < 0 ? -1 : Long.compareUnsigned(x, y);
            }
            return y < 0 ? 1 : Long.compareUnsigned(x, y);
        }
        if (ka == FieldType.Kind.BOOLEAN && kb == FieldType.Kind.BOOLEAN) {
            return Boolean.compare(a.num[i] != 0, b.num[j] != 0);
        }
        if (ka == FieldType.Kind.FLOAT && kb == FieldType.Kind.FLOAT) {
            double x = Double.longBitsToDouble(a.num[i]);
            double y = Double.longBitsToDouble(b.num[j]);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return ERROR;
            }
            return Double.compare(x, y) == 0 ? 0 : (x < y ? -1 : x > y ? 1 : 0);
        }
        if ((ka == FieldType.Kind.ABS_TIME || ka == FieldType.Kind.REL_TIME) && ka == kb) {
            return Long.compare(a.num[i], b.num[j]);
        }
        if (ka == FieldType.Kind.IPV4 && kb == FieldType.Kind.IPV4) {
            int p = Math.min(prefixOr(a.prefix[i], 32), prefixOr(b.prefix[j], 32));
            long mask = p == 0 ? 0 : (0xffffffffL << (32 - p)) & 0xffffffffL;
            return Long.compare(a.num[i] & mask, b.num[j] & mask);
        }
        if (ka == FieldType.Kind.IPV6 && kb == FieldType.Kind.IPV6) {
            int p = Math.min(prefixOr(a.prefix[i], 128), prefixOr(b.prefix[j], 128));
            return compareBits(a.bv[i], b.bv[j], p);
        }
        if (Reg.isBytes(ta) && Reg.isBytes(tb) && a.bv[i] != null && b.bv[j] != null) {
            if ((ka == FieldType.Kind.STRING) != (kb == FieldType.Kind.STRING) && ka != FieldType.Kind.PROTOCOL
                    && kb != FieldType.Kind.PROTOCOL && ka != FieldType.Kind.BYTES && kb != FieldType.Kind.BYTES) {
                return ERROR;
            }
            return Integer.signum(a.bv[i].compareTo(b.bv[j]));
        }
        return ERROR;
    }

    private static boolean isInt(FieldType.Kind k) {
        return k == FieldType.Kind.UNSIGNED || k == FieldType.Kind.SIGNED;
    }

    private static int prefixOr(int p, int dflt) {
        return p < 0 ? dflt : p;
    }

    private static int compareBits(ByteView x, ByteView y, int bits) {
        int full = bits / 8;
        for (int k = 0; k < full && k < 16; k++) {
            int c = Integer.compare(x.at(k) & 0xff, y.at(k) & 0xff);
            if (c != 0) {
                return c;
            }
        }
        int rem = bits % 8;
        if (rem != 0 && full < 16) {
            int mask = (0xff << (8 - rem)) & 0xff;
            return Integer.compare(x.at(full) & mask, y.at(full) & mask);
        }
        return 0;
    }
}
