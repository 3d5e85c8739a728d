package dev.dfq.grammar;

import dev.dfq.grammar.ast.Span;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Escape processing of string and character literals, with Wireshark 4.6's messages. Locations
 * are byte spans in the filter ({@code base} is the literal's first byte).
 */
final class Literals {
    private Literals() {
    }

    /**
     * The value of a double-quoted string token (quotes included, optional r prefix). Raw strings
     * keep every backslash; {@code \"} does not end them but stays in the value.
     */
    static byte[] stringValue(String token, int base) {
        boolean raw = token.charAt(0) == 'r' || token.charAt(0) == 'R';
        String body = token.substring(raw ? 2 : 1, token.length() - 1);
        int bodyBase = base + (raw ? 2 : 1);
        if (raw) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        byte[] src = body.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (i < src.length) {
            byte c = src[i];
            if (c != '\\') {
                out.write(c);
                i++;
                continue;
            }
            int start = i;
            if (i + 1 >= src.length) {
                throw new FilterSyntaxException("\\ is not a valid character escape sequence", new Span(bodyBase + start, 1));
            }
            byte e = src[i + 1];
            i += 2;
            switch (e) {
                case '\\' -> out.write('\\');
                case '"' -> out.write('"');
                case '\'' -> out.write('\'');
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write(10);
                case 'r' -> out.write(13);
                case 't' -> out.write(9);
                case 'v' -> out.write(11);
                case 'x' -> {
                    int v = 0;
                    int n = 0;
                    while (n < 2 && i < src.length && Character.digit(src[i], 16) >= 0) {
                        v = v * 16 + Character.digit(src[i], 16);
                        i++;
                        n++;
                    }
                    if (n == 0) {
                        throw new FilterSyntaxException("\\x is not a valid character escape sequence",
                                new Span(bodyBase + start, 2));
                    }
                    out.write(v);
                }
                case 'u', 'U' -> {
                    int digits = e == 'u' ? 4 : 8;
                    int v = 0;
                    int n = 0;
                    while (n < digits && i < src.length && Character.digit(src[i], 16) >= 0) {
                        v = v * 16 + Character.digit(src[i], 16);
                        i++;
                        n++;
                    }
                    String seq = new String(src, start, i - start, StandardCharsets.UTF_8);
                    Span span = new Span(bodyBase + start, i - start);
                    if (n < digits) {
                        throw new FilterSyntaxException(seq + " is not a valid universal character name", span);
                    }
                    // C's rules for universal character names: below U+00A0 only $ @ `; no surrogates.
                    boolean valid = (v >= 0xA0 || v == '$' || v == '@' || v == '`')
                            && !(v >= 0xD800 && v <= 0xDFFF) && v <= 0x10FFFF;
                    if (!valid) {
                        throw new FilterSyntaxException(seq + " is not a valid universal character name", span);
                    }
                    out.writeBytes(new String(Character.toChars(v)).getBytes(StandardCharsets.UTF_8));
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int n = 1;
                        while (n < 3 && i < src.length && src[i] >= '0' && src[i] <= '7') {
                            v = v * 8 + (src[i] - '0');
                            i++;
                            n++;
                        }
                        if (v > 255) {
                            String seq = new String(src, start, i - start, StandardCharsets.UTF_8);
                            throw new FilterSyntaxException(seq + " is larger than 255.", new Span(bodyBase + start, i - start));
                        }
                        out.write(v);
                    } else {
                        int len = utf8Len(e);
                        int end = Math.min(src.length, start + 1 + len);
                        String seq = new String(src, start, end - start, StandardCharsets.UTF_8);
                        throw new FilterSyntaxException(seq + " is not a valid character escape sequence",
                                new Span(bodyBase + start, end - start));
                    }
                }
            }
        }
        return out.toByteArray();
    }

    private static int utf8Len(byte lead) {
        int b = lead & 0xff;
        return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    }

    /**
     * The value of a character constant token such as {@code 'a'}, {@code '\x41'}, {@code '\101'}.
     * Wireshark 4.6.9 rejects {@code '\n'} and the other letter escapes as "too long" (a bug kept
     * for fidelity).
     */
    static long charValue(String token, Span span) {
        String body = token.substring(1, token.length() - 1);
        if (body.isEmpty()) {
            throw new FilterSyntaxException("Empty character constant.", span);
        }
        if (body.charAt(0) != '\\') {
            if (body.charAt(0) >= 0x80) {
                // the scanner reads the first byte as a signed char: 'é' starts with 0xc3
                long signed = (byte) body.substring(0, 1).getBytes(java.nio.charset.StandardCharsets.UTF_8)[0];
                throw new FilterSyntaxException("Non-printable value '0x" + Long.toHexString(signed)
                        + "' in character constant.", span);
            }
            if (body.codePointCount(0, body.length()) != 1) {
                throw new FilterSyntaxException(token + " is too long to be a valid character constant.", span);
            }
            return body.codePointAt(0);
        }
        if (body.length() == 1) {
            throw new FilterSyntaxException(token + " isn't a valid character constant.", span);
        }
        char e = body.charAt(1);
        String rest = body.substring(2);
        switch (e) {
            case '\\', '\'', '"' -> {
                if (!rest.isEmpty()) {
                    throw new FilterSyntaxException(token + " is too long to be a valid character constant.", span);
                }
                return e;
            }
            case 'a', 'b', 'f', 'n', 'r', 't', 'v' ->
                    throw new FilterSyntaxException(token + " is too long to be a valid character constant.", span);
            case 'x' -> {
                if (rest.isEmpty() || rest.length() > 2 || !rest.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    throw new FilterSyntaxException(token + " isn't a valid character constant.", span);
                }
                return Integer.parseInt(rest, 16);
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    String oct = body.substring(1);
                    if (oct.length() > 3 || !oct.chars().allMatch(c -> c >= '0' && c <= '7')) {
                        throw new FilterSyntaxException(token + " isn't a valid character constant.", span);
                    }
                    int v = Integer.parseInt(oct, 8);
                    if (v > 255) {
                        throw new FilterSyntaxException(token + " is too large to be a valid character constant.", span);
                    }
                    return v;
                }
                throw new FilterSyntaxException(token + " isn't a valid character constant.", span);
            }
        }
    }
}
