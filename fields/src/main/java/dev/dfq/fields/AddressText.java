package dev.dfq.fields;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Addresses as Wireshark writes them: IPv6 in RFC 5952 form, MAC addresses as colon-separated hex. */
public final class AddressText {
    private AddressText() {
    }

    /** The 16 bytes from {@code off} as RFC 5952 text ("2001:db8::1"). */
    public static String ipv6(byte[] a, int off) {
        byte[] b = off == 0 && a.length == 16 ? a : java.util.Arrays.copyOfRange(a, off, off + 16);
        if (ipv4Compatible(b)) { // ::a.b.c.d, as Wireshark's ws_inet_ntop6 writes it
            return "::" + (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
        }
        try {
            return compress(InetAddress.getByAddress(b).getHostAddress());
        } catch (UnknownHostException e) {
            return "?";
        }
    }

    /** The first 96 bits zero and the next 16 not: the deprecated IPv4-compatible form (not :: or ::1). */
    private static boolean ipv4Compatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[12] != 0 || b[13] != 0;
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

    /** {@code len} bytes from {@code off} as lower-case hex pairs joined by colons ("02:00:00:00:00:01"). */
    public static String mac(byte[] d, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 3);
        for (int i = 0; i < len; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Character.forDigit((d[off + i] >> 4) & 0xf, 16)).append(Character.forDigit(d[off + i] & 0xf, 16));
        }
        return sb.toString();
    }
}
