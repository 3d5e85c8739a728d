package dev.dfq.grammar;

import dev.dfq.grammar.ast.Node.RangeKind;
import dev.dfq.grammar.ast.Node.RangeNode;
import dev.dfq.grammar.ast.Span;

/**
 * Parses one slice or layer range as Wireshark's drange does: {@code i:j} (start, length),
 * {@code i-j} (start, inclusive end; the end must be greater than the start), {@code i},
 * {@code :j}, {@code i:}. Offsets may be negative.
 */
final class Ranges {
    private Ranges() {
    }

    static RangeNode parse(String raw, Span span) {
        String text = raw.strip();
        int colon = text.indexOf(':');
        if (colon >= 0) {
            String a = text.substring(0, colon).strip();
            String b = text.substring(colon + 1).strip();
            long start = a.isEmpty() ? 0 : number(a, span);
            if (b.isEmpty()) {
                return new RangeNode(RangeKind.TO_END, start, 0, span);
            }
            return new RangeNode(RangeKind.START_LENGTH, start, number(b, span), span);
        }
        // A '-' after the first character separates start and end ("1-2", "-3-2").
        int dash = text.indexOf('-', 1);
        if (dash > 0) {
            long start = number(text.substring(0, dash).strip(), span);
            long end = number(text.substring(dash + 1).strip(), span);
            if (start >= end) {
                throw new FilterSyntaxException("Range " + text + " isn't valid because " + start
                        + " is greater or equal than " + end, span);
            }
            return new RangeNode(RangeKind.START_END, start, end, span);
        }
        return new RangeNode(RangeKind.SINGLE, number(text, span), 1, span);
    }

    private static long number(String s, Span span) {
        try {
            if (s.isEmpty() || !s.matches("[+-]?[0-9]+")) {
                throw new NumberFormatException(s);
            }
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            throw new FilterSyntaxException("\"" + s + "\" is not a valid number.", span);
        }
    }
}
