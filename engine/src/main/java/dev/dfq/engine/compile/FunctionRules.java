package dev.dfq.engine.compile;

import dev.dfq.engine.compile.Typed.Entity;
import dev.dfq.engine.vm.Functions;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldType;
import dev.dfq.fields.FieldType.Kind;
import dev.dfq.grammar.ast.Node;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Argument rules and result types of the display-filter functions, with 4.6.9's messages. */
final class FunctionRules {
    private FunctionRules() {
    }

    static FieldType resultTypeHint(Node.FunctionCall f, Checker checker) {
        return switch (f.name()) {
            case "len", "count" -> FieldType.FT_UINT32;
            case "upper", "lower", "string", "dec", "hex", "vals", "ip_special_name" -> FieldType.FT_STRING;
            case "float" -> FieldType.FT_FLOAT;
            case "double" -> FieldType.FT_DOUBLE;
            case "ip_rfc1918", "ip_ula", "ip_linklocal", "ip_multicast" -> FieldType.FT_BOOLEAN;
            case "ip_special_mask" -> FieldType.FT_UINT32;
            default -> {
                for (Node a : f.args()) {
                    FieldType t = checker.infer(a);
                    if (t != null) {
                        yield t;
                    }
                }
                // max/min/abs of literals only: typed by the other operand, like a literal
                yield GENERIC.contains(f.name()) ? null : FieldType.FT_NONE;
            }
        };
    }

    /** Functions whose result has the type of their arguments. */
    static final java.util.Set<String> GENERIC = java.util.Set.of("max", "min", "abs");

    static Entity check(Node.FunctionCall f, Checker checker, FieldRegistry registry) {
        return check(f, checker, registry, null);
    }

