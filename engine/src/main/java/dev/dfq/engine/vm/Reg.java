package dev.dfq.engine.vm;

import dev.dfq.engine.ftypes.FValue;
import dev.dfq.fields.FieldType;
import dev.dfq.fields.FieldType.Kind;

import java.util.Arrays;

/**
 * A register: a list of values of one type, stored column-wise so reuse allocates nothing. Numeric
 * kinds use {@code num}; byte-like kinds the window {@code obj[i][off[i], off[i]+len[i])}. {@code aux}
 * is the CIDR prefix of an address, the tvb extent of a protocol (bytes from {@code off} to the
 * tvb's end) and 1 for a signed integer.
 */
public final class Reg {
    public FieldType type = FieldType.FT_NONE;
    public int n;
    public long[] num = new long[4];
    public byte[][] obj = new byte[4][];
    public int[] off = new int[4];
    public int[] len = new int[4];
    public int[] aux = new int[4];

    public void clear() {
        n = 0;
    }

    void ensure() {
        if (n == num.length) {
            int c = n * 2;
            num = Arrays.copyOf(num, c);
            obj = Arrays.copyOf(obj, c);
            off = Arrays.copyOf(off, c);
            len = Arrays.copyOf(len, c);
            aux = Arrays.copyOf(aux, c);
        }
    }

    public void addNum(long v, int a) {
        ensure();
        num[n] = v;
        obj[n] = null;
        aux[n] = a;
        n++;
    }

    public void addBytes(byte[] b, int o, int l, int a) {
        ensure();
        obj[n] = b;
        off[n] = o;
        len[n] = l;
        aux[n] = a;
        n++;
    }

    /** Copies value i of another register. */
    public void addFrom(Reg r, int i) {
        ensure();
        num[n] = r.num[i];
        obj[n] = r.obj[i];
        off[n] = r.off[i];
        len[n] = r.len[i];
        aux[n] = r.aux[i];
        n++;
    }

    /** A read-only register holding one constant. */
    public static Reg constant(FValue v) {
        Reg r = new Reg();
        r.type = v.type();
        Kind k = v.type().kind();
        switch (k) {
            case STRING, BYTES, PROTOCOL -> r.addBytes(v.bytes(), 0, v.bytes().length, v.bytes().length);
            case IPV6 -> r.addBytes(v.bytes(), 0, 16, v.prefix());
            case IPV4 -> r.addNum(v.num(), v.prefix());
            case SIGNED -> r.addNum(v.num(), 1);
            default -> r.addNum(v.num(), 0);
        }
        return r;
    }

    public boolean isNumeric() {
        Kind k = type.kind();
        return k != Kind.STRING && k != Kind.BYTES && k != Kind.PROTOCOL && k != Kind.IPV6 && k != Kind.NONE
                && k != Kind.OTHER;
    }
}
