package dev.dfq.engine.compile;

import dev.dfq.engine.compile.Typed.Entity;
import dev.dfq.engine.vm.Insn;
import dev.dfq.engine.vm.Operand;
import dev.dfq.engine.vm.Program;
import dev.dfq.engine.vm.ValueText;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Prints a compiled filter exactly as Wireshark 4.6.9's dftest does. */
final class Dftest {
    /** Functions whose result type follows their arguments: dftest prints it as "***". */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("max", "min", "abs");

    private Dftest() {
    }

    static String print(String text, Typed tree, Program program, List<String> warnings) {
        StringBuilder sb = new StringBuilder();
        sb.append("Filter:\n ").append(text).append("\n\n");
        sb.append("Syntax tree:\n");
        tree(tree, 0, sb);
        sb.append('\n');
        Set<String> refs = new LinkedHashSet<>();
        Set<String> rawRefs = new LinkedHashSet<>();
        for (Insn i : program.code()) {
            if (i.op.name().startsWith("READ_REFERENCE")) {
                String name = referenceName(i);
                (i.read.raw() ? rawRefs : refs).add(name);
            }
        }
        section(sb, "References:", refs);
        section(sb, "Raw references:", rawRefs);
        sb.append("Instructions:\n");
        List<Insn> code = program.code();
        for (int k = 0; k < code.size(); k++) {
            sb.append(String.format(" %04d ", k)).append(instruction(code.get(k))).append('\n');
        }
        sb.append("Return Type: <").append(program.returnType().name()).append(">\n\n");
        for (String w : warnings) {
            sb.append(w).append('\n');
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, Set<String> names) {
        if (names.isEmpty()) {
            sb.append(title).append(" (none)\n\n");
            return;
        }
        sb.append(title).append('\n');
        for (String n : names) {
            sb.append(' ').append(n).append(" = {}\n");
        }
        sb.append('\n');
    }

    private static String referenceName(Insn i) {
        return "${" + (i.read.raw() ? "@" : "") + i.read.def().abbrev() + "}";
    }

    private static void line(StringBuilder sb, int depth, String text) {
        sb.append(" ".repeat(2 * depth + 1)).append(depth).append(' ').append(text).append('\n');
    }

    private static void tree(Typed t, int depth, StringBuilder sb) {
        if (t instanceof Typed.And a) {
            line(sb, depth, "TEST_AND:");
            tree(a.left(), depth + 1, sb);
            tree(a.right(), depth + 1, sb);
        } else if (t instanceof Typed.Or o) {
            line(sb, depth, "TEST_OR:");
            tree(o.left(), depth + 1, sb);
            tree(o.right(), depth + 1, sb);
        } else if (t instanceof Typed.Not n) {
            line(sb, depth, "TEST_NOT:");
            tree(n.operand(), depth + 1, sb);
        } else if (t instanceof Typed.Exists e) {
            line(sb, depth, "FIELD(" + e.read().display() + ")");
        } else if (t instanceof Typed.Truth tr) {
            entity(tr.entity(), depth, sb);
        } else if (t instanceof Typed.Compare c) {
            line(sb, depth, c.quantifier() + c.testName() + ":");
            entity(c.left(), depth + 1, sb);
            if (c.matcher() != null) {
                line(sb, depth + 1, "PCRE(" + c.matcher().source().replace("\\", "\\\\").replace("\"", "\\\"") + ")");
            } else {
                entity(c.right(), depth + 1, sb);
            }
        } else if (t instanceof Typed.In in) {
            line(sb, depth, in.quantifier() + in.testName() + ":");
            entity(in.left(), depth + 1, sb);
            line(sb, depth + 1, "SET(#" + in.elements().size() + "):");
            for (Typed.SetElement e : in.elements()) {
                String s = inline(e.low()) + (e.high() == null ? "" : " .. " + inline(e.high()));
                line(sb, depth + 2, s);
            }
        } else if (t instanceof Entity e) {
            entity(e, depth, sb);
        }
    }

    private static void entity(Entity e, int depth, StringBuilder sb) {
        if (e instanceof Typed.Function f) {
            line(sb, depth, "FUNCTION(" + (f.def() == null ? "vals" : f.def().name()) + "#" + f.args().size() + "):");
            for (Entity a : f.args()) {
                entity(a, depth + 1, sb);
            }
        } else if (e instanceof Typed.Arith a) {
            line(sb, depth, a.name() + ":");
            entity(a.left(), depth + 1, sb);
            entity(a.right(), depth + 1, sb);
        } else if (e instanceof Typed.Negate n) {
            line(sb, depth, "OP_UNARY_MINUS:");
            entity(n.operand(), depth + 1, sb);
        } else {
            line(sb, depth, inline(e));
        }
    }

    private static String inline(Entity e) {
        if (e instanceof Typed.Field f) {
            return "FIELD(" + f.read().display() + ")";
        }
        if (e instanceof Typed.Reference r) {
            return "REFERENCE(" + r.read().display() + ")";
        }
        if (e instanceof Typed.Const c) {
            return "FVALUE(" + ValueText.dftestRepr(c.value(), 0) + " <" + c.type().name() + ">)";
        }
        if (e instanceof Typed.Slice s) {
            return "SLICE(" + inline(s.entity()) + s.rangeText() + ")";
        }
        if (e instanceof Typed.Function f) {
            return "FUNCTION(" + (f.def() == null ? "vals" : f.def().name()) + "#" + f.args().size() + ")";
        }
        if (e instanceof Typed.Arith a) {
            return a.name();
        }
        if (e instanceof Typed.Negate) {
            return "OP_UNARY_MINUS";
        }
        return e.type().name();
    }

    private static String instruction(Insn i) {
        String name = i.op.name();
        String args = switch (i.op) {
            case IF_TRUE_GOTO, IF_FALSE_GOTO -> Integer.toString(i.target);
            case CHECK_EXISTS, CHECK_EXISTS_R -> i.read.display();
            case READ_TREE, READ_TREE_R -> pad(i.read.display()) + " -> R" + i.dst;
            case READ_REFERENCE, READ_REFERENCE_R -> pad("${" + i.read.display().replace(" <", "} <")) + " -> R" + i.dst;
            case ANY_EQ, ALL_EQ -> i.a + (i.op.name().startsWith("ALL") ? " === " : " == ") + i.b;
            case ANY_NE, ALL_NE -> i.a + (i.op.name().startsWith("ALL") ? " != " : " !== ") + i.b;
            case ANY_GT, ALL_GT -> i.a + " > " + i.b;
            case ANY_GE, ALL_GE -> i.a + " >= " + i.b;
            case ANY_LT, ALL_LT -> i.a + " < " + i.b;
            case ANY_LE, ALL_LE -> i.a + " <= " + i.b;
            case ANY_CONTAINS, ALL_CONTAINS -> i.a + " contains " + i.b;
            case ANY_MATCHES, ALL_MATCHES -> i.a + " matches " + i.matcher.source().replace("\\", "\\\\").replace("\"", "\\\"");
            case SET_ADD, SET_ANY_IN, SET_ALL_IN, SET_ANY_NOT_IN, SET_ALL_NOT_IN, NOT_ALL_ZERO, STACK_PUSH -> String.valueOf(i.a);
            case SET_ADD_RANGE -> i.a + " .. " + i.b;
            case SLICE -> pad(i.a + i.rangeText) + " -> R" + i.dst;
            case LENGTH -> pad(String.valueOf(i.a)) + " -> R" + i.dst;
            case UNARY_MINUS -> pad("-" + i.a) + " -> R" + i.dst;
            case BITWISE_AND -> pad(i.a + " & " + i.b) + " -> R" + i.dst;
            case ADD -> pad(i.a + " + " + i.b) + " -> R" + i.dst;
            case SUBTRACT -> pad(i.a + " - " + i.b) + " -> R" + i.dst;
            case MULTIPLY -> pad(i.a + " * " + i.b) + " -> R" + i.dst;
            case DIVIDE -> pad(i.a + " / " + i.b) + " -> R" + i.dst;
            case MODULO -> pad(i.a + " % " + i.b) + " -> R" + i.dst;
            case CALL_FUNCTION -> pad(i.function.name() + "(" + String.join(", ", i.args.stream().map(Operand::toString).toList())
                    + ") <" + (GENERIC.contains(i.function.name()) ? "***" : i.resultType.name()) + ">") + " -> R" + i.dst;
            case STACK_POP -> "[" + i.count + "]";
            case RETURN -> i.a == null ? "" : i.a.toString();
            default -> null;
        };
        if (args == null) {
            return name;
        }
        return pad(name) + " " + args;
    }

    private static String pad(String s) {
        return s.length() >= 16 ? s : s + " ".repeat(16 - s.length());
    }
}
