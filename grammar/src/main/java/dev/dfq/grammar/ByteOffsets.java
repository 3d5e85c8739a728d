package dev.dfq.grammar;

import dev.dfq.grammar.ast.Span;

/**
 * Converts Java char indices of a filter into UTF-8 byte offsets, the unit Wireshark reports
 * locations in ("touché" is 7 bytes, so a caret after it moves by 7).
 */
final class ByteOffsets {
    private final int[] byteAt;

    ByteOffsets(String text) {
        byteAt = new int[text.length() + 1];
        int b = 0;
        for (int i = 0; i < text.length(); i++) {
            byteAt[i] = b;
            char c = text.charAt(i);
            if (c < 0x80) {
                b += 1;
            } else if (c < 0x800) {
                b += 2;
            } else if (Character.isHighSurrogate(c)) {
                b += 4;
                i++;
                if (i < text.length()) {
                    byteAt[i] = b - 4;
                }
            } else if (Character.isLowSurrogate(c)) {
                b += 0;
            } else {
                b += 3;
            }
        }
        byteAt[text.length()] = b;
    }

    int at(int charIndex) {
        return byteAt[Math.max(0, Math.min(charIndex, byteAt.length - 1))];
    }

    /** Span of chars [start, endExclusive). */
    Span span(int start, int endExclusive) {
        int s = at(start);
        return new Span(s, Math.max(0, at(endExclusive) - s));
    }

    int length() {
        return byteAt[byteAt.length - 1];
    }
}
