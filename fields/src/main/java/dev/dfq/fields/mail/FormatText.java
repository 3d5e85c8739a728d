package dev.dfq.fields.mail;

/**
 * Text of raw bytes as Wireshark 4.6.9 shows it in the Info column (its {@code format_text}), pinned
 * down case by case against tshark with {@code samples/corner/s16_escapes.pcap}:
 * <ul>
 *   <li>printable ASCII as is (a backslash too); other ASCII as C escapes ({@code \t \n \r \a \b \f \v})
 *       or three-digit octal ({@code \033}, {@code \177});</li>
 *   <li>other bytes as UTF-8, where the lead byte fixes the length (up to six bytes) and overlong forms
 *       are accepted; a sequence cut short, a surrogate or a value past U+10FFFF is one U+FFFD, and the
 *       byte that cut a sequence short starts the next character;</li>
 *   <li>code points GLib does not call printable (controls, format characters, unassigned, surrogates)
 *       as {@code \}{@code uXXXX} or {@code \}{@code UXXXXXXXX}.</li>
 * </ul>
 * Printability follows Java's Unicode tables, which may lag GLib's for characters assigned lately.
 */
final class FormatText {
    private FormatText() {}

    static String of(byte[] d, int off, int len) {
        return of(d, off, len, false);
    }

    /**
     * @param blanks whitespace (space, tab, line ends, form feed, vertical tab) as one space each, as
     *     Wireshark's format_text_wsp does for the lines of a message's text
     */
    static String of(byte[] d, int off, int len, boolean blanks) {
        StringBuilder b = new StringBuilder(len + 8);
        int end = off + len;
        int i = off;
        while (i < end) {
            int c = d[i] & 0xff;
            if (blanks && (c == ' ' || c >= '\t' && c <= '\r')) {
                b.append(' ');
                i++;
                continue;
            }
            if (c < 0x80) {
                ascii(b, c);
                i++;
                continue;
            }
            int need = c >= 0xfc && c <= 0xfd ? 5 : c >= 0xf8 ? (c <= 0xfb ? 4 : -1) : c >= 0xf0 ? 3 : c >= 0xe0 ? 2
                    : c >= 0xc0 ? 1 : -1;
            if (need < 0) { // a continuation byte without a lead, or 0xFE/0xFF
                b.append('\uFFFD');
                i++;
                continue;
            }
            long cp = c & (0x3f >> need);
            int j = i + 1;
            while (j < end && j - i <= need && (d[j] & 0xc0) == 0x80) {
                cp = cp << 6 | (d[j] & 0x3f);
                j++;
            }
            if (j - i <= need || cp > 0x10ffff || cp >= 0xd800 && cp <= 0xdfff) {
                b.append('\uFFFD'); // cut short (the byte at j starts the next character), or no code point
                i = j;
                continue;
            }
            codePoint(b, (int) cp);
            i = j;
        }
        return b.toString();
    }

    private static void ascii(StringBuilder b, int c) {
        if (c >= 0x20 && c < 0x7f) {
            b.append((char) c);
            return;
        }
        b.append('\\');
        switch (c) {
            case 0x07 -> b.append('a');
            case 0x08 -> b.append('b');
            case 0x0c -> b.append('f');
            case 0x0a -> b.append('n');
            case 0x0d -> b.append('r');
            case 0x09 -> b.append('t');
            case 0x0b -> b.append('v');
            default -> b.append((char) ('0' + (c >> 6 & 3))).append((char) ('0' + (c >> 3 & 7)))
                    .append((char) ('0' + (c & 7)));
        }
    }

    private static void codePoint(StringBuilder b, int cp) {
        int type = Character.getType(cp);
        boolean printable = type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.SURROGATE;
        if (printable) {
            b.appendCodePoint(cp);
        } else if (cp <= 0xffff) {
            b.append(String.format("\\u%04X", cp));
        } else {
            b.append(String.format("\\U%08X", cp));
        }
    }
}
