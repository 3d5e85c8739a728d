package dev.dfq.engine.compile;

import dev.dfq.engine.compile.Typed.Expr;
import dev.dfq.engine.compile.Typed.Test;
import dev.dfq.engine.ftypes.FValue;
import dev.dfq.engine.vm.Insn;
import dev.dfq.engine.vm.Program;
import dev.dfq.fields.FieldType;

import java.util.List;

/** Renders a compiled filter exactly as 4.6.9's dftest prints it. */
public final class DftestPrinter {
    private DftestPrinter() {
    }

    public static String print(String filter, Test root, CodeGen.Output out, List<String> warnings) {
        StringBuilder sb = new StringBuilder();
        sb.append("Filter:\n ").append(filter).append("\n\n");
        sb.append("Syntax tree:\n");
        if (root != null) {
            tree(sb, root, 0);
        }
        sb.append('\n');
        section(sb, "References:", out.references());
        section(sb, "Raw references:", out.rawReferences());
        sb.append("Instructions:\n");
        Program p = out.program();
        Insn[] code = p.code();
        for (int i = 0; i < code.length; i++) {
            sb.append(String.format(" %04d ", i)).append(insn(p, code[i])).append('\n');
        }
        sb.append("Return Type: <").append(p.returnType().name()).append(">\n\n");
        for (String w : warnings) {
            sb.append(w).append('\n');
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, List<String> refs) {
        if (refs.isEmpty()) {
            sb.append(title).append(" (none)\n\n");
            return;
        }
        sb.append(title).append('\n');
        for (String r : refs) {
            sb.append(' ').append(r).append(" = {}\n");
        }
        sb.append('\n');
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append(' ');
        sb.append("  ".repeat(depth));
        sb.append(depth).append(' ');
    }

    private static void tree(StringBuilder sb, Test t, int d) {
        if (t instanceof Typed.ValueTest v) {
            exprTree(sb, v.expr(), d);
            return;
        }
        indent(sb, d);
        if (t instanceof Typed.Exists e) { sb.append(expr(e.field())).append('\n'); } else if (t instanceof Typed.And a) {
                sb.append("TEST_AND:\n");
                tree(sb, a.left(), d + 1);
                tree(sb, a.right(), d + 1);
            } else if (t instanceof Typed.Or o) {
                sb.append("TEST_OR:\n");
                tree(sb, o.left(), d + 1);
                tree(sb, o.right(), d + 1);
            } else if (t instanceof Typed.Not n) {
                sb.append("TEST_NOT:\n");
                tree(sb, n.operand(), d + 1);
            } else if (t instanceof Typed.Relation r) {
                sb.append(r.label()).append(":\n");
                exprTree(sb, r.left(), d + 1);
                exprTree(sb, r.right(), d + 1);
            } else if (t instanceof Typed.InSet s) {
                sb.append(s.label()).append(":\n");
                exprTree(sb, s.left(), d + 1);
                indent(sb, d + 1);
                sb.append("SET(#").append(s.elements().size()).append("):\n");
                for (Typed.SetElem e : s.elements()) {
                    indent(sb, d + 2);
                    sb.append(expr(e.low()));
                    if (e.high() != null) {
                        sb.append(" .. ").append(expr(e.high()));
                    }
                    sb.append('\n');
                }
            } else if (t instanceof Typed.ValueTest v) { throw new IllegalStateException(); }
    }

    private static void exprTree(StringBuilder sb, Expr e, int d) {
        indent(sb, d);
        if (e instanceof Typed.FuncExpr f) {
                sb.append("FUNCTION(").append(f.def().name()).append('#').append(f.args().size()).append("):\n");
                for (Expr a : f.args()) {
                    exprTree(sb, a, d + 1);
                }
            } else if (e instanceof Typed.ArithExpr a) {
                sb.append("OP_").append(a.op().name()).append(":\n");
                exprTree(sb, a.left(), d + 1);
                exprTree(sb, a.right(), d + 1);
            } else if (e instanceof Typed.NegExpr n) {
                sb.append("OP_UNARY_MINUS:\n");
                exprTree(sb, n.operand(), d + 1);
            } else { sb.append(expr(e)).append('\n'); }
    }

    /** One-line form of an operand. */
    static String expr(Expr e) {
        if (e instanceof Typed.FieldExpr f) { return "FIELD(" + f.label() + " <" + f.type().name() + ">)"; } else if (e instanceof Typed.RefExpr r) { return "REFERENCE(" + r.field().label() + " <" + r.type().name() + ">)"; } else if (e instanceof Typed.ConstExpr c) { return "FVALUE(" + repr(c.value()) + " <" + c.value().type().name() + ">)"; } else if (e instanceof Typed.SliceExpr s) { return "SLICE(" + expr(s.entity()) + "[" + Ranges.toText(s.ranges()) + "])"; } else if (e instanceof Typed.PcreExpr p) { return "PCRE(" + p.pattern() + ")"; } else if (e instanceof Typed.FuncExpr f) { return "FUNCTION(" + f.def().name() + "#" + f.args().size() + ")"; } else if (e instanceof Typed.ArithExpr a) { return "OP_" + a.op().name(); } else if (e instanceof Typed.NegExpr n) { return "OP_UNARY_MINUS"; } else { throw new IllegalStateException(); }
    }

    static String repr(FValue v) {
        if (v.type() == FieldType.FT_BYTES && v.bytes().length == 1) {
            return v.repr() + ":";
        }
        return v.repr();
    }

    private static String reg(Program p, int o) {
        if (o >= Insn.CONST) {
            FValue v = p.constant(o);
            return repr(v) + " <" + v.type().name() + ">";
        }
        return "R" + o;
    }

    private static String padded(String op, String args) {
        return String.format("%-16s %s", op, args);
    }

    private static String arrow(String left, int dest) {
        return String.format("%-16s -> R%d", left, dest);
    }

    static String insn(Program p, Insn in) {
        String op = in.op.name();
        return switch (in.op) {
            case IF_TRUE_GOTO, IF_FALSE_GOTO -> padded(op, String.valueOf(in.target));
            case CHECK_EXISTS, CHECK_EXISTS_R -> padded(op, in.fieldLabel + " <" + in.type.name() + ">");
            case READ_TREE, READ_TREE_R -> padded(op, in.fieldLabel + " <" + in.type.name() + "> -> R" + in.dest);
            case READ_REFERENCE, READ_REFERENCE_R -> padded(op, "${" + in.fieldLabel + "} <" + in.type.name() + "> -> R" + in.dest);
            case RETURN -> padded(op, in.a == Insn.NONE ? "" : "R" + in.a);
            case NOT, NO_OP, SET_CLEAR, DFVM_NULL -> op;
            case ALL_MATCHES, ANY_MATCHES -> padded(op, reg(p, in.a) + " matches " + in.pattern);
            case SET_ADD, SET_ANY_IN, SET_ALL_IN, SET_ANY_NOT_IN, SET_ALL_NOT_IN, STACK_PUSH, NOT_ALL_ZERO, PUT_FVALUE ->
                    padded(op, reg(p, in.a));
            case SET_ADD_RANGE -> padded(op, reg(p, in.a) + " .. " + reg(p, in.b));
            case SLICE -> padded(op, arrow(reg(p, in.a) + "[" + Ranges.toText(in.ranges) + "]", in.dest));
            case LENGTH -> padded(op, arrow(reg(p, in.a), in.dest));
            case UNARY_MINUS -> padded(op, arrow("-" + reg(p, in.a), in.dest));
            case BITWISE_AND, ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO ->
                    padded(op, arrow(reg(p, in.a) + " " + in.op.symbol() + " " + reg(p, in.b), in.dest));
            case STACK_POP -> padded(op, "[" + in.count + "]");
            case CALL_FUNCTION -> {
                StringBuilder sb = new StringBuilder(in.func.name()).append('(');
                for (int k = 0; k < in.args.length; k++) {
                    if (k > 0) {
                        sb.append(", ");
                    }
                    sb.append(reg(p, in.args[k]));
                }
                sb.append(") <").append(in.func.returnType() == null ? "***" : in.func.returnType().name()).append('>');
                yield padded(op, arrow(sb.toString(), in.dest));
            }
            default -> padded(op, reg(p, in.a) + " " + in.op.symbol() + " " + reg(p, in.b));
        };
    }
}
