package dev.dfq.fields.mail;

import java.nio.charset.StandardCharsets;

/**
 * A tree item's label as Wireshark keeps it: at most 239 UTF-8 bytes (ITEM_LABEL_LENGTH less the
 * NUL). A longer label of a text-only item is marked "[…] " in front and cut to fit, at a
 * character boundary.
 */
final class ItemLabel {
    private static final int MAX_BYTES = 239;
    private static final String MARK = "[…] ";

    private ItemLabel() {}

    static String of(String text) {
        if (text.length() <= MAX_BYTES / 3) {
            return text; // a UTF-16 unit is at most 3 UTF-8 bytes: surely within the limit
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (b.length <= MAX_BYTES) {
            return text;
        }
        int n = MAX_BYTES - MARK.getBytes(StandardCharsets.UTF_8).length;
        while (n > 0 && (b[n] & 0xC0) == 0x80) {
            n--; // not inside a character
        }
        return MARK + new String(b, 0, n, StandardCharsets.UTF_8);
    }
}
