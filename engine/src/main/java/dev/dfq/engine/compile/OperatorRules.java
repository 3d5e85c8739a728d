package dev.dfq.engine.compile;

import dev.dfq.engine.compile.Typed.Entity;
import dev.dfq.engine.vm.Op;
import dev.dfq.engine.vm.Reg;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldType;
import dev.dfq.fields.FieldType.Kind;
import dev.dfq.grammar.ast.Node.ArithOp;
import dev.dfq.grammar.ast.Node.CmpOp;
import dev.dfq.grammar.ast.Node.Quantifier;
import dev.dfq.grammar.ast.Span;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which operator applies to which kind of value, and the opcodes they compile to: the one table
 * of operator knowledge (a new operator is a row here, not edits all over the checker).
 */
final class OperatorRules {
    /** Kinds each operator family accepts. */
    private static final Set<Kind> EQUALITY = EnumSet.complementOf(EnumSet.of(Kind.NONE));
    private static final Set<Kind> ORDER = EnumSet.complementOf(EnumSet.of(Kind.NONE));
    private static final Set<Kind> SEARCH = EnumSet.of(Kind.STRING, Kind.BYTES, Kind.PROTOCOL, Kind.OTHER);
    private static final Set<Kind> INTEGER = EnumSet.of(Kind.UNSIGNED, Kind.SIGNED);
    private static final Set<Kind> NUMERIC = EnumSet.of(Kind.UNSIGNED, Kind.SIGNED, Kind.FLOAT);
    private static final Set<Kind> NEGATABLE = EnumSet.of(Kind.UNSIGNED, Kind.SIGNED, Kind.FLOAT, Kind.REL_TIME);

    /** (op, quantifier) → opcode; the row's first column is the default (no quantifier). */
    private static final Map<CmpOp, Op[]> COMPARISON = Map.of(
            CmpOp.ANY_EQ, new Op[] {Op.ANY_EQ, Op.ANY_EQ, Op.ALL_EQ},
            CmpOp.ALL_NE, new Op[] {Op.ALL_NE, Op.ANY_NE, Op.ALL_NE},
            CmpOp.ALL_EQ, new Op[] {Op.ALL_EQ, Op.ANY_EQ, Op.ALL_EQ},
            CmpOp.ANY_NE, new Op[] {Op.ANY_NE, Op.ANY_NE, Op.ALL_NE},
            CmpOp.GT, new Op[] {Op.ANY_GT, Op.ANY_GT, Op.ALL_GT},
            CmpOp.GE, new Op[] {Op.ANY_GE, Op.ANY_GE, Op.ALL_GE},
            CmpOp.LT, new Op[] {Op.ANY_LT, Op.ANY_LT, Op.ALL_LT},
            CmpOp.LE, new Op[] {Op.ANY_LE, Op.ANY_LE, Op.ALL_LE});

    private OperatorRules() {
    }

    static Op comparisonOp(CmpOp op, Quantifier q) {
        return COMPARISON.get(op)[q.ordinal()];
    }

    static String testName(CmpOp op) {
        return switch (op) {
            case ANY_EQ -> "TEST_ANY_EQ";
            case ALL_NE -> "TEST_ALL_NE";
            case ALL_EQ -> "TEST_ALL_EQ";
            case ANY_NE -> "TEST_ANY_NE";
            case GT -> "TEST_GT";
            case GE -> "TEST_GE";
            case LT -> "TEST_LT";
            case LE -> "TEST_LE";
        };
    }

    static void checkComparison(CmpOp op, Entity l, Entity r) {
        boolean ordering = op == CmpOp.GT || op == CmpOp.GE || op == CmpOp.LT || op == CmpOp.LE;
        Set<Kind> allowed = ordering ? ORDER : EQUALITY;
        if (!allowed.contains(l.type().kind())) {
            throw new CompileError(Checker.describeName(l) + " (type=" + l.type().displayName()
                    + ") cannot participate in " + symbol(op) + " comparison.", l.span());
        }
        if (ordering && isNaN(r)) {
            throw new CompileError("NaN cannot be used in ordered comparisons", r.span());
        }
    }

