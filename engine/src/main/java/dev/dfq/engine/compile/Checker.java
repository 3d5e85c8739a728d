package dev.dfq.engine.compile;

import dev.dfq.engine.compile.Typed.Entity;
import dev.dfq.engine.vm.FieldRead;
import dev.dfq.engine.vm.Functions;
import dev.dfq.engine.vm.Op;
import dev.dfq.engine.vm.Reg;
import dev.dfq.engine.vm.RegexMatcher;
import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldType;
import dev.dfq.fields.FieldType.Kind;
import dev.dfq.grammar.ast.Node;
import dev.dfq.grammar.ast.Node.RangeNode;
import dev.dfq.grammar.ast.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Semantic check (Wireshark's semcheck): resolves names against the registry, types literals by
 * the other operand, applies the operator rules of {@link OperatorRules}, and builds the
 * {@link Typed} tree. Throws {@link CompileError} at the first error.
 */
final class Checker {
    private final FieldRegistry registry;
    private final Conversions conversions;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> deprecated = new ArrayList<>();
    private boolean readsFrame;

    Checker(FieldRegistry registry) {
        this.registry = registry;
        this.conversions = new Conversions(registry, warnings);
    }

    /** Warnings, then deprecations, as dftest lists them after the program. */
    List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(deprecated);
        return all;
    }

    Typed checkFilter(Node root, Span whole) {
        Typed t = test(root);
        if (!readsFrame) {
            throw new CompileError("Constant expression is invalid.", whole);
        }
        return t;
    }

    // ---- tests ------------------------------------------------------------------------------

    Typed test(Node n) {
        if (n instanceof Node.Logical l) {
            Typed a = test(l.left());
            Typed b = test(l.right());
            return switch (l.op()) {
                case AND -> new Typed.And(a, b, l.span());
                case OR -> new Typed.Or(a, b, l.span());
                case XOR -> new Typed.And(new Typed.Or(a, b, l.span()),
                        new Typed.Not(new Typed.And(test(l.left()), test(l.right()), l.span()), l.span()), l.span());
            };
        }
        if (n instanceof Node.Not x) {
            return new Typed.Not(test(x.operand()), x.span());
        }
        if (n instanceof Node.Comparison c) {
            return comparison(c);
        }
        if (n instanceof Node.Contains c) {
            return containsOrMatches(c.quantifier(), c.left(), c.right(), false, c.span());
        }
        if (n instanceof Node.Matches m) {
            return containsOrMatches(m.quantifier(), m.left(), m.right(), true, m.span());
        }
        if (n instanceof Node.Membership m) {
            return membership(m);
        }
        if (n instanceof Node.Identifier id) {
            FieldDef d = lookup(id.text());
            if (d == null || id.kind() == Node.WordKind.LITERAL) {
                if (id.kind() == Node.WordKind.IDENTIFIER) {
                    throw new CompileError("\"" + id.text() + "\" is not a valid protocol or protocol field.", id.span());
                }
                throw new CompileError(id.text() + " is neither a field nor a protocol name.", id.span());
            }
            readsFrame = true;
            if (registry.isAlias(id.text())) {
                deprecated.add("Deprecated token \"" + id.text() + "\"");
            }
            return new Typed.Exists(read(d, null, false, false), id.span());
        }
        if (n instanceof Node.Field f && !f.raw()) {
            FieldDef d = requireField(f);
            readsFrame = true;
            return new Typed.Exists(read(d, f.layer(), false, false), f.span());
        }
        if (n instanceof Node.NumberLit || n instanceof Node.StringLit || n instanceof Node.CharLit) {
            throw new CompileError(Conversions.text(n) + " is neither a field nor a protocol name.", n.span());
        }
        Entity e = entity(n, null, null);
        return new Typed.Truth(e, n.span());
    }

    private Typed comparison(Node.Comparison c) {
        Node l = c.left();
        Node r = c.right();
        if (l instanceof Node.Identifier id && id.kind() == Node.WordKind.IDENTIFIER && lookup(id.text()) == null) {
            throw new CompileError("\"" + id.text() + "\" is not a valid protocol or protocol field.", id.span());
        }
        if (l instanceof Node.Identifier || l instanceof Node.Field) {
            FieldType lt = infer(l);
            if (lt == FieldType.FT_NONE && lookup(l instanceof Node.Field f ? f.name() : ((Node.Identifier) l).text()) != null) {
                throw new CompileError(Conversions.text(l instanceof Node.Field f ? new Node.Identifier(f.name(),
                        Node.WordKind.IDENTIFIER, f.span()) : l) + " (type=" + lt.displayName() + ") cannot participate in "
                        + OperatorRules.symbol(c.op()) + " comparison.", l.span());
            }
        }
        boolean outer = readsFrame;
        readsFrame = false;
        Entity[] lr = pair(l, r, c.span(), false);
        requireFieldIn(c.span(), outer);
        OperatorRules.checkComparison(c.op(), lr[0], lr[1]);
        Op op = OperatorRules.comparisonOp(c.op(), c.quantifier());
        return new Typed.Compare(op, OperatorRules.testName(c.op()), quantifier(c.quantifier()), lr[0], lr[1], null, c.span());
    }

    /**
     * A relation must read the frame: references ({@code $f}) and functions of literals do not
     * count ({@code $tcp.port == 80}, {@code upper("abc") == "ABC"}), and Wireshark says so for the
     * relation, with a period, unlike the both-sides-literal message.
     */
    private void requireFieldIn(Span relation, boolean outer) {
        if (!readsFrame) {
            throw new CompileError("Constant expression is invalid.", relation);
        }
        readsFrame = true;
    }

    /** Resolves both operands; a literal side takes the other side's type. */
    private Entity[] pair(Node l, Node r, Span relation, boolean partial) {
        FieldType lt = infer(l);
        FieldType rt = infer(r);
        if (lt == null && rt == null) {
            throw new CompileError("Constant expression is invalid", relation);
        }
        Entity left;
        Entity right;
        if (lt != null) {
            left = entity(l, null, null);
            right = rt != null ? entity(r, null, null) : literal(r, left, partial);
        } else {
            right = entity(r, null, null);
            left = literal(l, right, partial);
        }
        if (left.constant() && right.constant() && !(l instanceof Node.FunctionCall) && !(r instanceof Node.FunctionCall)) {
            throw new CompileError("Constant expression is invalid", relation);
        }
        if (rt != null && lt != null) {
            OperatorRules.requireCompatible(left, right);
            left = protocolAsBytes(left, right);
            right = protocolAsBytes(right, left);
        }
        return new Entity[] {left, right};
    }

    /** A protocol compared with bytes is compared as its bytes: {@code SLICE(FIELD(fc)[0:])}. */
    private static Entity protocolAsBytes(Entity e, Entity other) {
        if (e.type().kind() == Kind.PROTOCOL && other.type().kind() != Kind.PROTOCOL) {
            RangeNode all = new RangeNode(Node.RangeKind.TO_END, 0, 0, e.span());
            return new Typed.Slice(e, List.of(all), "[0:]", FieldType.FT_BYTES, e.span());
        }
        return e;
    }

    private Typed containsOrMatches(Node.Quantifier q, Node l, Node r, boolean matches, Span span) {
        if (infer(l) == null) {
            if (l instanceof Node.Identifier id && id.kind() == Node.WordKind.IDENTIFIER) {
                throw new CompileError("\"" + id.text() + "\" is not a valid protocol or protocol field.", id.span());
            }
            throw new CompileError("Left side of " + (matches ? "\"matches\"" : "\"contains\"")
                    + " expression must be a field or function, not " + Conversions.text(l) + ".", l.span());
        }
        Entity left = entity(l, null, null);
        if (matches && !(r instanceof Node.StringLit)) {
            throw new CompileError("Matches requires a double quoted string on the right side.", r.span());
        }
        left = OperatorRules.forSearch(left, matches, registry);
        if (matches) {
            if (!(r instanceof Node.StringLit s)) {
                throw new CompileError("Matches requires a double quoted string on the right side.", r.span());
            }
            RegexMatcher m;
            try {
                m = RegexMatcher.compile(s.value());
            } catch (RegexMatcher.BadPattern e) {
                throw new CompileError(e.getMessage(), r.span());
            }
            Op op = q == Node.Quantifier.ALL ? Op.ALL_MATCHES : Op.ANY_MATCHES;
            Entity pattern = new Typed.Const(FieldType.FT_STRING, Reg.constant(FieldType.FT_STRING, s.value()), r.span());
            return new Typed.Compare(op, "TEST_MATCHES", quantifier(q), left, pattern, m, span);
        }
        Entity right = infer(r) == null ? literal(r, left, true) : entity(r, null, null);
        if (r instanceof Node.Identifier id && id.kind() == Node.WordKind.IDENTIFIER && infer(r) != null
                && (left.type().kind() == Kind.PROTOCOL || left.type().kind() == Kind.BYTES)
                && Conversions.hexBytes(id.text()) != null) {
            // "frame contains fc": the word is a protocol, but it reads as bytes too
            FieldDef d = lookup(id.text());
            String as = left.type().kind() == Kind.PROTOCOL ? FieldType.FT_BYTES.displayName() : left.type().displayName();
            warnings.add("Warning: Interpreting \"" + id.text() + "\" as " + d.name() + " instead of " + as
                    + ". Consider writing \"" + id.text() + ":\" or \"." + id.text() + "\" to remove this warning");
        }
        if (infer(r) != null) {
            OperatorRules.requireCompatible(left, right);
        }
        Op op = q == Node.Quantifier.ALL ? Op.ALL_CONTAINS : Op.ANY_CONTAINS;
        return new Typed.Compare(op, "TEST_CONTAINS", quantifier(q), left, right, null, span);
    }

    private Typed membership(Node.Membership m) {
        Node l = m.left();
        boolean isField = l instanceof Node.Field || l instanceof Node.Identifier id && lookup(id.text()) != null
                && id.kind() != Node.WordKind.LITERAL;
        if (!isField) {
            if (l instanceof Node.Identifier id && id.kind() == Node.WordKind.IDENTIFIER) {
                throw new CompileError("\"" + id.text() + "\" is not a valid protocol or protocol field.", id.span());
            }
            throw new CompileError("Only a field may be tested for membership in a set.",
                    l instanceof Node.Slice ? null : l.span());
        }
        Entity left = entity(l, null, null);
        List<Typed.SetElement> elements = new ArrayList<>();
        for (Node.SetElement e : m.set().elements()) {
            Entity lo = setValue(e.low(), left);
            Entity hi = e.high() == null ? null : setValue(e.high(), left);
            elements.add(new Typed.SetElement(lo, hi));
        }
        boolean all = m.quantifier() == Node.Quantifier.ALL;
        Op op = m.negated() ? (all ? Op.SET_ALL_NOT_IN : Op.SET_ANY_NOT_IN) : (all ? Op.SET_ALL_IN : Op.SET_ANY_IN);
        return new Typed.In(op, m.negated() ? "TEST_NOT_IN" : "TEST_IN", quantifier(m.quantifier()), left, elements, m.span());
    }

    private Entity setValue(Node n, Entity left) {
        if (n instanceof Node.Slice) {
            throw new CompileError("A slice may not appear inside a set.", null);
        }
        if (infer(n) == null) {
            return literal(n, left, false);
        }
        Entity e = entity(n, null, null);
        OperatorRules.requireCompatible(left, e);
        return e;
    }

    private static String quantifier(Node.Quantifier q) {
        return switch (q) {
            case NONE -> "";
            case ANY -> "ANY ";
            case ALL -> "ALL ";
        };
    }

    // ---- entities ---------------------------------------------------------------------------

    /** The type a node has by itself, or null for a literal that takes the other side's type. */
    FieldType infer(Node n) {
        if (n instanceof Node.Identifier id) {
            FieldDef d = id.kind() == Node.WordKind.LITERAL ? null : lookup(id.text());
            return d == null ? null : d.type();
        }
        if (n instanceof Node.Field f) {
            FieldDef d = lookup(f.name());
            return d == null ? FieldType.FT_NONE : f.raw() ? FieldType.FT_BYTES : d.type();
        }
        if (n instanceof Node.Reference r) {
            return infer(r.field());
        }
        if (n instanceof Node.Slice s) {
            FieldType t = infer(s.entity());
            return t != null && t.kind() == Kind.STRING ? FieldType.FT_STRING : FieldType.FT_BYTES;
        }
        if (n instanceof Node.FunctionCall f) {
            return FunctionRules.resultTypeHint(f, this);
        }
        if (n instanceof Node.Arithmetic a) {
            FieldType t = infer(a.left());
            return t != null ? t : infer(a.right());
        }
        if (n instanceof Node.Negate x) {
            return infer(x.operand());
        }
        return null;
    }

    Entity entity(Node n, FieldType hint, Entity other) {
        if (n instanceof Node.Identifier id) {
            FieldDef d = id.kind() == Node.WordKind.LITERAL ? null : lookup(id.text());
            if (d == null) {
                if (other != null) {
                    return literal(n, other, false);
                }
                if (id.kind() == Node.WordKind.IDENTIFIER) {
                    throw new CompileError("\"" + id.text() + "\" is not a valid protocol or protocol field.", id.span());
                }
                throw new CompileError(id.text() + " is neither a field nor a protocol name.", id.span());
            }
            readsFrame = true;
            if (registry.isAlias(id.text())) {
                deprecated.add("Deprecated token \"" + id.text() + "\"");
            }
            return new Typed.Field(read(d, null, false, false), id.span());
        }
        if (n instanceof Node.Field f) {
            FieldDef d = requireField(f);
            readsFrame = true;
            return new Typed.Field(read(d, f.layer(), f.raw(), false), f.span());
        }
        if (n instanceof Node.Reference r) {
            FieldDef d = requireField(r.field());
            return new Typed.Reference(read(d, r.field().layer(), r.field().raw(), false), r.span());
        }
        if (n instanceof Node.Slice s) {
            return slice(s);
        }
        if (n instanceof Node.FunctionCall f) {
            return FunctionRules.check(f, this, registry);
        }
        if (n instanceof Node.Arithmetic a) {
            return arithmetic(a, other);
        }
        if (n instanceof Node.Negate x) {
            if (infer(x.operand()) == null) {
                if (other == null) {
                    throw new CompileError("Constant expression is invalid", x.span());
                }
                return literal(n, other, false);
            }
            Entity e = entity(x.operand(), null, null);
            OperatorRules.requireNegatable(e, x.operand() instanceof Node.Slice ? null : x.operand().span());
            return fold(new Typed.Negate(e, e.type(), x.span()));
        }
        if (other != null) {
            return literal(n, other, false);
        }
        throw new CompileError("Constant expression is invalid", n.span());
    }

    /** A literal typed by the entity on the other side. */
    Entity literal(Node n, Entity other, boolean partial) {
        if (n instanceof Node.Arithmetic a) {
            return arithmetic(a, other);
        }
        if (n instanceof Node.FunctionCall f) {
            return fold(FunctionRules.check(f, this, registry, other));
        }
        if (n instanceof Node.Negate x && !(x.operand() instanceof Node.NumberLit)) {
            Entity e = literal(x.operand(), other, partial);
            OperatorRules.requireNegatable(e, x.operand() instanceof Node.Slice ? null : x.operand().span());
            return fold(new Typed.Negate(e, e.type(), x.span()));
        }
        FieldDef def = other instanceof Typed.Field f && !f.read().raw() && !f.read().valueString() ? f.read().def() : null;
        FieldType target = other.type();
        if (other instanceof Typed.Field f && f.read().valueString()) {
            target = FieldType.FT_STRING;
        }
        return conversions.convert(n, target, def, partial);
    }

    private Entity slice(Node.Slice s) {
        if (s.entity() instanceof Node.Identifier id && id.kind() == Node.WordKind.IDENTIFIER && lookup(id.text()) == null) {
            throw new CompileError("\"" + id.text() + "\" is not a valid protocol or protocol field.", id.span());
        }
        if (infer(s.entity()) == null) {
            throw new CompileError("Range is not supported for entity " + Conversions.text(s.entity()), s.entity().span());
        }
        Entity inner = entity(s.entity(), null, null);
        Kind k = inner.type().kind();
        if (k != Kind.STRING && k != Kind.BYTES && k != Kind.PROTOCOL && k != Kind.OTHER && k != Kind.IPV6 && k != Kind.IPV4) {
            throw new CompileError("\"" + describeName(inner) + "\" is a " + inner.type().displayName()
                    + " and cannot be sliced into a sequence of bytes.", s.entity().span());
        }
        FieldType t = k == Kind.STRING ? FieldType.FT_STRING : FieldType.FT_BYTES;
        return new Typed.Slice(inner, s.ranges(), rangeText(s.ranges()), t, s.span());
    }

    private Entity arithmetic(Node.Arithmetic a, Entity other) {
        FieldType lt = infer(a.left());
        FieldType rt = infer(a.right());
        Entity left;
        Entity right;
        if (lt == null && rt == null) {
            if (other == null) {
                throw new CompileError("Constant expression is invalid", a.span());
            }
            left = literal(a.left(), other, false);
            right = literal(a.right(), other, false);
        } else if (lt != null) {
            left = entity(a.left(), null, null);
            Kind lk = left.type().kind();
            boolean time = lk == Kind.REL_TIME || lk == Kind.ABS_TIME;
            if (time && (a.op() == Node.ArithOp.MODULO || a.op() == Node.ArithOp.BITWISE_AND)) {
                String sym = a.op() == Node.ArithOp.MODULO ? "%" : "&";
                throw new CompileError("\"" + sym + "\" is not a valid arithmetic operator for " + left.type().displayName(),
                        a.span());
            }
            OperatorRules.requireArithmetic(a.op(), left);
            if (time && rt != null && (a.op() == Node.ArithOp.MULTIPLY || a.op() == Node.ArithOp.DIVIDE)) {
                // a time is scaled only by a literal: any typed right side is refused, whatever its type
                throw new CompileError("Right hand side must be an integer or float type, not "
                        + entity(a.right(), null, null).type().displayName() + ".", a.span());
            }
            right = rt != null ? entity(a.right(), null, null) : scalarLiteral(a, left);
            if (rt != null) {
                OperatorRules.requireArithmetic(a.op(), right);
            }
            if (rt != null && OperatorRules.incompatibleOperands(left, right)) {
                throw new CompileError(left.type().name() + " and " + right.type().name() + " are not compatible.", a.span());
            }
            OperatorRules.requireArithmetic(a.op(), right);
        } else {
            right = entity(a.right(), null, null);
            OperatorRules.requireArithmetic(a.op(), right);
            left = literal(a.left(), right, false);
        }
        FieldType result = OperatorRules.arithmeticType(a.op(), left, right, a.opSpan());
        return fold(new Typed.Arith(OperatorRules.arithOp(a.op()), OperatorRules.arithName(a.op()), left, right, result, a.span()));
    }

    /** {@code frame.time_relative * 2.5}: a time is scaled by a 64-bit integer or a double. */
    private Entity scalarLiteral(Node.Arithmetic a, Entity left) {
        Entity peer = OperatorRules.scalarPeer(a.op(), left);
        if (peer != left && a.right() instanceof Node.NumberLit n && Conversions.isFloat(n.text())) {
            peer = new Typed.Const(FieldType.FT_DOUBLE, Reg.constant(FieldType.FT_DOUBLE, 0), left.span());
        }
        return literal(a.right(), peer, false);
    }

    private Entity fold(Entity e) {
        if (!e.constant() || e instanceof Typed.Const) {
            return e;
        }
        Reg value = ConstantFolder.evaluate(e);
        if (value == null || value.size == 0) {
            return e;
        }
        return new Typed.Const(value.type, value, e.span());
    }

    // ---- names ------------------------------------------------------------------------------

    FieldDef lookup(String name) {
        return registry.resolve(name).orElse(null);
    }

    private FieldDef requireField(Node.Field f) {
        FieldDef d = lookup(f.name());
        if (d == null) {
            throw new CompileError("\"" + f.name() + "\" is not a valid protocol or protocol field.", f.nameSpan());
        }
        return d;
    }

    FieldRead read(FieldDef d, Node.Layer layer, boolean raw, boolean valueString) {
        StringBuilder name = new StringBuilder();
        if (raw) {
            name.append('@');
        }
        name.append(d.abbrev());
        if (layer != null) {
            name.append('#').append(rangeText(layer.ranges()));
        }
        if (valueString) {
            name.append("::value_string");
        }
        FieldType t = raw ? FieldType.FT_BYTES : valueString ? FieldType.FT_STRING : d.type();
        name.append(" <").append(t.name()).append('>');
        return new FieldRead(d, layer == null ? null : layer.ranges(), raw, valueString, t, name.toString());
    }

    FieldRead valueStringRead(FieldRead r) {
        return new FieldRead(r.def(), r.layers(), false, true, FieldType.FT_STRING,
                r.def().abbrev() + (r.layers() == null ? "" : "#" + rangeText(r.layers())) + "::value_string <FT_STRING>");
    }

    static String describeName(Entity e) {
        if (e instanceof Typed.Field f) {
            String d = f.read().display();
            return d.substring(0, d.lastIndexOf(" <"));
        }
        return e.type().name();
    }

    /** Wireshark's drange text: [0:2], [-1:1], [1:], [1-2], [1:1,2:3]. */
    static String rangeText(List<RangeNode> ranges) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ranges.size(); i++) {
            RangeNode r = ranges.get(i);
            if (i > 0) {
                sb.append(',');
            }
            switch (r.kind()) {
                case START_LENGTH, SINGLE -> sb.append(r.start()).append(':').append(r.lengthOrEnd());
                case START_END -> sb.append(r.start()).append('-').append(r.lengthOrEnd());
                case TO_END -> sb.append(r.start()).append(':');
            }
        }
        return sb.append(']').toString();
    }
}
