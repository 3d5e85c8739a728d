package dev.dfq.engine.vm;

import dev.dfq.fields.FieldType;
import java.util.Arrays;

/**
 * A VM register: a list of values of one type (fields repeat, so everything is a list). Numeric
 * kinds live in {@code num}; byte-like kinds in {@code bv} (views reused from slot to slot, so
 * reading a frame allocates nothing once the register has grown); {@code prefix} is the CIDR
 * prefix length of an address constant (-1: none). Constants are registers filled once.
 */
public final class Reg {
    public FieldType type;
    public int size;
    public long[] num = new long[4];
    public ByteView[] bv = new ByteView[4];
    public int[] prefix = new int[4];

    public Reg(FieldType type) {
        this.type = type;
    }

    public void clear() {
        size = 0;
    }

    private void ensure(int n) {
        if (n > num.length) {
            int cap = Math.max(n, num.length * 2);
            num = Arrays.copyOf(num, cap);
            bv = Arrays.copyOf(bv, cap);
            prefix = Arrays.copyOf(prefix, cap);
        }
    }

    public void addNum(long v) {
        ensure(size + 1);
        num[size] = v;
        prefix[size] = -1;
        size++;
    }

    public void addNum(long v, int pfx) {
        ensure(size + 1);
        num[size] = v;
        prefix[size] = pfx;
        size++;
    }

    /** Adds a byte value viewing {@code data[off, off+len)}, scannable up to {@code scanEnd}. */
    public void addBytes(byte[] data, int off, int len, int scanEnd, int pfx) {
        ensure(size + 1);
        ByteView v = bv[size];
        if (v == null) {
            v = bv[size] = new ByteView();
        }
        v.set(data, off, len, scanEnd);
        num[size] = 0;
        prefix[size] = pfx;
        size++;
    }

    public void addBytes(byte[] data) {
        addBytes(data, 0, data.length, data.length, -1);
    }

    /** Copies entry {@code i} of {@code src} to the end of this register. */
    public void addFrom(Reg src, int i) {
        if (src.bv[i] != null && isBytes(src.type)) {
            ByteView v = src.bv[i];
            addBytes(v.a, v.off, v.len, v.end, src.prefix[i]);
        } else {
            addNum(src.num[i], src.prefix[i]);
        }
    }

    public static boolean isBytes(FieldType t) {
        return switch (t.kind()) {
            case STRING, BYTES, IPV6, PROTOCOL, OTHER -> true;
            default -> false;
        };
    }

    public static Reg constant(FieldType type, long v) {
        Reg r = new Reg(type);
        r.addNum(v);
        return r;
    }

    public static Reg constant(FieldType type, byte[] v) {
        Reg r = new Reg(type);
        r.addBytes(v);
        return r;
    }
}
