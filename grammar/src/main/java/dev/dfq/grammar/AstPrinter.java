package dev.dfq.grammar;

import dev.dfq.grammar.ast.Node;
import java.nio.charset.StandardCharsets;

/** A deterministic, indented text form of the AST (for goldens and debugging). */
public final class AstPrinter {
    private AstPrinter() {
    }

    public static String print(Node root) {
        StringBuilder sb = new StringBuilder();
        if (root == null) {
            return "(empty)\n";
        }
        print(root, 0, sb);
        return sb.toString();
    }

    private static void print(Node n, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth));
        if (n instanceof Node.Logical l) {
            sb.append(l.op()).append(' ').append(l.span()).append('\n');
            print(l.left(), depth + 1, sb);
            print(l.right(), depth + 1, sb);
        } else if (n instanceof Node.Not x) {
            sb.append("NOT ").append(x.span()).append('\n');
            print(x.operand(), depth + 1, sb);
        } else if (n instanceof Node.Comparison c) {
            sb.append(q(c.quantifier())).append(c.op()).append(' ').append(c.span()).append('\n');
            print(c.left(), depth + 1, sb);
            print(c.right(), depth + 1, sb);
        } else if (n instanceof Node.Contains c) {
            sb.append(q(c.quantifier())).append("CONTAINS ").append(c.span()).append('\n');
            print(c.left(), depth + 1, sb);
            print(c.right(), depth + 1, sb);
        } else if (n instanceof Node.Matches m) {
            sb.append(q(m.quantifier())).append("MATCHES ").append(m.span()).append('\n');
            print(m.left(), depth + 1, sb);
            print(m.right(), depth + 1, sb);
        } else if (n instanceof Node.Membership m) {
            sb.append(q(m.quantifier())).append(m.negated() ? "NOT_IN " : "IN ").append(m.span()).append('\n');
            print(m.left(), depth + 1, sb);
            print(m.set(), depth + 1, sb);
        } else if (n instanceof Node.SetLiteral s) {
            sb.append("SET ").append(s.span()).append('\n');
            for (Node.SetElement e : s.elements()) {
                print(e.low(), depth + 1, sb);
                if (e.high() != null) {
                    sb.append("  ".repeat(depth + 1)).append("..\n");
                    print(e.high(), depth + 1, sb);
                }
            }
        } else if (n instanceof Node.Arithmetic a) {
            sb.append(a.op()).append(' ').append(a.span()).append('\n');
            print(a.left(), depth + 1, sb);
            print(a.right(), depth + 1, sb);
        } else if (n instanceof Node.Negate x) {
            sb.append("NEGATE ").append(x.span()).append('\n');
            print(x.operand(), depth + 1, sb);
        } else if (n instanceof Node.Identifier id) {
            sb.append(id.kind()).append('(').append(id.text()).append(") ").append(id.span()).append('\n');
        } else if (n instanceof Node.Field f) {
            sb.append("FIELD(").append(f.raw() ? "@" : "").append(f.name())
                .append(f.layer() == null ? "" : "#" + ranges(f.layer().ranges())).append(") ").append(f.span()).append('\n');
        } else if (n instanceof Node.NumberLit num) {
            sb.append("NUMBER(").append(num.text()).append(") ").append(num.span()).append('\n');
        } else if (n instanceof Node.StringLit s) {
            sb.append("STRING(").append(s.raw() ? "r" : "").append(hex(s.value())).append(") ")
                .append(s.span()).append('\n');
        } else if (n instanceof Node.CharLit c) {
            sb.append("CHAR(").append(c.value()).append(") ").append(c.span()).append('\n');
        } else if (n instanceof Node.Reference r) {
            sb.append("REFERENCE ").append(r.span()).append('\n');
            print(r.field(), depth + 1, sb);
        } else if (n instanceof Node.Slice s) {
            sb.append("SLICE").append(ranges(s.ranges())).append(' ').append(s.span()).append('\n');
            print(s.entity(), depth + 1, sb);
        } else if (n instanceof Node.FunctionCall f) {
            sb.append("CALL ").append(f.name()).append('#').append(f.args().size()).append(' ').append(f.span()).append('\n');
            for (Node a : f.args()) {
                print(a, depth + 1, sb);
            }
        }
    }

    private static String q(Node.Quantifier q) {
        return q == Node.Quantifier.NONE ? "" : q + " ";
    }

    private static String ranges(java.util.List<Node.RangeNode> ranges) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ranges.size(); i++) {
            Node.RangeNode r = ranges.get(i);
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

    private static String hex(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        boolean printable = s.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"');
        if (printable) {
            return '"' + s + '"';
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            sb.append(i == 0 ? "" : ":").append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }
}
