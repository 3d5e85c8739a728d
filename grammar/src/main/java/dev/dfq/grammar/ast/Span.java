package dev.dfq.grammar.ast;

/**
 * Where a node stands in the (macro-expanded) filter text, in UTF-8 bytes as Wireshark counts
 * locations: {@code start} is the byte offset, {@code length} the byte length.
 */
public record Span(int start, int length) {
    public Span {
        if (start < 0 || length < 0) {
            throw new IllegalArgumentException("bad span " + start + "+" + length);
        }
    }

    public int end() {
        return start + length;
    }

    /** The smallest span covering both. */
    public Span union(Span other) {
        int s = Math.min(start, other.start);
        int e = Math.max(end(), other.end());
        return new Span(s, e - s);
    }

    @Override
    public String toString() {
        return start + "+" + length;
    }
}
