package dev.dfq.engine.compile;

import dev.dfq.engine.compile.Typed.ArithExpr;
import dev.dfq.engine.compile.Typed.ConstExpr;
import dev.dfq.engine.compile.Typed.Expr;
import dev.dfq.engine.compile.Typed.FieldExpr;
import dev.dfq.engine.compile.Typed.FuncExpr;
import dev.dfq.engine.compile.Typed.NegExpr;
import dev.dfq.engine.compile.Typed.RefExpr;
import dev.dfq.engine.compile.Typed.SliceExpr;
import dev.dfq.engine.compile.Typed.Test;
import dev.dfq.engine.compile.TypeRules.Cap;
import dev.dfq.engine.ftypes.ConversionException;
import dev.dfq.engine.ftypes.FValue;
import dev.dfq.engine.ftypes.Literals;
import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldType;
import dev.dfq.fields.FieldType.Kind;
import dev.dfq.fields.ValueStrings;
import dev.dfq.grammar.ast.Node;
import dev.dfq.grammar.ast.Node.ArithOp;
import dev.dfq.grammar.ast.Node.RangeKind;
import dev.dfq.grammar.ast.Node.RangeNode;
import dev.dfq.grammar.ast.Node.WordKind;
import dev.dfq.grammar.ast.Span;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Semantic check (4.6.9 semcheck): resolves names against the registry, types every operand,
 * converts literals by the other operand's type and rejects what Wireshark rejects, with its
 * messages and spans. One instance per compilation (collects warnings).
 */
public final class Checker {
    private final FieldRegistry registry;
    private final byte[] text;
    private final List<String> warnings = new ArrayList<>();

    public Checker(FieldRegistry registry, String expandedText) {
        this.registry = registry;
        this.text = expandedText.getBytes(StandardCharsets.UTF_8);
    }

    /** Warnings as dftest prints them ({@code Deprecated token "bootp"}, {@code Warning: ...}). */
    public List<String> warnings() {
        return warnings;
    }

    private String src(Span s) {
        int end = Math.min(text.length, s.end());
        return new String(text, Math.min(s.start(), end), end - Math.min(s.start(), end), StandardCharsets.UTF_8);
    }

    // ================================================================== tests

    public Test check(Node root) throws CheckException {
        return test(root);
    }

    private Test test(Node n) throws CheckException {
        if (n instanceof Node.Logical l) {
                Test a = test(l.left());
                Test b = test(l.right());
                return switch (l.op()) {
                    case AND -> new Typed.And(a, b);
                    case OR -> new Typed.Or(a, b);
                    case XOR -> new Typed.And(new Typed.Or(a, b), new Typed.Not(new Typed.And(a, b)));
                };
            } else if (n instanceof Node.Not x) {
                return new Typed.Not(test(x.operand()));
            } else if (n instanceof Node.Comparison c) {
                return comparison(c);
            } else if (n instanceof Node.Contains c) {
                return containsOrMatches(c.quantifier(), c.left(), c.right(), false, c.span());
            } else if (n instanceof Node.Matches m) {
                return containsOrMatches(m.quantifier(), m.left(), m.right(), true, m.span());
            } else if (n instanceof Node.Membership m) {
                return membership(m);
            } else if (n instanceof Node.Identifier id) {
                FieldExpr f = resolveField(id.text(), id.span(), null, false);
                if (f == null) {
                    if (id.kind() == WordKind.LITERAL) {
                        throw new CheckException(id.text() + " is neither a field nor a protocol name.", id.span());
                    }
                    throw notAField(id.text(), id.span());
                }
                return new Typed.Exists(f);
            } else if (n instanceof Node.Field f) {
                return new Typed.Exists(field(f));
            } else if (n instanceof Node.NumberLit num) { throw new CheckException(num.text() + " is neither a field nor a protocol name.", num.span()); } else if (n instanceof Node.StringLit s) { throw new CheckException(new String(s.value(), StandardCharsets.UTF_8)
                    + " is neither a field nor a protocol name.", s.span()); } else if (n instanceof Node.CharLit c) { throw new CheckException(c.source() + " is neither a field nor a protocol name.", c.span()); } else {
                if (isConstant(n)) {
                    throw new CheckException("Constant expression is invalid", n.span());
                }
                Expr e = typedEntity(n);
                if (!hasField(e)) {
                    throw new CheckException("Constant expression is invalid.", n.span());
                }
                return new Typed.ValueTest(e);
            }
    }

