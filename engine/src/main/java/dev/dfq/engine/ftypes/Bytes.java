package dev.dfq.engine.ftypes;

import java.io.ByteArrayOutputStream;

/** Wireshark's byte-string literal syntax (hex_str_to_bytes with optional separators). */
public final class Bytes {
    private Bytes() {
    }

    /** Parses {@code 00:09:6b}, {@code 00-09}, {@code 00.09}, {@code 00096b}, {@code 0.1.0.d}; null if invalid. */
    public static byte[] parse(String s) {
        if (s.startsWith(":")) {
            s = s.substring(1);
        }
        if (s.length() > 1 && (s.endsWith(":") || s.endsWith("-") || s.endsWith("."))) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        char sep = 0;
        int i = 0;
        int n = s.length();
        boolean hasSep = false;
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c == ':' || c == '.' || c == '-') {
                hasSep = true;
            }
        }
        while (i < n) {
            int d1 = Character.digit(s.charAt(i), 16);
            if (d1 < 0) {
                return null;
            }
            int d2 = i + 1 < n ? Character.digit(s.charAt(i + 1), 16) : -1;
            if (d2 >= 0) {
                out.write(d1 * 16 + d2);
                i += 2;
            } else {
                if (!hasSep && n > 1) {
                    return null;
                }
                out.write(d1);
                i += 1;
            }
            if (i < n) {
                char c = s.charAt(i);
                if (c == ':' || c == '.' || c == '-') {
                    if (sep != 0 && c != sep) {
                        // mixed separators are accepted by hex_str_to_bytes
                    }
                    sep = c;
                    i++;
                    if (i == n) {
                        return null;
                    }
                } else if (hasSep) {
                    return null;
                }
            }
        }
        return out.toByteArray();
    }
}