    private static boolean isNaN(Entity e) {
        return e instanceof Typed.Const c && c.type().kind() == Kind.FLOAT
                && Double.isNaN(Double.longBitsToDouble(c.value().num[0]));
    }

    static String symbol(CmpOp op) {
        return switch (op) {
            case ANY_EQ -> "==";
            case ALL_NE -> "!=";
            case ALL_EQ -> "===";
            case ANY_NE -> "!==";
            case GT -> ">";
            case GE -> ">=";
            case LT -> "<";
            case LE -> "<=";
        };
    }

    static void requireCompatible(Entity a, Entity b) {
        if (!compatible(a.type(), b.type())) {
            throw new CompileError(describe(a) + " and " + describe(b) + " are not of compatible types.", b.span());
        }
    }

    static boolean compatible(FieldType a, FieldType b) {
        Kind x = a.kind();
        Kind y = b.kind();
        if (x == y) {
            return true;
        }
        if (INTEGER.contains(x) && INTEGER.contains(y)) {
            return true;
        }
        Set<Kind> bytes = EnumSet.of(Kind.BYTES, Kind.PROTOCOL, Kind.OTHER);
        return bytes.contains(x) && bytes.contains(y);
    }

    private static String describe(Entity e) {
        if (e instanceof Typed.Field f) {
            return f.read().display();
        }
        if (e instanceof Typed.Reference r) {
            return r.read().display();
        }
        if (e instanceof Typed.Const c) {
            return dev.dfq.engine.vm.ValueText.dftestRepr(c.value(), 0) + " <" + c.type().name() + ">";
        }
        return "<" + e.type().name() + ">";
    }

    /**
     * The left side of contains/matches: strings and bytes as they are, an integer or boolean
     * field with value strings as its value-string text ({@code ip.proto contains "TCP"}).
     */
    static Entity forSearch(Entity left, boolean matches, FieldRegistry registry) {
        if (SEARCH.contains(left.type().kind())) {
            return left;
        }
        if (left instanceof Typed.Field f && !f.read().raw() && registry.valueStrings(f.read().def()) != null
                && (INTEGER.contains(f.type().kind()) || f.type().kind() == Kind.BOOLEAN)) {
            var r = f.read();
            var vs = new dev.dfq.engine.vm.FieldRead(r.def(), r.layers(), false, true, FieldType.FT_STRING,
                    r.def().abbrev() + "::value_string <FT_STRING>");
            return new Typed.Field(vs, f.span());
        }
        throw new CompileError(Checker.describeName(left) + " (type=" + left.type().displayName() + ") cannot participate in "
                + (matches ? "matches" : "contains") + " comparison.", left.span());
    }

    static void requireNegatable(Entity e, Span span) {
        if (!NEGATABLE.contains(e.type().kind())) {
            throw new CompileError(e.type().name() + " cannot be negated.", span);
        }
    }

    /** What a literal on the right of an arithmetic operator is typed as. */
    static Entity scalarPeer(ArithOp op, Entity left) {
        Kind k = left.type().kind();
        if ((op == ArithOp.MULTIPLY || op == ArithOp.DIVIDE) && (k == Kind.REL_TIME || k == Kind.ABS_TIME)) {
            return new Typed.Const(FieldType.FT_INT64, Reg.constant(FieldType.FT_INT64, 0), left.span());
        }
        return left;
    }