    private static CheckException notAField(String name, Span span) {
        return new CheckException("\"" + name + "\" is not a valid protocol or protocol field.", span);
    }

    private Test comparison(Node.Comparison c) throws CheckException {
        Opcode op = switch (c.op()) {
            case ANY_EQ -> Opcode.ANY_EQ;
            case ALL_NE -> Opcode.ALL_NE;
            case ALL_EQ -> Opcode.ALL_EQ;
            case ANY_NE -> Opcode.ANY_NE;
            case GT -> Opcode.ANY_GT;
            case GE -> Opcode.ANY_GE;
            case LT -> Opcode.ANY_LT;
            case LE -> Opcode.ANY_LE;
        };
        String label = switch (c.op()) {
            case ANY_EQ -> "TEST_ANY_EQ";
            case ALL_NE -> "TEST_ALL_NE";
            case ALL_EQ -> "TEST_ALL_EQ";
            case ANY_NE -> "TEST_ANY_NE";
            case GT -> "TEST_GT";
            case GE -> "TEST_GE";
            case LT -> "TEST_LT";
            case LE -> "TEST_LE";
        };
        op = quantify(op, c.quantifier());
        label = prefix(c.quantifier()) + label;
        boolean ordered = c.op() == Node.CmpOp.GT || c.op() == Node.CmpOp.GE || c.op() == Node.CmpOp.LT
                || c.op() == Node.CmpOp.LE;
        Expr[] lr = operands(c.left(), c.right(), c.span(), ordered ? Cap.ORDER : Cap.EQ, false);
        return new Typed.Relation(op, label, lr[0], lr[1]);
    }

    private static String prefix(Node.Quantifier q) {
        return switch (q) {
            case ANY -> "ANY ";
            case ALL -> "ALL ";
            case NONE -> "";
        };
    }

    private static Opcode quantify(Opcode op, Node.Quantifier q) {
        if (q == Node.Quantifier.NONE) {
            return op;
        }
        String base = op.name().substring(4);
        return Opcode.valueOf((q == Node.Quantifier.ALL ? "ALL_" : "ANY_") + base);
    }

    /** Types both sides of a relation; the first typed side gives the type the other is read with. */
    private Expr[] operands(Node left, Node right, Span whole, Cap cap, boolean partial) throws CheckException {
        if (left instanceof Node.Identifier id && id.kind() == WordKind.IDENTIFIER && registry.resolve(id.text()).isEmpty()) {
            throw notAField(id.text(), id.span());
        }
        boolean lc = isConstant(left);
        boolean rc = isConstant(right);
        if (lc && rc) {
            throw new CheckException("Constant expression is invalid", whole);
        }
        Expr l;
        Expr r;
        if (!lc && constArgsCall(left) && !rc && !constArgsCall(right)) {
            r = typedEntity(right);
            checkCap(r, right.span(), cap);
            l = function((Node.FunctionCall) left, r.type());
            compat(r, l, left.span());
        } else if (!lc) {
            l = typedEntity(left);
            checkCap(l, left.span(), cap);
            r = operand(right, l, partial);
        } else {
            r = typedEntity(right);
            checkCap(r, right.span(), cap);
            l = operand(left, r, partial);
        }
        if (!hasField(l) && !hasField(r)) {
            throw new CheckException("Constant expression is invalid.", whole);
        }
        return new Expr[] {l, r};
    }

    private boolean constArgsCall(Node n) {
        return n instanceof Node.FunctionCall f && !f.args().isEmpty() && f.args().stream().allMatch(this::isConstant);
    }

