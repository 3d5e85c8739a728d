package dev.dfq.engine;

import dev.dfq.grammar.ast.Span;

/**
 * A compile error or warning: Wireshark's message text (without "tshark: "), and the span tshark
 * would underline, or null where tshark prints no caret. {@code hints} are dfq's own suggestions
 * ("did you mean ..."), printed after Wireshark's lines.
 */
public record Diagnostic(String message, Span span, java.util.List<String> hints) {
    public Diagnostic {
        hints = java.util.List.copyOf(hints);
    }

    public Diagnostic(String message, Span span) {
        this(message, span, java.util.List.of());
    }
}
