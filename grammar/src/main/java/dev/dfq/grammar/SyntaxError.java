package dev.dfq.grammar;

import dev.dfq.grammar.ast.Span;

/**
 * A filter that could not be parsed (or macro-expanded): Wireshark's message, and where, when
 * Wireshark gives a location. {@code span} is null where tshark prints no caret.
 */
public record SyntaxError(String message, Span span) {
}