    private void checkCap(Expr e, Span span, Cap cap) throws CheckException {
        if (!TypeRules.can(e.type(), cap)) {
            String what = switch (cap) {
                case CONTAINS -> "contains";
                case MATCHES -> "matches";
                case ORDER -> "ordered";
                default -> "equality";
            };
            throw new CheckException(src(span) + " (type=" + e.type().displayName() + ") cannot participate in "
                    + what + " comparison.", span);
        }
    }

    private Test containsOrMatches(Node.Quantifier q, Node left, Node right, boolean matches, Span whole)
            throws CheckException {
        Opcode op = quantify(matches ? Opcode.ANY_MATCHES : Opcode.ANY_CONTAINS, q);
        String label = prefix(q) + (matches ? "TEST_MATCHES" : "TEST_CONTAINS");
        Cap cap = matches ? Cap.MATCHES : Cap.CONTAINS;
        if (isConstant(left)) {
            if (isConstant(right)) {
                throw new CheckException("Constant expression is invalid", whole);
            }
        }
        Expr l = typedEntity(left);
        l = valueStringView(l, cap);
        checkCap(l, left.span(), cap);
        Expr r;
        if (matches) {
            if (!(right instanceof Node.StringLit s)) {
                throw new CheckException("Matches requires a double quoted string on the right side.", right.span());
            }
            r = Regexes.compile(s, src(s.span()));
        } else {
            r = operand(right, l, true);
        }
        if (!hasField(l) && !hasField(r)) {
            throw new CheckException("Constant expression is invalid.", whole);
        }
        return new Typed.Relation(op, label, l, r);
    }

    /** Integer/boolean fields with value strings are compared as their value string under contains/matches. */
    private Expr valueStringView(Expr l, Cap cap) {
        if (l instanceof FieldExpr f && !f.raw() && !f.valueString()
                && (f.type().isInteger() || f.type().kind() == Kind.BOOLEAN) && !TypeRules.can(f.type(), cap)
                && registry.valueStrings(f.def()) != null) {
            return new FieldExpr(f.def(), FieldType.FT_STRING, f.layers(), false, true, f.span());
        }
        return l;
    }

    private Test membership(Node.Membership m) throws CheckException {
        if (isConstant(m.left())) {
            throw new CheckException("Only a field may be tested for membership in a set.", m.left().span());
        }
        Expr l = typedEntity(m.left());
        if (!(l instanceof FieldExpr)) {
            throw new CheckException("Only a field may be tested for membership in a set.", null);
        }
        List<Typed.SetElem> elems = new ArrayList<>();
        for (Node.SetElement e : m.set().elements()) {
            Expr lo = setElement(e.low(), l);
            Expr hi = e.high() == null ? null : setElement(e.high(), l);
            elems.add(new Typed.SetElem(lo, hi));
        }
        boolean all = m.quantifier() == Node.Quantifier.ALL;
        Opcode op = m.negated() ? (all ? Opcode.SET_ALL_NOT_IN : Opcode.SET_ANY_NOT_IN)
                : (all ? Opcode.SET_ALL_IN : Opcode.SET_ANY_IN);
        String label = prefix(m.quantifier()) + (m.negated() ? "TEST_NOT_IN" : "TEST_IN");
        return new Typed.InSet(op, label, l, elems);
    }

    private Expr setElement(Node n, Expr lhs) throws CheckException {
        if (n instanceof Node.Slice) {
            throw new CheckException("A slice may not appear inside a set.", null);
        }
        return operand(n, lhs, false);
    }

    // ================================================================== operands

    /** True when a node has no field at all: literals, and arithmetic of literals. */
    private boolean isConstant(Node n) {
        if (n instanceof Node.NumberLit x) { return true; } else if (n instanceof Node.StringLit x) { return true; } else if (n instanceof Node.CharLit x) { return true; } else if (n instanceof Node.Identifier id) { return id.kind() == WordKind.LITERAL || registry.resolve(id.text()).isEmpty(); } else if (n instanceof Node.Negate x) { return isConstant(x.operand()); } else if (n instanceof Node.Arithmetic a) { return isConstant(a.left()) && isConstant(a.right()); } else if (n instanceof Node.FunctionCall f) { return f.args().stream().allMatch(this::isConstant) && f.args().isEmpty(); } else { return false; }
    }

