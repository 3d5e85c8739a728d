package dev.dfq.grammar;

import dev.dfq.grammar.ast.Node;

/**
 * The outcome of parsing one filter: the macro-expanded text (which spans refer to), and either a
 * tree ({@code root}, null for an empty filter, which matches every frame) or an error.
 */
public record ParseResult(String expandedText, Node root, SyntaxError error) {
    public boolean ok() {
        return error == null;
    }
}
