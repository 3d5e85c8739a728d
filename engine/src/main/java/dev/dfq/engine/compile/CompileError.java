package dev.dfq.engine.compile;

import dev.dfq.grammar.ast.Span;

/** Aborts checking at the first error (Wireshark reports only the first). */
final class CompileError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Span span;

    CompileError(String message, Span span) {
        super(message, null, false, false);
        this.span = span;
    }

    Span span() {
        return span;
    }
}