    static boolean hasField(Expr e) {
        if (e instanceof FieldExpr f) { return true; } else if (e instanceof RefExpr r) { return false; } else if (e instanceof ConstExpr c) { return false; } else if (e instanceof SliceExpr s) { return hasField(s.entity()); } else if (e instanceof FuncExpr f) { return f.args().stream().anyMatch(Checker::hasField); } else if (e instanceof ArithExpr a) { return hasField(a.left()) || hasField(a.right()); } else if (e instanceof NegExpr x) { return hasField(x.operand()); } else if (e instanceof Typed.PcreExpr p) { return false; } else { throw new IllegalStateException(); }
    }

    /** An operand read with the type of {@code other} (literals are converted to it). */
    private Expr operand(Node n, Expr other, boolean partial) throws CheckException {
        FieldType t = other.type();
        if (n instanceof Node.NumberLit num) {
                return new ConstExpr(number(num.text(), t, num.span(), false), num.span());
            } else if (n instanceof Node.StringLit s) {
                return new ConstExpr(string(s, other), s.span());
            } else if (n instanceof Node.CharLit c) {
                try {
                    return new ConstExpr(Literals.fromChar(t, c.value(), c.source()), c.span());
                } catch (ConversionException e) {
                    throw new CheckException(e.getMessage(), c.span());
                }
            } else if (n instanceof Node.Identifier id) {
                FieldExpr f = id.kind() == WordKind.LITERAL ? null : resolveField(id.text(), id.span(), null, false);
                if (f != null) {
                    return fieldOperand(other, f, id.span());
                }
                return new ConstExpr(literal(id.text(), other, partial, id.span()), id.span());
            } else if (n instanceof Node.Negate neg) {
                if (isConstant(neg.operand())) {
                    return new ConstExpr(negateConstant(neg, t), neg.span());
                }
                Expr e = typedEntity(n);
                compat(other, e, n.span());
                return e;
            } else if (n instanceof Node.Arithmetic a) {
                if (isConstant(a)) {
                    return new ConstExpr(fold(a, t), a.span());
                }
                Expr e = arith(a, t);
                compat(other, e, n.span());
                return e;
            } else if (constArgsCall(n)) {
                Expr e = function((Node.FunctionCall) n, t);
                compat(other, e, n.span());
                return e;
            } else {
                Expr e = typedEntity(n);
                if (e instanceof FieldExpr f) {
                    return fieldOperand(other, f, n.span());
                }
                compat(other, e, n.span());
                return e;
            }
    }

    /** A field compared with a byte string is read as its bytes ({@code frame[37] == fc} is {@code fc[0:]}). */
    private Expr fieldOperand(Expr other, FieldExpr f, Span span) throws CheckException {
        if (other.type().kind() == Kind.BYTES && f.type().kind() == Kind.PROTOCOL) {
            RangeNode all = new RangeNode(RangeKind.TO_END, 0, 0, span);
            return new SliceExpr(f, List.of(all), FieldType.FT_BYTES, f.span());
        }
        compat(other, f, span);
        return f;
    }

    private void compat(Expr a, Expr b, Span span) throws CheckException {
        if (!TypeRules.compatible(a.type(), b.type())) {
            throw new CheckException(src(a.span()) + " <" + a.type().name() + "> and " + src(span) + " <"
                    + b.type().name() + "> are not of compatible types.", span);
        }
    }

    private FValue number(String s, FieldType t, Span span, boolean negated) throws CheckException {
        try {
            BigInteger bi = Literals.parseBigInteger(s);
            if (bi != null) {
                return Literals.fromInteger(t, s, bi);
            }
            Double d = Literals.parseDouble(s);
            if (d != null) {
                return Literals.fromFloat(t, s, d);
            }
            throw Literals.cannot(s, t);
        } catch (ConversionException e) {
            throw new CheckException(e.getMessage(), span);
        }
    }

