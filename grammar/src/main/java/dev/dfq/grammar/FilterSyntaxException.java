package dev.dfq.grammar;

import dev.dfq.grammar.ast.Span;

/** Internal: aborts parsing at the first error, as Wireshark reports only the first. */
final class FilterSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Span span;

    FilterSyntaxException(String message, Span span) {
        super(message, null, false, false);
        this.span = span;
    }

    SyntaxError toError() {
        return new SyntaxError(getMessage(), span);
    }
}
