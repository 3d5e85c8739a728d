package dev.dfq.fields;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv6 address as Wireshark writes it (RFC 5952: lower case, the longest run of zero groups as "::"). */
public final class Ipv6Text {
    private Ipv6Text() {
    }

    /** The 16 bytes of an address as text; "?" for bytes that are not an address. */
    public static String format(byte[] a) {
        if (a.length == 16 && compatible(a)) {
            // an IPv4-compatible address: the last 32 bits dotted, as inet_ntop writes it
            return "::" + (a[12] & 0xff) + "." + (a[13] & 0xff) + "." + (a[14] & 0xff) + "." + (a[15] & 0xff);
        }
        try {
            return compress(InetAddress.getByAddress(a).getHostAddress());
        } catch (UnknownHostException e) {
            return "?";
        }
    }

    /** The first 96 bits zero and the seventh group not: ::1 and :: stay in hexadecimal. */
    private static boolean compatible(byte[] a) {
        for (int i = 0; i < 12; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[12] != 0 || a[13] != 0;
    }

    /** RFC 5952 form (Java prints every group): longest run of zero groups becomes "::". */
    private static String compress(String full) {
        if (!full.contains(":")) {
            return "::ffff:" + full;
        }
        String[] g = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int k = 0; k < g.length; ) {
            if (g[k].equals("0")) {
                int e = k;
                while (e < g.length && g[e].equals("0")) {
                    e++;
                }
                if (e - k > bestLen && e - k >= 2) {
                    bestStart = k;
                    bestLen = e - k;
                }
                k = e;
            } else {
                k++;
            }
        }
        if (bestStart < 0) {
            return String.join(":", g);
        }
        String left = String.join(":", java.util.Arrays.copyOfRange(g, 0, bestStart));
        String right = String.join(":", java.util.Arrays.copyOfRange(g, bestStart + bestLen, g.length));
        return left + "::" + right;
    }
}