    private FValue negateConstant(Node.Negate neg, FieldType t) throws CheckException {
        Node o = neg.operand();
        if (o instanceof Node.NumberLit num) {
            FValue v = number(num.text(), t, num.span(), true);
            return switch (v.type().kind()) {
                case UNSIGNED -> FValue.ofLong(FieldType.FT_INT64, -v.num());
                case SIGNED -> FValue.ofLong(v.type(), -v.num());
                case FLOAT -> FValue.ofDouble(v.type(), -v.asDouble());
                case REL_TIME -> FValue.ofLong(v.type(), -v.num());
                default -> throw new CheckException(v.type().name() + " cannot be negated.", o.span());
            };
        }
        FValue v = constantValue(o, t);
        return switch (v.type().kind()) {
            case UNSIGNED, SIGNED -> FValue.ofLong(FieldType.FT_INT64, -v.num());
            case FLOAT -> FValue.ofDouble(v.type(), -v.asDouble());
            case REL_TIME -> FValue.ofLong(v.type(), -v.num());
            default -> throw new CheckException(v.type().name() + " cannot be negated.", o.span());
        };
    }

    private FValue constantValue(Node n, FieldType t) throws CheckException {
        if (n instanceof Node.NumberLit num) { return number(num.text(), t, num.span(), false); } else if (n instanceof Node.Negate neg) { return negateConstant(neg, t); } else if (n instanceof Node.Arithmetic a) { return fold(a, t); } else if (n instanceof Node.CharLit c) {
                try {
                    return Literals.fromChar(t, c.value(), c.source());
                } catch (ConversionException e) {
                    throw new CheckException(e.getMessage(), c.span());
                }
            } else if (n instanceof Node.Identifier id) { return literal(id.text(), new ConstExpr(FValue.ofLong(t, 0), id.span()), false, id.span()); } else if (n instanceof Node.StringLit s) { return string(s, new ConstExpr(FValue.ofLong(t, 0), s.span())); } else { throw new CheckException("Constant expression is invalid", n.span()); }
    }

    /** Folds an all-constant arithmetic expression in type t. */
    private FValue fold(Node.Arithmetic a, FieldType t) throws CheckException {
        FValue l = constantValue(a.left(), t);
        FValue r = constantValue(a.right(), t);
        FValue v = dev.dfq.engine.vm.Arith.foldConstants(a.op(), l, r);
        if (v == null) {
            throw new CheckException("Constant expression is invalid", a.span());
        }
        return v;
    }

    private FValue string(Node.StringLit s, Expr other) throws CheckException {
        FieldType t = other.type();
        String str = new String(s.value(), StandardCharsets.UTF_8);
        if (t.kind() == Kind.BOOLEAN) {
            ValueStrings vs = fieldValueStrings(other);
            String tt = "True";
            String ff = "False";
            if (vs != null && vs.trueFalse() != null) {
                tt = vs.trueFalse().trueText();
                ff = vs.trueFalse().falseText();
            }
            if (str.equalsIgnoreCase(tt)) {
                return FValue.ofLong(t, 1);
            }
            if (str.equalsIgnoreCase(ff)) {
                return FValue.ofLong(t, 0);
            }
            throw new CheckException("expected \"" + tt + "\" or \"" + ff + "\", not \"" + str + "\" for "
                    + fieldName(other) + ".", s.span());
        }
        if (t.isInteger()) {
            ValueStrings vs = fieldValueStrings(other);
            if (vs != null) {
                return fromValueString(vs, str, t, other, s.span());
            }
        }
        try {
            return Literals.fromString(t, s.value());
        } catch (ConversionException e) {
            throw new CheckException(e.getMessage(), s.span());
        }
    }

    private FValue fromValueString(ValueStrings vs, String str, FieldType t, Expr other, Span span) throws CheckException {
        for (ValueStrings.Entry e : vs.values()) {
            if (e.text().equalsIgnoreCase(str)) {
                return FValue.ofLong(t.kind() == Kind.SIGNED ? FieldType.FT_INT64 : FieldType.FT_UINT64, e.value());
            }
        }
        for (ValueStrings.Range r : vs.ranges()) {
            if (r.text().equalsIgnoreCase(str)) {
                return FValue.ofLong(t.kind() == Kind.SIGNED ? FieldType.FT_INT64 : FieldType.FT_UINT64, r.low());
            }
        }
        throw new CheckException("\"" + str + "\" cannot be found among the possible values for " + fieldName(other)
                + ".", span);
    }

