package dev.dfq.engine.vm;

import dev.dfq.fields.FieldType;
import dev.dfq.fields.FieldType.Kind;

/**
 * Arithmetic over value lists: every pair of the cartesian product; a pair whose result
 * overflows the result type or divides by zero is dropped, as Wireshark drops failed values.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    public static void apply(Op op, Reg a, Reg b, Reg out) {
        for (int i = 0; i < a.size; i++) {
            for (int j = 0; j < b.size; j++) {
                one(op, a, i, b, j, out);
            }
        }
    }

    private static void one(Op op, Reg a, int i, Reg b, int j, Reg out) {
        FieldType rt = out.type;
        if (op == Op.BITWISE_AND && Reg.isBytes(rt)) {
            // bytes & mask: byte by byte over the shorter of the two
            ByteView x = a.bv[i];
            ByteView y = b.bv[j];
            int n = Math.min(x.len, y.len);
            byte[] r = new byte[n];
            for (int k = 0; k < n; k++) {
                r[k] = (byte) (x.at(k) & y.at(k));
            }
            out.addBytes(r);
            return;
        }
        Kind ak = a.type.kind();
        Kind bk = b.type.kind();
        if (rt.kind() == Kind.FLOAT) {
            double x = asDouble(a, i);
            double y = asDouble(b, j);
            double r = switch (op) {
                case ADD -> x + y;
                case SUBTRACT -> x - y;
                case MULTIPLY -> x * y;
                case DIVIDE -> y == 0 ? Double.NaN : x / y;
                case MODULO -> y == 0 ? Double.NaN : x % y;
                default -> Double.NaN;
            };
            if (!Double.isNaN(r)) {
                out.addNum(Double.doubleToRawLongBits(r));
            }
            return;
        }
        if ((rt.kind() == Kind.REL_TIME || rt.kind() == Kind.ABS_TIME)
                && (op == Op.MULTIPLY || op == Op.DIVIDE) && bk != Kind.REL_TIME) {
            double s = asDouble(b, j);
            double r = op == Op.MULTIPLY ? a.num[i] * s : (s == 0 ? Double.NaN : a.num[i] / s);
            if (!Double.isNaN(r) && Math.abs(r) < 9.2e18) {
                out.addNum(Math.round(r));
            }
            return;
        }
        long x = a.num[i];
        long y = b.num[j];
        try {
            long r = switch (op) {
                case ADD -> Math.addExact(x, y);
                case SUBTRACT -> Math.subtractExact(x, y);
                case MULTIPLY -> Math.multiplyExact(x, y);
                case DIVIDE -> {
                    if (y == 0) {
                        throw new ArithmeticException();
                    }
                    yield ak == Kind.UNSIGNED && bk == Kind.UNSIGNED ? Long.divideUnsigned(x, y) : x / y;
                }
                case MODULO -> {
                    if (y == 0) {
                        throw new ArithmeticException();
                    }
                    yield ak == Kind.UNSIGNED && bk == Kind.UNSIGNED ? Long.remainderUnsigned(x, y) : x % y;
                }
                case BITWISE_AND -> x & y;
                default -> throw new ArithmeticException();
            };
            if (fits(r, rt)) {
                out.addNum(r);
            }
        } catch (ArithmeticException e) {
            // dropped, as in Wireshark
        }
    }

    /** Unary minus of every value; values that cannot be negated in the type are dropped. */
    public static void negate(Reg a, Reg out) {
        for (int i = 0; i < a.size; i++) {
            if (a.type.kind() == Kind.FLOAT) {
                out.addNum(Double.doubleToRawLongBits(-Double.longBitsToDouble(a.num[i])));
            } else if (a.num[i] != Long.MIN_VALUE) {
                long r = -a.num[i];
                if (fits(r, out.type)) {
                    out.addNum(r);
                }
            }
        }
    }

    /**
     * Wireshark keeps integers of up to 32 bits in 32-bit storage and wider ones in 64 bits; a
     * result is dropped only when it leaves that storage (uint16 64 * 1024 is 65536, not dropped).
     */
    private static boolean fits(long r, FieldType t) {
        if (t.kind() == Kind.UNSIGNED) {
            return t.bits() > 32 || (r >= 0 && r <= 0xffffffffL);
        }
        if (t.kind() == Kind.SIGNED) {
            return t.bits() > 32 || (r >= Integer.MIN_VALUE && r <= Integer.MAX_VALUE);
        }
        return true;
    }

    static double asDouble(Reg r, int i) {
        return switch (r.type.kind()) {
            case FLOAT -> Double.longBitsToDouble(r.num[i]);
            case UNSIGNED -> r.num[i] >= 0 ? r.num[i] : (double) (r.num[i] >>> 1) * 2;
            default -> r.num[i];
        };
    }
}
