package dev.dfq.engine;

import dev.dfq.grammar.ParseResult;
import dev.dfq.grammar.SyntaxError;
import dev.dfq.grammar.ast.Node;
import dev.dfq.grammar.ast.Span;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A minimal recursive-descent parser for the 4.6 filter syntax, used by engine tests until (and
 * where) the grammar module's FilterParser is unavailable. Covers what the goldens use; syntax
 * errors are approximate.
 */
final class TestParser {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "xor", "in", "contains", "matches", "eq", "ne",
            "gt", "ge", "lt", "le", "any", "all", "any_eq", "all_ne", "all_eq", "any_ne", "bitand", "bitwise_and");

    private record Tok(String kind, String text, int start, int end) {
        Span span() {
            return new Span(start, end - start);
        }
    }

    private final String s; // bytes as Latin-1 chars: index == byte offset
    private final List<Tok> toks = new ArrayList<>();
    private int p;

    private TestParser(String text) {
        this.s = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static ParseResult parse(String text, Predicate<String> isField) {
        TestParser tp = new TestParser(text);
        try {
            tp.lex();
            if (tp.toks.size() == 1) {
                return new ParseResult(text, null, null);
            }
            Node n = tp.expr();
            if (!tp.peek().kind.equals("EOF")) {
                Tok t = tp.peek();
                throw new Err("\"" + tp.utf(t.text) + "\" was unexpected in this context.", t.span());
            }
            return new ParseResult(text, n, null);
        } catch (Err e) {
            return new ParseResult(text, null, new SyntaxError(e.getMessage(), e.span));
        }
    }

    private String utf(String latin) {
        return new String(latin.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    static final class Err extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Span span;

        Err(String m, Span span) {
            super(m);
            this.span = span;
        }
    }

    // ------------------------------------------------------------------ lexer

    private void lex() {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            int st = i;
            if (c == '"' || (c == 'r' || c == 'R') && i + 1 < n && s.charAt(i + 1) == '"') {
                boolean raw = c != '"';
                i += raw ? 2 : 1;
                StringBuilder sb = new StringBuilder();
                while (true) {
                    if (i >= n) {
                        throw new Err("The final quote was missing from a quoted string.", new Span(st, 1));
                    }
                    char d = s.charAt(i);
                    if (d == '"') {
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n) {
                        sb.append(d).append(s.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    sb.append(d);
                    i++;
                }
                toks.add(new Tok(raw ? "RSTRING" : "STRING", sb.toString(), st, i));
                continue;
            }
            if (c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '\'') {
                    if (s.charAt(j) == '\\') {
                        j++;
                    }
                    j++;
                }
                toks.add(new Tok("CHAR", s.substring(i, Math.min(j + 1, n)), st, Math.min(j + 1, n)));
                i = j + 1;
                continue;
            }
            if (c == '[') {
                int j = s.indexOf(']', i);
                if (j < 0) {
                    throw new Err("The right bracket was missing from a slice.", null);
                }
                toks.add(new Tok("RANGE", s.substring(i + 1, j), i + 1, j));
                i = j + 1;
                continue;
            }
            String[] ops = {"===", "!==", "==", "!=", ">=", "<=", "&&", "||", "^^", "..", ">", "<", "!", "~", "&", "+",
                "-", "*", "/", "%", "(", ")", "{", "}", ",", "$", "@", "#"};
            String op = null;
            for (String o : ops) {
                if (s.startsWith(o, i)) {
                    op = o;
                    break;
                }
            }
            if (op != null && !(op.equals("-") && false)) {
                if (op.equals("#")) {
                    toks.add(new Tok("#", "#", i, i + 1));
                    i++;
                    if (i < n && Character.isDigit(s.charAt(i))) {
                        int j = i;
                        while (j < n && Character.isDigit(s.charAt(j))) {
                            j++;
                        }
                        toks.add(new Tok("LAYER", s.substring(i, j), i, j));
                        i = j;
                    } else if (i >= n || s.charAt(i) != '[') {
                        throw new Err("Expected digit or \"[\", not \"" + (i < n ? s.charAt(i) : "") + "\"", new Span(i, 1));
                    }
                    continue;
                }
                toks.add(new Tok(op, op, i, i + op.length()));
                i += op.length();
                continue;
            }
            if (isWordChar(c) || c == '.' || c == ':') {
                int j = i;
                while (j < n && (isWordChar(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == ':' || s.charAt(j) == '/'
                        || s.charAt(j) == '-')) {
                    if (s.startsWith("..", j)) {
                        break;
                    }
                    j++;
                }
                String w = s.substring(i, j);
                toks.add(new Tok(KEYWORDS.contains(w) ? w : "WORD", w, i, j));
                i = j;
                continue;
            }
            if (c < 0x20 || c >= 0x7f) {
                throw new Err("Non-printable ASCII characters may only appear inside double-quotes.", new Span(i, 1));
            }
            throw new Err("\"" + c + "\" was unexpected in this context.", new Span(i, 1));
        }
        toks.add(new Tok("EOF", "", n, n));
    }

    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    // ------------------------------------------------------------------ parser

    private Tok peek() {
        return toks.get(p);
    }

    private boolean at(String... kinds) {
        for (String k : kinds) {
            if (peek().kind.equals(k)) {
                return true;
            }
        }
        return false;
    }

    private Tok next() {
        Tok t = toks.get(p);
        if (t.kind.equals("EOF")) {
            throw new Err("Unexpected end of filter expression.", null);
        }
        p++;
        return t;
    }

    private Tok expect(String k) {
        if (!at(k)) {
            if (at("EOF")) {
                throw new Err("Unexpected end of filter expression.", null);
            }
            throw new Err("\"" + utf(peek().text) + "\" was unexpected in this context.", peek().span());
        }
        return next();
    }

    private Node expr() {
        Node l = xor();
        while (at("or", "||")) {
            next();
            Node r = xor();
            l = new Node.Logical(Node.LogicalOp.OR, l, r, l.span().union(r.span()));
        }
        return l;
    }

    private Node xor() {
        Node l = and();
        while (at("xor", "^^")) {
            next();
            Node r = and();
            l = new Node.Logical(Node.LogicalOp.XOR, l, r, l.span().union(r.span()));
        }
        return l;
    }

    private Node and() {
        Node l = not();
        while (at("and", "&&")) {
            next();
            Node r = not();
            l = new Node.Logical(Node.LogicalOp.AND, l, r, l.span().union(r.span()));
        }
        return l;
    }

    private Node not() {
        if (at("not", "!")) {
            Tok t = next();
            Node o = not();
            return new Node.Not(o, t.span().union(o.span()));
        }
        if (at("(")) {
            Tok t = next();
            Node e = expr();
            Tok c = expect(")");
            return e;
        }
        return relation();
    }

    private Node relation() {
        Node.Quantifier q = Node.Quantifier.NONE;
        Tok qt = null;
        if (at("any", "all")) {
            qt = next();
            q = qt.kind.equals("any") ? Node.Quantifier.ANY : Node.Quantifier.ALL;
        }
        Node l = arith();
        Span start = qt != null ? qt.span() : l.span();
        Node.CmpOp op = cmpOp();
        if (op != null) {
            Tok ot = next();
            Node r = arith();
            Node result = new Node.Comparison(q, op, l, r, ot.span(), start.union(r.span()));
            while (cmpOp() != null) {
                Node.CmpOp op2 = cmpOp();
                Tok ot2 = next();
                Node r2 = arith();
                Node c2 = new Node.Comparison(Node.Quantifier.NONE, op2, r, r2, ot2.span(), r.span().union(r2.span()));
                result = new Node.Logical(Node.LogicalOp.AND, result, c2, result.span().union(c2.span()));
                r = r2;
            }
            return result;
        }
        if (at("contains")) {
            Tok ot = next();
            Node r = arith();
            return new Node.Contains(q, l, r, ot.span(), start.union(r.span()));
        }
        if (at("matches", "~")) {
            Tok ot = next();
            Node r = arith();
            return new Node.Matches(q, l, r, ot.span(), start.union(r.span()));
        }
        boolean neg = false;
        if ((at("not", "!")) && toks.get(p + 1).kind.equals("in")) {
            next();
            neg = true;
        }
        if (at("in")) {
            next();
            Tok lb = expect("{");
            List<Node.SetElement> elems = new ArrayList<>();
            while (true) {
                Node lo = arith();
                Node hi = null;
                if (at("..")) {
                    next();
                    hi = arith();
                }
                elems.add(new Node.SetElement(lo, hi, hi == null ? lo.span() : lo.span().union(hi.span())));
                if (at(",")) {
                    next();
                    continue;
                }
                break;
            }
            Tok rb = expect("}");
            Node.SetLiteral set = new Node.SetLiteral(elems, lb.span().union(rb.span()));
            return new Node.Membership(q, neg, l, set, start.union(rb.span()));
        }
        if (qt != null) {
            throw new Err("\"" + utf(peek().text) + "\" was unexpected in this context.", peek().span());
        }
        return l;
    }

    private Node.CmpOp cmpOp() {
        return switch (peek().kind) {
            case "==", "eq", "any_eq" -> Node.CmpOp.ANY_EQ;
            case "!=", "ne", "all_ne" -> Node.CmpOp.ALL_NE;
            case "===", "all_eq" -> Node.CmpOp.ALL_EQ;
            case "!==", "any_ne" -> Node.CmpOp.ANY_NE;
            case ">", "gt" -> Node.CmpOp.GT;
            case ">=", "ge" -> Node.CmpOp.GE;
            case "<", "lt" -> Node.CmpOp.LT;
            case "<=", "le" -> Node.CmpOp.LE;
            default -> null;
        };
    }

    private Node arith() {
        Node l = add();
        while (at("&", "bitand", "bitwise_and")) {
            Tok t = next();
            Node r = add();
            l = new Node.Arithmetic(Node.ArithOp.BITWISE_AND, l, r, t.span(), l.span().union(r.span()));
        }
        return l;
    }

    private Node add() {
        Node l = mul();
        while (at("+", "-")) {
            Tok t = next();
            Node r = mul();
            l = new Node.Arithmetic(t.kind.equals("+") ? Node.ArithOp.ADD : Node.ArithOp.SUBTRACT, l, r, t.span(),
                    l.span().union(r.span()));
        }
        return l;
    }

    private Node mul() {
        Node l = unary();
        while (at("*", "/", "%")) {
            Tok t = next();
            Node r = unary();
            Node.ArithOp op = t.kind.equals("*") ? Node.ArithOp.MULTIPLY : t.kind.equals("/") ? Node.ArithOp.DIVIDE
                    : Node.ArithOp.MODULO;
            l = new Node.Arithmetic(op, l, r, t.span(), l.span().union(r.span()));
        }
        return l;
    }

    private Node unary() {
        if (at("-")) {
            Tok t = next();
            Node o = unary();
            return new Node.Negate(o, t.span().union(o.span()));
        }
        if (at("+")) {
            next();
            return unary();
        }
        return postfix();
    }

    private Node postfix() {
        Node e = atom();
        while (at("RANGE")) {
            Tok r = next();
            List<Node.RangeNode> ranges = ranges(r);
            e = new Node.Slice(e, ranges, new Span(r.start, r.end - r.start), e.span().union(new Span(r.start, r.end - r.start + 1)));
        }
        return e;
    }

    private List<Node.RangeNode> ranges(Tok r) {
        List<Node.RangeNode> out = new ArrayList<>();
        int off = r.start;
        for (String part : r.text.split(",", -1)) {
            String t = part.trim();
            int lead = part.indexOf(t.isEmpty() ? " " : t.substring(0, 1));
            Span sp = new Span(off + Math.max(0, lead), t.length());
            out.add(range(t, sp));
            off += part.length() + 1;
        }
        return out;
    }

    private static Node.RangeNode range(String t, Span sp) {
        int colon = t.indexOf(':');
        if (colon >= 0) {
            String a = t.substring(0, colon).trim();
            String b = t.substring(colon + 1).trim();
            long start = a.isEmpty() ? 0 : num(a, sp);
            if (b.isEmpty()) {
                return new Node.RangeNode(Node.RangeKind.TO_END, start, 0, sp);
            }
            return new Node.RangeNode(Node.RangeKind.START_LENGTH, start, num(b, sp), sp);
        }
        int dash = t.indexOf('-', 1);
        if (dash > 0) {
            return new Node.RangeNode(Node.RangeKind.START_END, num(t.substring(0, dash), sp), num(t.substring(dash + 1), sp), sp);
        }
        return new Node.RangeNode(Node.RangeKind.SINGLE, num(t, sp), 1, sp);
    }

    private static long num(String s, Span sp) {
        try {
            return Long.decode(s.trim());
        } catch (NumberFormatException e) {
            throw new Err("\"" + s + "\" is not a valid number.", sp);
        }
    }

    private Node atom() {
        Tok t = peek();
        switch (t.kind) {
            case "{": {
                next();
                Node a = arith();
                expect("}");
                return a;
            }
            case "STRING":
            case "RSTRING": {
                next();
                byte[] v = t.kind.equals("RSTRING") ? t.text.getBytes(StandardCharsets.ISO_8859_1) : unescape(t);
                return new Node.StringLit(v, t.kind.equals("RSTRING"), utf(s.substring(t.start, t.end)), t.span());
            }
            case "CHAR": {
                next();
                return new Node.CharLit(charValue(t), utf(t.text), t.span());
            }
            case "$": {
                next();
                boolean brace = at("{");
                if (brace) {
                    next();
                }
                boolean raw = at("@");
                if (raw) {
                    next();
                }
                Node.Field f = fieldRef();
                if (raw) {
                    f = new Node.Field(f.name(), f.layer(), true, f.nameSpan(), f.span());
                }
                Tok end = brace ? expect("}") : null;
                return new Node.Reference(f, t.span().union(end != null ? end.span() : f.span()));
            }
            case "@": {
                next();
                Node.Field f = fieldRef();
                return new Node.Field(f.name(), f.layer(), true, f.nameSpan(), t.span().union(f.span()));
            }
            case "WORD": {
                next();
                if (at("(")) {
                    next();
                    List<Node> args = new ArrayList<>();
                    if (!at(")")) {
                        args.add(arith());
                        while (at(",")) {
                            next();
                            args.add(arith());
                        }
                    }
                    Tok c = expect(")");
                    return new Node.FunctionCall(t.text, args, t.span(), t.span().union(c.span()));
                }
                if (at("#")) {
                    p--;
                    return fieldRef();
                }
                String w = t.text;
                if (w.startsWith(".")) {
                    return new Node.Field(w.substring(1), null, false, new Span(t.start + 1, w.length() - 1), t.span());
                }
                if (w.startsWith(":") && !w.startsWith("::")) {
                    return new Node.Identifier(w.substring(1), Node.WordKind.LITERAL, t.span());
                }
                if (isNumber(w)) {
                    return new Node.NumberLit(w, t.span());
                }
                boolean ident = w.matches("[A-Za-z0-9_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");
                return new Node.Identifier(w, ident ? Node.WordKind.IDENTIFIER : Node.WordKind.UNPARSED, t.span());
            }
            default:
                if (t.kind.equals("EOF")) {
                    throw new Err("Unexpected end of filter expression.", null);
                }
                throw new Err("\"" + utf(t.text) + "\" was unexpected in this context.", t.span());
        }
    }

    private Node.Field fieldRef() {
        Tok t = expect("WORD");
        String name = t.text.startsWith(".") ? t.text.substring(1) : t.text;
        Node.Layer layer = null;
        Span span = t.span();
        if (at("#")) {
            Tok h = next();
            if (at("LAYER")) {
                Tok l = next();
                Span ls = l.span();
                layer = new Node.Layer(List.of(new Node.RangeNode(Node.RangeKind.SINGLE, Long.parseLong(l.text), 1, ls)),
                        h.span().union(ls));
            } else {
                Tok r = expect("RANGE");
                layer = new Node.Layer(ranges(r), h.span().union(new Span(r.start, r.end - r.start + 1)));
            }
            span = span.union(layer.span());
        }
        return new Node.Field(name, layer, false, t.span(), span);
    }

    private static boolean isNumber(String w) {
        if (w.matches("[0-9]+") && !(w.length() > 1 && w.startsWith("0") && !w.matches("0[0-7]+"))) {
            return true;
        }
        if (w.matches("0[xX][0-9a-fA-F]+|0[bB][01]+")) {
            return true;
        }
        return w.matches("[0-9]+\\.[0-9]+([eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+|0[xX][0-9a-fA-F]*\\.?[0-9a-fA-F]*[pP][-+]?[0-9]+");
    }

    private byte[] unescape(Tok t) {
        String x = t.text;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < x.length(); i++) {
            char c = x.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char d = x.charAt(++i);
            switch (d) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'v' -> out.write(11);
                case '\\', '"', '\'' -> out.write(d);
                case 'x' -> {
                    int j = i + 1;
                    int v = 0;
                    while (j < x.length() && j < i + 3 && Character.digit(x.charAt(j), 16) >= 0) {
                        v = v * 16 + Character.digit(x.charAt(j), 16);
                        j++;
                    }
                    out.write(v);
                    i = j - 1;
                }
                default -> {
                    if (d >= '0' && d <= '7') {
                        int j = i;
                        int v = 0;
                        while (j < x.length() && j < i + 3 && x.charAt(j) >= '0' && x.charAt(j) <= '7') {
                            v = v * 8 + (x.charAt(j) - '0');
                            j++;
                        }
                        out.write(v);
                        i = j - 1;
                    } else {
                        throw new Err("\\" + d + " is not a valid character escape sequence", new Span(t.start + 1 + i - 1, 2));
                    }
                }
            }
        }
        return out.toByteArray();
    }

    private long charValue(Tok t) {
        String x = utf(t.text);
        String body = x.substring(1, x.length() - 1);
        if (body.isEmpty()) {
            throw new Err("Empty character constant.", t.span());
        }
        if (body.startsWith("\\")) {
            char d = body.charAt(1);
            if (body.length() == 2) {
                return switch (d) {
                    case 't' -> 9;
                    case 'r' -> 13;
                    case '\\', '\'', '"' -> d;
                    case '0' -> 0;
                    default -> throw new Err(x + " is too long to be a valid character constant.", t.span());
                };
            }
            if (d == 'x') {
                return Long.parseLong(body.substring(2), 16);
            }
            return Long.parseLong(body.substring(1), 8);
        }
        if (body.codePointCount(0, body.length()) != 1) {
            throw new Err(x + " is too long to be a valid character constant.", t.span());
        }
        return body.codePointAt(0);
    }
}
