package dev.dfq.engine.vm;

import dev.dfq.engine.ftypes.FValue;
import dev.dfq.fields.FieldType;
import dev.dfq.fields.FieldType.Kind;
import dev.dfq.grammar.ast.Node.ArithOp;

/**
 * Arithmetic over registers (cartesian product; overflow and division by zero drop the value, as
 * Wireshark does), and constant folding with the same rules.
 */
public final class Arith {
    private Arith() {
    }

    public static void apply(ArithOp op, Reg a, Reg b, Reg out) {
        out.clear();
        out.type = a.type;
        for (int i = 0; i < a.n; i++) {
            for (int j = 0; j < b.n; j++) {
                one(op, a, i, b, j, out);
            }
        }
    }

    private static void one(ArithOp op, Reg a, int i, Reg b, int j, Reg out) {
        Kind k = a.type.kind();
        Kind kb = b.type.kind();
        long x = a.num[i];
        long y = b.num[j];
        switch (k) {
            case UNSIGNED, SIGNED -> {
                boolean sx = a.aux[i] != 0;
                boolean sy = b.aux[j] != 0;
                boolean signed = sx || sy;
                long r;
                try {
                    switch (op) {
                        case ADD -> r = signed ? Math.addExact(x, y) : x + y;
                        case SUBTRACT -> {
                            if (!signed && Long.compareUnsigned(x, y) < 0) {
                                r = x - y;
                                signed = true;
                            } else {
                                r = signed ? Math.subtractExact(x, y) : x - y;
                            }
                        }
                        case MULTIPLY -> r = signed ? Math.multiplyExact(x, y) : x * y;
                        case DIVIDE -> {
                            if (y == 0) {
                                return;
                            }
                            r = signed ? x / y : Long.divideUnsigned(x, y);
                        }
                        case MODULO -> {
                            if (y == 0) {
                                return;
                            }
                            r = signed ? x % y : Long.remainderUnsigned(x, y);
                        }
                        case BITWISE_AND -> r = x & y;
                        default -> throw new IllegalStateException();
                    }
                } catch (ArithmeticException e) {
                    return;
                }
                if (!signed && k == Kind.UNSIGNED && a.type.bits() < 64 && op != ArithOp.SUBTRACT
                        && Long.compareUnsigned(r, a.type.maxValue()) > 0) {
                    return;
                }
                out.addNum(r, signed ? 1 : 0);
            }
            case FLOAT -> {
                double dx = Double.longBitsToDouble(x);
                double dy = kb == Kind.FLOAT ? Double.longBitsToDouble(y) : (double) y;
                double r;
                switch (op) {
                    case ADD -> r = dx + dy;
                    case SUBTRACT -> r = dx - dy;
                    case MULTIPLY -> r = dx * dy;
                    case DIVIDE -> {
                        if (dy == 0) {
                            return;
                        }
                        r = dx / dy;
                    }
                    default -> {
                        return;
                    }
                }
                out.addNum(Double.doubleToRawLongBits(r), 0);
            }
            case REL_TIME, ABS_TIME -> {
                long r;
                switch (op) {
                    case ADD -> r = x + y;
                    case SUBTRACT -> r = x - y;
                    case MULTIPLY -> {
                        if (kb == Kind.FLOAT) {
                            r = Math.round(x * Double.longBitsToDouble(y));
                        } else {
                            r = x * y;
                        }
                    }
                    case DIVIDE -> {
                        if (kb == Kind.FLOAT) {
                            double d = Double.longBitsToDouble(y);
                            if (d == 0) {
                                return;
                            }
                            r = Math.round(x / d);
                        } else {
                            if (y == 0) {
                                return;
                            }
                            r = x / y;
                        }
                    }
                    default -> {
                        return;
                    }
                }
                out.addNum(r, 0);
            }
            case IPV4 -> {
                if (op == ArithOp.BITWISE_AND) {
                    out.addNum(x & y, 32);
                }
            }
            case BYTES, PROTOCOL, STRING -> {
                if (op == ArithOp.BITWISE_AND) {
                    int n = Math.min(a.len[i], b.len[j]);
                    byte[] r = new byte[a.len[i]];
                    for (int t = 0; t < n; t++) {
                        r[t] = (byte) (a.obj[i][a.off[i] + t] & b.obj[j][b.off[j] + t]);
                    }
                    out.addBytes(r, 0, r.length, r.length);
                }
            }
            default -> {
            }
        }
    }

    public static void negate(Reg a, Reg out) {
        out.clear();
        Kind k = a.type.kind();
        out.type = k == Kind.UNSIGNED ? FieldType.FT_INT64 : a.type;
        for (int i = 0; i < a.n; i++) {
            long x = a.num[i];
            switch (k) {
                case UNSIGNED, SIGNED -> {
                    if (x == Long.MIN_VALUE || k == Kind.UNSIGNED && x < 0) {
                        continue;
                    }
                    out.addNum(-x, 1);
                }
                case FLOAT -> out.addNum(Double.doubleToRawLongBits(-Double.longBitsToDouble(x)), 0);
                case REL_TIME -> out.addNum(-x, 0);
                default -> {
                }
            }
        }
    }

    /** Folds two constants; null when the operation fails (overflow, division by zero). */
    public static FValue foldConstants(ArithOp op, FValue l, FValue r) {
        Reg a = Reg.constant(l);
        Reg b = Reg.constant(r);
        Reg out = new Reg();
        apply(op, a, b, out);
        if (out.n == 0) {
            return null;
        }
        FieldType t = l.type();
        return switch (t.kind()) {
            case UNSIGNED, SIGNED -> FValue.ofLong(out.aux[0] != 0 && t.kind() == Kind.UNSIGNED ? FieldType.FT_INT64 : t,
                    out.num[0]);
            case FLOAT -> FValue.ofDouble(t, Double.longBitsToDouble(out.num[0]));
            case IPV4 -> FValue.ofIpv4(out.num[0], 32);
            case REL_TIME, ABS_TIME -> FValue.ofLong(t, out.num[0]);
            default -> null;
        };
    }
}
