package dev.dfq.engine.query;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A streaming JSON writer that lays tokens out as Wireshark's json_dumper does, so that tshark's
 * {@code -T json} (pretty: a newline and two spaces per depth before every member and array
 * element, {@code ": "} after a name) and {@code -T ek} (compact, member names with dots turned
 * into underscores) come out byte for byte. Commas, newlines and indentation depend only on
 * whether the enclosing object or array already holds something, which is all the state kept:
 * nothing of the document is buffered.
 */
final class JsonDumper {
    private static final int MAX_DEPTH = 1100;

    private final Appendable out;
    private final boolean pretty;
    private final boolean dotToUnderscore;
    /** Per open container: has it written an element yet. */
    private final boolean[] nonEmpty = new boolean[MAX_DEPTH];
    /** Per open container: is it an object whose member name was just written. */
    private final boolean[] named = new boolean[MAX_DEPTH];
    private int depth;

    JsonDumper(Appendable out, boolean pretty, boolean dotToUnderscore) {
        this.out = out;
        this.pretty = pretty;
        this.dotToUnderscore = dotToUnderscore;
    }

    JsonDumper beginObject() {
        return open('{');
    }

    JsonDumper endObject() {
        return close('}');
    }

    JsonDumper beginArray() {
        return open('[');
    }

    JsonDumper endArray() {
        return close(']');
    }

    JsonDumper name(String name) {
        prepare();
        string(name, dotToUnderscore);
        put(':');
        if (pretty) {
            put(' ');
        }
        named[depth - 1] = true;
        return this;
    }

    JsonDumper value(String value) {
        prepare();
        string(value, false);
        return this;
    }

    /** A value written as it is: {@code null}, a number. */
    JsonDumper literal(String text) {
        prepare();
        put(text);
        return this;
    }

    /** Ends a top-level value with a newline, as json_dumper_finish. */
    void finish() {
        if (depth != 0) {
            throw new IllegalStateException("unclosed JSON container");
        }
        put('\n');
    }

    private JsonDumper open(char c) {
        prepare();
        put(c);
        depth++;
        nonEmpty[depth - 1] = false;
        named[depth - 1] = false;
        return this;
    }

    private JsonDumper close(char c) {
        if (nonEmpty[depth - 1]) {
            newline(depth - 1);
        }
        put(c);
        depth--;
        return this;
    }

    /** Comma, newline and indentation before a member name or an array element; nothing after a name. */
    private void prepare() {
        if (depth == 0) {
            return;
        }
        int i = depth - 1;
        if (named[i]) {
            named[i] = false;
            return;
        }
        if (nonEmpty[i]) {
            put(',');
        }
        nonEmpty[i] = true;
        newline(depth);
    }

    private void newline(int indent) {
        if (pretty) {
            put('\n');
            for (int i = 0; i < indent; i++) {
                put("  ");
            }
        }
    }

    /**
     * json_puts_string: control characters as \b \t \n \f \r or \\u00XX, quote and backslash escaped,
     * a slash after "<" too, the rest as is.
     */
    private void string(String s, boolean underscores) {
        put('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                switch (c) {
                    case '\b' -> put("\\b");
                    case '\t' -> put("\\t");
                    case '\n' -> put("\\n");
                    case '\f' -> put("\\f");
                    case '\r' -> put("\\r");
                    default -> put(String.format("\\u%04x", (int) c));
                }
            } else if (c == '"' || c == '\\' || c == '/' && i > 0 && s.charAt(i - 1) == '<') {
                // "</" as "<\/", as json_dumper writes it so that the text can sit inside HTML's <script>
                put('\\');
                put(c);
            } else {
                put(underscores && c == '.' ? '_' : c);
            }
        }
        put('"');
    }

    private void put(char c) {
        try {
            out.append(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void put(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
