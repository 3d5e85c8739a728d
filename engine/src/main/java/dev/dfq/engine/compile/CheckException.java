package dev.dfq.engine.compile;

import dev.dfq.grammar.ast.Span;

/** A semantic error: Wireshark's message and the span it underlines (null for none). */
public final class CheckException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Span span;

    public CheckException(String message, Span span) {
        super(message, null, false, false);
        this.span = span;
    }

    public Span span() {
        return span;
    }
}
