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
        Cursor c = new Cursor(text, span);
        long start;
        if (c.peek() == ':') {
            start = 0;
        } else {
            start = c.integer(true);
        }
        if (c.done()) {
            return new RangeNode(RangeKind.SINGLE, start, 1, span);
        }
        char sep = c.next();
        if (sep == ':') {
            if (c.done()) {
                return new RangeNode(RangeKind.TO_END, start, 0, span);
            }
            long length = c.integer(false);
            if (!c.done()) {
                throw c.invalidRange();
            }
            if (length <= 0) {
                throw new FilterSyntaxException("Range " + text + " isn't valid because length " + length
                        + " isn't positive", span);
            }
            return new RangeNode(RangeKind.START_LENGTH, start, length, span);
        }
        if (sep == '-') {
            if (c.done()) {
                throw c.invalidRange();
            }
            long end = c.integer(false);
            if (!c.done()) {
                throw c.invalidRange();
            }
            if ((start < 0) != (end < 0)) {
                // 4.6.9 checks the signs first: "5--3" is about signs, not order
                throw new FilterSyntaxException("Range " + text + " isn't valid because " + start + " and " + end
                        + " have different signs", span);
            }
            if (start >= end) {
                throw new FilterSyntaxException("Range " + text + " isn't valid because " + start
                        + " is greater or equal than " + end, span);
            }
            return new RangeNode(RangeKind.START_END, start, end, span);
        }
        throw c.invalidRange();
    }

    /** Reads a range text the way strtol does: a number, then what follows it. */
    private static final class Cursor {
        private final String text;
        private final Span span;
        private int pos;

        Cursor(String text, Span span) {
            this.text = text;
            this.span = span;
        }

        boolean done() {
            return pos >= text.length();
        }

        char peek() {
            return done() ? 0 : text.charAt(pos);
        }

        char next() {
            char c = text.charAt(pos++);
            skipSpaces();
            return c;
        }

        /** Spaces may stand around the separator: "1 - 2" is "1-2". */
        void skipSpaces() {
            while (!done() && text.charAt(pos) == ' ') {
                pos++;
            }
        }

        long integer(boolean first) {
            int from = pos;
            if (!done() && (peek() == '-' || peek() == '+')) {
                pos++;
            }
            int digits = pos;
            while (!done() && Character.isDigit(peek())) {
                pos++;
            }
            if (pos == digits) {
                if (first) {
                    throw new FilterSyntaxException("\"" + text + "\" is not a valid number.", span);
                }
                throw invalidRange();
            }
            String n = text.substring(from, pos);
            long v;
            try {
                v = Long.parseLong(n.startsWith("+") ? n.substring(1) : n);
            } catch (NumberFormatException e) {
                v = Long.MAX_VALUE;
            }
            if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw new FilterSyntaxException("\"" + n + "\" causes an integer overflow.", span);
            }
            if (first) {
                skipSpaces();
            }
            if (first && !done() && peek() != ':' && peek() != '-') {
                throw invalidRange();
            }
            return v;
        }

        FilterSyntaxException invalidRange() {
            return new FilterSyntaxException("\"" + text + "\" is not a valid range.", span);
        }
    }
}
