package dev.dfq.grammar;

import dev.dfq.grammar.ast.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Display-filter macro expansion, done on the text before it is lexed, as Wireshark's
 * dfilter_macro_apply: {@code $name(a, b)}, {@code ${name:a;b}}, {@code ${name;a;b}},
 * {@code ${name}}. A {@code ${...}} or {@code $...} naming a registered field is a field
 * reference and is left alone. Macro errors have no location, as in Wireshark.
 */
final class MacroExpander {
    private static final int MAX_ROUNDS = 32;
    private final Macros macros;
    private final Predicate<String> isField;

    MacroExpander(Macros macros, Predicate<String> isField) {
        this.macros = macros;
        this.isField = isField;
    }

    String expand(String text) {
        String current = text;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String next = expandOnce(current);
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        throw error("macro expansion does not terminate (a macro refers to itself)");
    }

    private String expandOnce(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                int end = skipString(s, i);
                out.append(s, i, end);
                i = end;
            } else if (c == '$') {
                i = dollar(s, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int skipString(String s, int start) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return s.length();
    }

    /** Handles one '$' at {@code i}; appends to out; returns the index after what was consumed. */
    private int dollar(String s, int i, StringBuilder out) {
        if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
            int close = s.indexOf('}', i + 2);
            if (close > 0 && isFieldReference(s.substring(i + 2, close))) {
                out.append(s, i, close + 1);
                return close + 1;
            }
            return braced(s, i, out);
        }
        int j = i + 1;
        while (j < s.length() && isNameChar(s.charAt(j))) {
            j++;
        }
        if (j > i + 1 && j < s.length() && s.charAt(j) == '(') {
            String name = s.substring(i + 1, j);
            int close = s.indexOf(')', j + 1);
            if (close < 0) {
                throw error("end of filter in the middle of a macro expression");
            }
            List<String> args = splitArgs(s.substring(j + 1, close), ',');
            out.append(apply(name, args));
            return close + 1;
        }
        out.append('$');
        return i + 1;
    }

    private boolean isFieldReference(String inside) {
        String name = inside.startsWith("@") ? inside.substring(1) : inside;
        int hash = name.indexOf('#');
        if (hash >= 0) {
            name = name.substring(0, hash);
        }
        return !name.isEmpty() && isField.test(name);
    }

    private int braced(String s, int i, StringBuilder out) {
        int j = i + 2;
        while (j < s.length() && isNameChar(s.charAt(j))) {
            j++;
        }
        if (j >= s.length()) {
            throw error("end of filter in the middle of a macro expression");
        }
        char stop = s.charAt(j);
        String name = s.substring(i + 2, j);
        if (stop == '}') {
            out.append(apply(name, List.of()));
            return j + 1;
        }
        if (stop != ':' && stop != ';') {
            throw error("invalid character in macro name");
        }
        int close = s.indexOf('}', j + 1);
        if (close < 0) {
            throw error("end of filter in the middle of a macro expression");
        }
        String argText = s.substring(j + 1, close);
        out.append(apply(name, argText.isEmpty() ? List.of() : splitArgs(argText, ';')));
        return close + 1;
    }

    private static List<String> splitArgs(String text, char sep) {
        List<String> args = new ArrayList<>();
        if (text.isBlank()) {
            return args;
        }
        int start = 0;
        for (int k = 0; k <= text.length(); k++) {
            if (k == text.length() || text.charAt(k) == sep) {
                args.add(text.substring(start, k).strip());
                start = k + 1;
            }
        }
        return args;
    }

    private String apply(String name, List<String> args) {
        String body = macros.body(name);
        if (body == null) {
            throw error("macro '" + name + "' does not exist");
        }
        for (String a : args) {
            if (a.isEmpty()) {
                throw error("null argument in macro expression");
            }
        }
        int expected = maxArgument(body);
        if (expected != args.size()) {
            throw error("wrong number of arguments for macro '" + name + "', expecting " + expected
                    + " instead of " + args.size());
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == '$' && k + 1 < body.length() && Character.isDigit(body.charAt(k + 1))) {
                int e = k + 1;
                while (e < body.length() && Character.isDigit(body.charAt(e))) {
                    e++;
                }
                int n = Integer.parseInt(body.substring(k + 1, e));
                out.append(args.get(n - 1));
                k = e - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int maxArgument(String body) {
        int max = 0;
        for (int k = 0; k < body.length() - 1; k++) {
            if (body.charAt(k) == '$' && Character.isDigit(body.charAt(k + 1))) {
                int e = k + 1;
                while (e < body.length() && Character.isDigit(body.charAt(e))) {
                    e++;
                }
                max = Math.max(max, Integer.parseInt(body.substring(k + 1, e)));
            }
        }
        return max;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static FilterSyntaxException error(String message) {
        return new FilterSyntaxException(message, (Span) null);
    }
}