    static FieldType arithmeticType(ArithOp op, Entity l, Entity r, Span opSpan) {
        Kind a = l.type().kind();
        Kind b = r.type().kind();
        switch (op) {
            case BITWISE_AND -> {
                if (a == Kind.BYTES && (b == Kind.BYTES || r.constant())) {
                    return FieldType.FT_BYTES;
                }
                if (!INTEGER.contains(a) && a != Kind.BOOLEAN && a != Kind.IPV4 && a != Kind.IPV6) {
                    throw new CompileError(l.type().name() + " does not support bitwise AND.", l.span());
                }
                return l.constant() ? r.type() : l.type();
            }
            case ADD, SUBTRACT -> {
                if ((a == Kind.ABS_TIME || a == Kind.REL_TIME) && (b == Kind.REL_TIME || b == Kind.ABS_TIME)) {
                    return l.type();
                }
                if (NUMERIC.contains(a) && NUMERIC.contains(b) && (a == Kind.FLOAT) == (b == Kind.FLOAT)) {
                    return l.constant() ? r.type() : l.type();
                }
                throw new CompileError(l.type().name() + (op == ArithOp.ADD ? " cannot be added." : " cannot be subtracted."),
                        l.span());
            }
            default -> {
                if (a == Kind.REL_TIME || a == Kind.ABS_TIME) {
                    if (!NUMERIC.contains(b)) {
                        throw new CompileError("Right hand side must be an integer or float type, not "
                                + r.type().displayName() + ".", r.span());
                    }
                    return l.type();
                }
                if (NUMERIC.contains(a) && NUMERIC.contains(b) && (a == Kind.FLOAT) == (b == Kind.FLOAT)
                        && !(op == ArithOp.MODULO && a == Kind.FLOAT)) {
                    return l.constant() ? r.type() : l.type();
                }
                String verb = switch (op) {
                    case MULTIPLY -> " cannot be multiplied.";
                    case DIVIDE -> " cannot be divided.";
                    default -> " does not support modulo operation.";
                };
                throw new CompileError(l.type().name() + verb, l.span());
            }
        }
    }

    /** Two typed arithmetic operands of unrelated families ({@code tcp.port / frame.time}). */
    static boolean incompatibleOperands(Entity l, Entity r) {
        Kind a = l.type().kind();
        Kind b = r.type().kind();
        boolean timeA = a == Kind.ABS_TIME || a == Kind.REL_TIME;
        boolean timeB = b == Kind.ABS_TIME || b == Kind.REL_TIME;
        if (INTEGER.contains(a) && INTEGER.contains(b) || a == b) {
            return false;
        }
        if (timeA && b == Kind.REL_TIME) {
            return false;
        }
        return !(timeA && NUMERIC.contains(b));
    }

    /** Which kinds an arithmetic operator takes, and Wireshark's "FT_x cannot be added." otherwise. */
    static void requireArithmetic(ArithOp op, Entity e) {
        Kind k = e.type().kind();
        boolean ok = switch (op) {
            case BITWISE_AND -> INTEGER.contains(k) || k == Kind.BOOLEAN || k == Kind.BYTES || k == Kind.IPV4 || k == Kind.IPV6;
            case ADD, SUBTRACT -> NUMERIC.contains(k) || k == Kind.ABS_TIME || k == Kind.REL_TIME;
            case MULTIPLY, DIVIDE -> NUMERIC.contains(k) || k == Kind.REL_TIME || k == Kind.ABS_TIME;
            case MODULO -> INTEGER.contains(k);
        };
        if (!ok) {
            String verb = switch (op) {
                case BITWISE_AND -> " does not support bitwise AND.";
                case ADD -> " cannot be added.";
                case SUBTRACT -> " cannot be subtracted.";
                case MULTIPLY -> " cannot be multiplied.";
                case DIVIDE -> " cannot be divided.";
                case MODULO -> " does not support modulo operation.";
            };
            throw new CompileError(e.type().name() + verb, e.span());
        }
    }

    static Op arithOp(ArithOp op) {
        return switch (op) {
            case ADD -> Op.ADD;
            case SUBTRACT -> Op.SUBTRACT;
            case MULTIPLY -> Op.MULTIPLY;
            case DIVIDE -> Op.DIVIDE;
            case MODULO -> Op.MODULO;
            case BITWISE_AND -> Op.BITWISE_AND;
        };
    }

    static String arithName(ArithOp op) {
        return "OP_" + arithOp(op).name();
    }
}