    private FValue literal(String s, Expr other, boolean partial, Span span) throws CheckException {
        FieldType t = other.type();
        try {
            return Literals.fromLiteral(t, s, partial);
        } catch (ConversionException e) {
            ValueStrings vs = fieldValueStrings(other);
            if (vs != null && t.kind() == Kind.BOOLEAN) {
                String tt = vs.trueFalse() != null ? vs.trueFalse().trueText() : "True";
                String ff = vs.trueFalse() != null ? vs.trueFalse().falseText() : "False";
                boolean isT = s.equalsIgnoreCase(tt);
                if (isT || s.equalsIgnoreCase(ff)) {
                    warnings.add("Warning: Interpreting the symbol \u2039" + s + "\u203a as a Boolean value string."
                            + " Writing value strings without double quotes is deprecated. Please use \u2039\"" + s
                            + "\"\u203a instead");
                    return FValue.ofLong(t, isT ? 1 : 0);
                }
                throw new CheckException("expected \"" + tt + "\" or \"" + ff + "\", not \"" + s + "\" for "
                        + fieldName(other) + ".", span);
            }
            if (vs != null && t.isInteger() && (!vs.values().isEmpty() || !vs.ranges().isEmpty())) {
                FValue v = fromValueString(vs, s, t, other, span);
                warnings.add("Warning: Interpreting the symbol \u2039" + s + "\u203a as a value string."
                        + " Writing value strings without double quotes is deprecated. Please use \u2039\"" + s
                        + "\"\u203a instead");
                return v;
            }
            throw new CheckException(e.getMessage(), span);
        }
    }

    private ValueStrings fieldValueStrings(Expr e) {
        if (e instanceof FieldExpr f && !f.raw() && !f.valueString()) {
            return registry.valueStrings(f.def());
        }
        if (e instanceof RefExpr r) {
            return registry.valueStrings(r.field().def());
        }
        return null;
    }

    private String fieldName(Expr e) {
        if (e instanceof FieldExpr f) {
            return f.def().abbrev();
        }
        if (e instanceof RefExpr r) {
            return r.field().def().abbrev();
        }
        return src(e.span());
    }

    // ================================================================== entities

    /** A field or protocol by name, or null when the registry has none. */
    private FieldExpr resolveField(String name, Span span, List<RangeNode> layers, boolean raw) throws CheckException {
        FieldDef d = registry.byName(name).orElse(null);
        if (d == null) {
            d = registry.resolve(name).orElse(null);
            if (d == null) {
                return null;
            }
            warnings.add("Deprecated token \"" + name + "\"");
        }
        if (layers != null) {
            checkRanges(layers, true);
        }
        FieldType t = raw ? FieldType.FT_BYTES : d.type();
        return new FieldExpr(d, t, layers, raw, false, span);
    }

    private FieldExpr field(Node.Field f) throws CheckException {
        FieldExpr e = resolveField(f.name(), f.span(), f.layer() == null ? null : f.layer().ranges(), f.raw());
        if (e == null) {
            throw notAField(f.name(), f.nameSpan() != null ? f.nameSpan() : f.span());
        }
        return e;
    }

