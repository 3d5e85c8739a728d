package dev.dfq.engine.compile;

import dev.dfq.engine.compile.Typed.Expr;
import dev.dfq.engine.compile.Typed.FieldExpr;
import dev.dfq.engine.compile.Typed.FuncExpr;
import dev.dfq.engine.compile.Typed.SliceExpr;
import dev.dfq.fields.FieldType;
import dev.dfq.fields.FieldType.Kind;
import dev.dfq.grammar.ast.Node;

import java.util.ArrayList;
import java.util.List;

/** Argument rules of each function (4.6.9 dfunctions.c semantics and messages). */
final class FunctionChecks {
    private FunctionChecks() {
    }

    static Expr check(Checker c, Functions.Def def, Node.FunctionCall fc, FieldType expected) throws CheckException {
        String name = def.name();
        List<Node> args = fc.args();
        if (name.equals("max") || name.equals("min")) {
            return maxMin(c, def, fc, expected);
        }
        Node a0 = args.get(0);
        if (c.constant(a0) && expected != null && name.equals("abs")) {
            Expr k = c.operandOf(a0, new Typed.ConstExpr(dev.dfq.engine.ftypes.FValue.ofLong(expected, 0), a0.span()));
            return new FuncExpr(def, List.of(k), k.type(), fc.span());
        }
        if (c.constant(a0)) {
            if ((name.equals("upper") || name.equals("lower")) && a0 instanceof Node.StringLit s) {
                Expr k = new Typed.ConstExpr(dev.dfq.engine.ftypes.FValue.ofBytes(FieldType.FT_STRING, s.value()), s.span());
                return new FuncExpr(def, List.of(k), FieldType.FT_STRING, fc.span());
            }
            if (!name.equals("abs")) {
                throw new CheckException("Only fields can be used as parameter for " + name + "()", a0.span());
            }
            throw new CheckException("Constant expression is invalid", fc.span());
        }
        Expr arg = c.entityOf(a0);
        FieldType t = arg.type();
        Kind k = t.kind();
        boolean raw = arg instanceof FieldExpr f && f.raw();
        switch (name) {
            case "len" -> {
                if (!(k == Kind.STRING || k == Kind.BYTES || k == Kind.PROTOCOL || k == Kind.IPV4 || k == Kind.IPV6
                        || k == Kind.OTHER)) {
                    throw new CheckException("Argument does not support the len() function", a0.span());
                }
            }
            case "count" -> {
                if (!(arg instanceof FieldExpr)) {
                    throw new CheckException("Only fields can be used as parameter for count()", null);
                }
            }
            case "upper", "lower" -> {
                if (k != Kind.STRING || raw) {
                    throw new CheckException("Only string type fields can be used as parameter for " + name + "()", a0.span());
                }
            }
            case "string" -> {
                if (k == Kind.STRING || k == Kind.BYTES && t != FieldType.FT_ETHER && t != FieldType.FT_GUID
                        && t != FieldType.FT_OID && t != FieldType.FT_EUI64 || k == Kind.PROTOCOL || k == Kind.NONE) {
                    throw new CheckException("String conversion for field \"" + c.source(a0.span()) + "\" is not supported",
                            a0.span());
                }
            }
            case "dec", "hex" -> {
                if (k != Kind.UNSIGNED) {
                    throw new CheckException("Base conversion for field \"" + c.source(a0.span()) + "\" is not supported",
                            a0.span());
                }
            }
            case "vals" -> {
                if (!(arg instanceof FieldExpr f) || !(t.isInteger() || k == Kind.BOOLEAN)
                        || c.registry().valueStrings(f.def()) == null) {
                    throw new CheckException("Field \"" + c.source(a0.span()) + "\" does not have a value string.", a0.span());
                }
                FieldExpr vs = new FieldExpr(f.def(), FieldType.FT_STRING, f.layers(), false, true, f.span());
                return new FuncExpr(def, List.of(vs), FieldType.FT_STRING, fc.span());
            }
            case "float", "double" -> {
                if (!(t.isNumeric() || k == Kind.BOOLEAN || k == Kind.REL_TIME || k == Kind.ABS_TIME)) {
                    throw new CheckException("Argument does not support the " + name + "() function", a0.span());
                }
            }
            case "abs" -> {
                if (!TypeRules.can(t, TypeRules.Cap.NEGATE)) {
                    throw new CheckException("Argument cannot be negated", a0.span());
                }
                return new FuncExpr(def, List.of(arg), t, fc.span());
            }
            case "ip_rfc1918", "ip_linklocal" -> {
                if (k != Kind.IPV4 && !name.equals("ip_linklocal") || name.equals("ip_linklocal") && k != Kind.IPV4 && k != Kind.IPV6) {
                    throw new CheckException("Only IPv4 fields can be used as a parameter for " + name + "()", a0.span());
                }
            }
            case "ip_ula" -> {
                if (k != Kind.IPV6) {
                    throw new CheckException("Only IPv6 fields can be used as a parameter for " + name + "()", a0.span());
                }
            }
            default -> {
                if (k != Kind.IPV4 && k != Kind.IPV6) {
                    throw new CheckException("Only IP fields can be used as a parameter for " + name + "()", a0.span());
                }
            }
        }
        if (raw && !name.equals("len") && !name.equals("count")) {
            throw new CheckException("The raw operator (\"@\") cannot be used with " + name + "()", a0.span());
        }
        FieldType rt = def.returnType() == FieldType.FT_FLOAT ? FieldType.FT_DOUBLE : def.returnType();
        return new FuncExpr(def, List.of(arg), rt, fc.span());
    }

    private static Expr maxMin(Checker c, Functions.Def def, Node.FunctionCall fc, FieldType expected) throws CheckException {
        Expr first = null;
        for (Node a : fc.args()) {
            if (!c.constant(a)) {
                first = c.entityOf(a);
                break;
            }
        }
        if (first == null && expected != null) {
            first = c.operandOf(fc.args().get(0), new Typed.ConstExpr(dev.dfq.engine.ftypes.FValue.ofLong(expected, 0),
                    fc.args().get(0).span()));
        }
        if (first == null) {
            throw new CheckException("Constant expression is invalid", fc.span());
        }
        List<Expr> out = new ArrayList<>();
        for (Node a : fc.args()) {
            Expr e;
            if (c.constant(a)) {
                e = c.operandOf(a, first);
            } else {
                e = c.entityOf(a);
                if (e instanceof SliceExpr || !TypeRules.can(e.type(), TypeRules.Cap.ORDER)) {
                    throw new CheckException("Argument '" + c.source(a.span()) + "' to '" + def.name()
                            + "' cannot be ordered", a.span());
                }
                if (!TypeRules.compatible(first.type(), e.type())) {
                    throw new CheckException("Arguments to '" + def.name() + "' must be of compatible type (expected "
                            + first.type().displayName() + ", got " + e.type().displayName() + ")", a.span());
                }
            }
            out.add(e);
        }
        return new FuncExpr(def, out, first.type(), fc.span());
    }
}