    /** @param peer the other operand, typing literal arguments of max/min/abs (may be null) */
    static Entity check(Node.FunctionCall f, Checker checker, FieldRegistry registry, Entity peer) {
        Functions.Def def = Functions.lookup(f.name());
        if (def == null && !f.name().equals("vals")) {
            throw new CompileError("Function '" + f.name() + "' does not exist", f.nameSpan());
        }
        if (GENERIC.contains(f.name()) && peer == null && f.args().stream().allMatch(a -> checker.infer(a) == null)) {
            // max(), abs("x"): nothing here reads the frame
            throw new CompileError("Constant expression is invalid", f.span());
        }
        int min = def == null ? 1 : def.minArgs();
        int max = def == null ? 1 : def.maxArgs();
        if (f.args().size() < min) {
            throw new CompileError("Function " + f.name() + " needs at least " + min + " arguments.", f.span());
        }
        if (f.args().size() > max) {
            throw new CompileError("Function " + f.name() + " can only accept " + max + " arguments.", f.span());
        }
        List<Node> argNodes = f.args();
        Node first = argNodes.get(0);
        switch (f.name()) {
            case "vals" -> {
                Entity a = requireFieldArg(f, checker, first);
                var read = ((Typed.Field) a).read();
                if (registry.valueStrings(read.def()) == null) {
                    throw new CompileError("Field \"" + read.def().abbrev() + "\" does not have a value string.", first.span());
                }
                return new Typed.Function(null, List.of(new Typed.Field(checker.valueStringRead(read), a.span())),
                        FieldType.FT_STRING, f.span());
            }
            case "count" -> {
                Entity a = requireFieldArg(f, checker, first);
                return new Typed.Function(def, List.of(a), FieldType.FT_UINT32, f.span());
            }
            case "len" -> {
                if (first instanceof Node.NumberLit || first instanceof Node.CharLit) {
                    throw new CompileError("Argument does not support the len() function", first.span());
                }
                Entity a = checker.infer(first) == null
                        ? checker.literal(first, new Typed.Const(FieldType.FT_STRING, null, first.span()), false)
                        : typedArg(f, checker, first);
                Kind k = a.type().kind();
                if (k != Kind.STRING && k != Kind.BYTES && k != Kind.PROTOCOL && k != Kind.OTHER && k != Kind.IPV6) {
                    throw new CompileError("Argument does not support the len() function", first.span());
                }
                return new Typed.Function(def, List.of(a), FieldType.FT_UINT32, f.span());
            }
            case "upper", "lower" -> {
                Entity a = checker.infer(first) == null
                        ? checker.literal(first, new Typed.Const(FieldType.FT_STRING, null, first.span()), false)
                        : typedArg(f, checker, first);
                if (a.type().kind() != Kind.STRING) {
                    throw new CompileError("Only string type fields can be used as parameter for " + f.name() + "()", first.span());
                }
                return new Typed.Function(def, List.of(a), FieldType.FT_STRING, f.span());
            }
            case "string" -> {
                if (checker.infer(first) == null) {
                    throw new CompileError("Only fields can be used as parameter for string()", first.span());
                }
                Entity a = checker.entity(first, null, null);
                Kind k = a.type().kind();
                FieldType t = a.type();
                if (k == Kind.STRING || t == FieldType.FT_BYTES || t == FieldType.FT_UINT_BYTES || k == Kind.PROTOCOL
                        || k == Kind.NONE || k == Kind.BOOLEAN || k == Kind.ABS_TIME || k == Kind.REL_TIME) {
                    throw new CompileError("String conversion for field \"" + Checker.describeName(a) + "\" is not supported",
                            first.span());
                }
                return new Typed.Function(def, List.of(a), FieldType.FT_STRING, f.span());
            }
            case "dec", "hex" -> {
                Entity a = typedArg(f, checker, first);
                if (a.type().kind() != Kind.UNSIGNED) {
                    throw new CompileError("Base conversion for field \"" + Checker.describeName(a) + "\" is not supported",
                            first.span());
                }
                return new Typed.Function(def, List.of(a), FieldType.FT_STRING, f.span());
            }
            case "float", "double" -> {
                Entity a = typedArg(f, checker, first);
                if (!EnumSet.of(Kind.UNSIGNED, Kind.SIGNED, Kind.FLOAT, Kind.BOOLEAN, Kind.ABS_TIME, Kind.REL_TIME)
                        .contains(a.type().kind())) {
                    throw new CompileError("Argument does not support the " + f.name() + "() function", first.span());
                }
                FieldType t = f.name().equals("float") ? FieldType.FT_FLOAT : FieldType.FT_DOUBLE;
                return new Typed.Function(def, List.of(a), t, f.span());
            }
            case "abs" -> {
                Entity a = checker.infer(first) == null && peer != null ? checker.literal(first, peer, false)
                        : typedArg(f, checker, first);
                if (!EnumSet.of(Kind.UNSIGNED, Kind.SIGNED, Kind.FLOAT, Kind.REL_TIME, Kind.ABS_TIME).contains(a.type().kind())) {
                    throw new CompileError("Argument cannot be negated", first.span());
                }
                return new Typed.Function(def, List.of(a), a.type(), f.span());
            }
            case "max", "min" -> {
                Entity typed = null;
                for (Node n : argNodes) {
                    if (checker.infer(n) != null) {
                        typed = checker.entity(n, null, null);
                        break;
                    }
                }
                if (typed == null && peer != null) {
                    typed = checker.literal(argNodes.get(0), peer, false);
                }
                if (typed == null) {
                    throw new CompileError("Constant expression is invalid", f.span());
                }
                List<Entity> args = new ArrayList<>();
                for (Node n : argNodes) {
                    Entity e = checker.infer(n) == null ? checker.literal(n, typed, false) : checker.entity(n, null, null);
                    if (!OperatorRules.compatible(typed.type(), e.type())) {
                        throw new CompileError("Arguments to '" + f.name() + "' must be of compatible type (expected "
                                + typed.type().displayName() + ", got " + e.type().displayName() + ")", n.span());
                    }
                    args.add(e);
                }
                return new Typed.Function(def, args, typed.type(), f.span());
            }
            default -> {
                Entity a = typedArg(f, checker, first);
                Kind k = a.type().kind();
                boolean v6only = f.name().equals("ip_ula");
                if (f.name().equals("ip_rfc1918") && k != Kind.IPV4) {
                    throw new CompileError("Only IPv4 fields can be used as a parameter for ip_rfc1918()", first.span());
                }
                if (v6only && k != Kind.IPV6) {
                    throw new CompileError("Only IPv6 fields can be used as a parameter for ip_ula()", first.span());
                }
                if (k != Kind.IPV4 && k != Kind.IPV6) {
                    throw new CompileError("Only IP fields can be used as a parameter for " + f.name() + "()", first.span());
                }
                FieldType rt = f.name().equals("ip_special_name") ? FieldType.FT_STRING
                        : f.name().equals("ip_special_mask") ? FieldType.FT_UINT32 : FieldType.FT_BOOLEAN;
                return new Typed.Function(def, List.of(a), rt, f.span());
            }
        }
    }

    private static Entity typedArg(Node.FunctionCall f, Checker checker, Node arg) {
        if (checker.infer(arg) == null) {
            throw new CompileError("Constant expression is invalid", arg.span());
        }
        return checker.entity(arg, null, null);
    }

    private static Entity requireFieldArg(Node.FunctionCall f, Checker checker, Node arg) {
        if (!(arg instanceof Node.Field) && !(arg instanceof Node.Identifier id && checker.lookup(id.text()) != null)) {
            // Wireshark's slice nodes carry no location, so the error has no caret then.
            throw new CompileError("Only fields can be used as parameter for " + f.name() + "()",
                    arg instanceof Node.Slice ? null : arg.span());
        }
        return checker.entity(arg, null, null);
    }
}