    /** An operand that must carry its own type (it contains a field, reference or function). */
    private Expr typedEntity(Node n) throws CheckException {
        if (n instanceof Node.Field f) {
                return field(f);
            } else if (n instanceof Node.Identifier id) {
                FieldExpr f = id.kind() == WordKind.LITERAL ? null : resolveField(id.text(), id.span(), null, false);
                if (f == null) {
                    throw notAField(id.text(), id.span());
                }
                return f;
            } else if (n instanceof Node.Reference r) {
                return new RefExpr(field(r.field()), r.span());
            } else if (n instanceof Node.Slice s) {
                return slice(s);
            } else if (n instanceof Node.FunctionCall fc) {
                return function(fc, null);
            } else if (n instanceof Node.Arithmetic a) {
                return arith(a, null);
            } else if (n instanceof Node.Negate neg) {
                Expr e = typedEntity(neg.operand());
                if (!TypeRules.can(e.type(), Cap.NEGATE)) {
                    throw new CheckException(e.type().name() + " cannot be negated.", neg.operand().span());
                }
                return new NegExpr(e, e.type(), neg.span());
            } else if (n instanceof Node.StringLit s) { throw new CheckException("Constant expression is invalid", s.span()); } else { throw new CheckException("Constant expression is invalid", n.span()); }
    }

    private Expr slice(Node.Slice s) throws CheckException {
        Node en = s.entity();
        if (en instanceof Node.StringLit str) {
            throw new CheckException("Range is not supported for entity " + new String(str.value(), StandardCharsets.UTF_8),
                    str.span());
        }
        if (en instanceof Node.Identifier id && id.kind() == WordKind.IDENTIFIER && registry.resolve(id.text()).isEmpty()) {
            throw notAField(id.text(), id.span());
        }
        if (isConstant(en)) {
            throw new CheckException("Range is not supported for entity " + src(en.span()), en.span());
        }
        Expr e = typedEntity(en);
        if (!TypeRules.can(e.type(), Cap.SLICE)) {
            throw new CheckException("\"" + src(en.span()) + "\" is a " + e.type().displayName()
                    + " and cannot be sliced into a sequence of bytes.", en.span());
        }
        checkRanges(s.ranges(), false);
        FieldType rt = e.type().kind() == Kind.STRING ? FieldType.FT_STRING : FieldType.FT_BYTES;
        return new SliceExpr(e, s.ranges(), rt, s.span());
    }

    private static void checkRanges(List<RangeNode> ranges, boolean layer) throws CheckException {
        for (RangeNode r : ranges) {
            if (r.kind() == RangeKind.START_LENGTH && r.lengthOrEnd() <= 0) {
                throw new CheckException("Range " + r.start() + ":" + r.lengthOrEnd() + " isn't valid because length "
                        + r.lengthOrEnd() + " isn't positive", r.span());
            }
            if (r.kind() == RangeKind.START_END) {
                long a = r.start();
                long b = r.lengthOrEnd();
                if ((a < 0) != (b < 0)) {
                    throw new CheckException("Range " + a + "-" + b + " isn't valid because " + a + " and " + b
                            + " have different signs", r.span());
                }
                if (b <= a) {
                    throw new CheckException("Range " + a + "-" + b + " isn't valid because " + a
                            + " is greater or equal than " + b, r.span());
                }
            }
        }
    }

