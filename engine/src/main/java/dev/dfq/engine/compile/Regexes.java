package dev.dfq.engine.compile;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.dfq.engine.compile.Typed.PcreExpr;
import dev.dfq.grammar.ast.Node;

/**
 * {@code matches} patterns: RE2/J with CASE_INSENSITIVE over bytes mapped 1:1 to Latin-1 chars
 * (PCRE2's NEVER_UTF byte semantics). Constructs only a backtracking engine has are refused with
 * "unsupported regex feature: ...".
 */
public final class Regexes {
    private Regexes() {
    }

    /** Pattern text as RE2/J sees it: each byte of the UTF-8 pattern becomes one Latin-1 char. */
    public static String latin1(byte[] b) {
        char[] c = new char[b.length];
        for (int i = 0; i < b.length; i++) {
            c[i] = (char) (b[i] & 0xff);
        }
        return new String(c);
    }

    static PcreExpr compile(Node.StringLit s, String source) throws CheckException {
        String p = latin1(s.value());
        String unsupported = unsupported(p);
        if (unsupported != null) {
            throw new CheckException("unsupported regex feature: " + unsupported, s.span());
        }
        if (p.contains("(*UTF")) {
            throw new CheckException("Regex compilation error: using UTF is disabled by the application.", s.span());
        }
        try {
            Pattern re = Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.DOTALL * 0);
            return new PcreExpr(new String(s.value(), java.nio.charset.StandardCharsets.UTF_8), re, s.span());
        } catch (PatternSyntaxException e) {
            throw new CheckException("Regex compilation error: " + pcreMessage(e) + ".", s.span());
        }
    }

    private static String unsupported(String p) {
        boolean inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                char n = p.charAt(i + 1);
                if (!inClass && n >= '1' && n <= '9') {
                    return "backreference \\" + n;
                }
                if (!inClass && (n == 'g' || n == 'k')) {
                    return "backreference \\" + n;
                }
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
                continue;
            }
            if (c == '[') {
                inClass = true;
                if (i + 1 < p.length() && p.charAt(i + 1) == ']') {
                    i++;
                }
                continue;
            }
            if (c == '(' && p.startsWith("(?=", i)) {
                return "lookahead (?=";
            }
            if (c == '(' && p.startsWith("(?!", i)) {
                return "negative lookahead (?!";
            }
            if (c == '(' && p.startsWith("(?<=", i)) {
                return "lookbehind (?<=";
            }
            if (c == '(' && p.startsWith("(?<!", i)) {
                return "negative lookbehind (?<!";
            }
            if (c == '(' && p.startsWith("(?>", i)) {
                return "atomic group (?>";
            }
            if (c == '(' && (p.startsWith("(?R)", i) || p.startsWith("(?0)", i) || p.matches("(?s).{" + i + "}\\(\\?[+-]?[0-9].*")
                    || p.startsWith("(?&", i) || p.startsWith("(?P>", i))) {
                return "recursion";
            }
            if ((c == '+') && i > 0 && "*+?}".indexOf(p.charAt(i - 1)) >= 0 && !(i > 1 && p.charAt(i - 2) == '\\')) {
                return "possessive quantifier " + p.charAt(i - 1) + "+";
            }
        }
        return null;
    }

    private static String pcreMessage(PatternSyntaxException e) {
        String d = e.getDescription();
        if (d.contains("missing closing )")) {
            return "missing closing parenthesis";
        }
        if (d.contains("unexpected )") || d.contains("internal error")) {
            return "unmatched closing parenthesis";
        }
        if (d.contains("missing closing ]")) {
            return "missing terminating ] for character class";
        }
        if (d.contains("missing argument to repetition operator")) {
            return "quantifier does not follow a repeatable item";
        }
        if (d.contains("trailing backslash")) {
            return "\\ at end of pattern";
        }
        if (d.contains("invalid character class range")) {
            return "range out of order in character class";
        }
        if (d.contains("invalid repeat count") || d.contains("bad repetition operator")) {
            return "number too big in {} quantifier";
        }
        return d;
    }
}
