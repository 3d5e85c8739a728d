package dev.dfq.engine.compile;

/** Strict textual IPv6 parsing (RFC 4291 forms, embedded IPv4), without name resolution. */
final class Ipv6 {
    private Ipv6() {
    }

    static byte[] parse(String s) {
        if (s.isEmpty() || s.chars().anyMatch(c -> Character.digit(c, 16) < 0 && c != ':' && c != '.')) {
            return null;
        }
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        int[] h = groups(head);
        int[] t = groups(tail);
        if (h == null || t == null) {
            return null;
        }
        int total = h.length + t.length;
        if (dbl < 0 && total != 8 || dbl >= 0 && total > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < h.length; i++) {
            out[2 * i] = (byte) (h[i] >> 8);
            out[2 * i + 1] = (byte) h[i];
        }
        for (int i = 0; i < t.length; i++) {
            int g = 8 - t.length + i;
            out[2 * g] = (byte) (t[i] >> 8);
            out[2 * g + 1] = (byte) t[i];
        }
        return out;
    }

    /** 16-bit groups of a colon-separated part; a trailing dotted quad counts as two groups. */
    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] p = part.split(":", -1);
        int n = p.length;
        boolean v4 = p[n - 1].contains(".");
        int[] out = new int[v4 ? n + 1 : n];
        for (int i = 0; i < n; i++) {
            if (i == n - 1 && v4) {
                long v = Conversions.parseIpv4(p[i]);
                if (v < 0) {
                    return null;
                }
                out[i] = (int) (v >>> 16);
                out[i + 1] = (int) (v & 0xffff);
            } else {
                if (p[i].isEmpty() || p[i].length() > 4 || p[i].contains(".")) {
                    return null;
                }
                out[i] = Integer.parseInt(p[i], 16);
            }
        }
        return out;
    }
}