    private Expr arith(Node.Arithmetic a, FieldType expected) throws CheckException {
        Cap cap = switch (a.op()) {
            case ADD -> Cap.ADD;
            case SUBTRACT -> Cap.SUBTRACT;
            case MULTIPLY -> Cap.MULTIPLY;
            case DIVIDE -> Cap.DIVIDE;
            case MODULO -> Cap.MODULO;
            case BITWISE_AND -> Cap.BITWISE;
        };
        Expr l;
        Expr r;
        if (isConstant(a.left())) {
            if (isConstant(a.right())) {
                if (expected == null) {
                    throw new CheckException("Constant expression is invalid", a.span());
                }
                return new ConstExpr(fold(a, expected), a.span());
            }
            r = arithOperand(a.right(), cap);
            l = operand(a.left(), r, false);
        } else {
            l = typedEntity(a.left());
            Kind k = l.type().kind();
            if ((k == Kind.REL_TIME || k == Kind.ABS_TIME) && cap == Cap.MODULO) {
                throw new CheckException("\"%\" is not a valid arithmetic operator for " + l.type().displayName(), a.span());
            }
            if (!TypeRules.can(l.type(), cap)) {
                throw new CheckException(l.type().name() + " " + TypeRules.arithFailure(cap) + ".", a.left().span());
            }
            if ((k == Kind.REL_TIME || k == Kind.ABS_TIME) && (cap == Cap.MULTIPLY || cap == Cap.DIVIDE)) {
                if (isConstant(a.right())) {
                    r = timeScalar(a.right());
                } else {
                    r = typedEntity(a.right());
                    if (r != null) {
                        throw new CheckException("Right hand side must be an integer or float type, not "
                                + r.type().displayName() + ".", a.span());
                    }
                }
                return new ArithExpr(a.op(), l, r, l.type(), a.span());
            }
            if ((k == Kind.REL_TIME || k == Kind.ABS_TIME) && cap == Cap.MODULO) {
                throw new CheckException("\"%\" is not a valid arithmetic operator for " + l.type().displayName(), a.span());
            }
            if (k == Kind.ABS_TIME && (cap == Cap.ADD || cap == Cap.SUBTRACT)) {
                if (isConstant(a.right())) {
                    r = new ConstExpr(constantValue(a.right(), FieldType.FT_RELATIVE_TIME), a.right().span());
                } else {
                    r = typedEntity(a.right());
                }
                return new ArithExpr(a.op(), l, r, l.type(), a.span());
            }
            if (isConstant(a.right())) {
                r = operand(a.right(), l, false);
            } else {
                r = arithOperand(a.right(), cap);
                if (!TypeRules.compatible(l.type(), r.type())) {
                    throw new CheckException(l.type().name() + " and " + r.type().name() + " are not compatible.",
                            a.span());
                }
            }
        }
        return new ArithExpr(a.op(), l, r, l.type(), a.span());
    }

    private Expr timeScalar(Node n) throws CheckException {
        if (n instanceof Node.NumberLit num) {
            BigInteger bi = Literals.parseBigInteger(num.text());
            if (bi != null) {
                return new ConstExpr(FValue.ofLong(FieldType.FT_INT64, bi.longValue()), n.span());
            }
            Double d = Literals.parseDouble(num.text());
            if (d != null) {
                return new ConstExpr(FValue.ofDouble(FieldType.FT_DOUBLE, d), n.span());
            }
        }
        return new ConstExpr(constantValue(n, FieldType.FT_DOUBLE), n.span());
    }

    private Expr arithOperand(Node n, Cap cap) throws CheckException {
        Expr e = typedEntity(n);
        if (!TypeRules.can(e.type(), cap)) {
            throw new CheckException(e.type().name() + " " + TypeRules.arithFailure(cap) + ".", n.span());
        }
        return e;
    }

    // ================================================================== functions

    private Expr function(Node.FunctionCall fc, FieldType expected) throws CheckException {
        Functions.Def def = Functions.ALL.get(fc.name());
        if (def == null || def.name().startsWith("ip_") && !pluginFunctions) {
            throw new CheckException("Function '" + fc.name() + "' does not exist", fc.nameSpan());
        }
        int n = fc.args().size();
        if (n < def.minArgs()) {
            if (n == 0) {
                throw new CheckException("Constant expression is invalid", fc.span());
            }
            throw new CheckException("Function " + def.name() + " needs at least " + def.minArgs() + " arguments.", fc.span());
        }
        if (n > def.maxArgs()) {
            throw new CheckException("Function " + def.name() + " can only accept " + def.maxArgs() + " arguments.", fc.span());
        }
        return FunctionChecks.check(this, def, fc, expected);
    }

    /** Whether the ipaddr plugin's functions exist (tshark loads plugins; dftest46 does not). */
    private boolean pluginFunctions = true;

    public Checker withoutPlugins() {
        pluginFunctions = false;
        return this;
    }

    // package-private helpers for FunctionChecks
    Expr entityOf(Node n) throws CheckException {
        return typedEntity(n);
    }

    Expr operandOf(Node n, Expr other) throws CheckException {
        return operand(n, other, false);
    }

    boolean constant(Node n) {
        return isConstant(n);
    }

    String source(Span s) {
        return src(s);
    }

    FieldRegistry registry() {
        return registry;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
