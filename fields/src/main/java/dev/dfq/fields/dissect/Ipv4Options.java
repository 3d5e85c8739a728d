package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldStore;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * IPv4 options (RFC 791 and later) as Wireshark 4.6's ip dissector shows them: each option is its
 * own named item ({@code ip.options.*}) with the type octet split into copy/class/number, its length,
 * and its own fields for end of list, no-op, record route, time stamp, router alert, stream ID, MTU
 * probe and reply, and traceroute. Options dfq does not take apart further (security, source routes,
 * quick-start, CIPSO...) get their item, type and length; options Wireshark does not know, their data.
 * Parsing stops at the end-of-list option or at a length that does not fit.
 */
final class Ipv4Options {
    private final F f;
    private final BitSet w;
    private final Expert expert;

    Ipv4Options(F f, BitSet wanted, Expert expert) {
        this.f = f;
        this.w = wanted;
        this.expert = expert;
    }

    /** The name an option has in the "Options" item's label, or null (no-op, end of list, unknown). */
    private static String nameOf(int type) {
        return switch (type) {
            case 7 -> "Record Route";
            case 11 -> "MTU Probe";
            case 12 -> "MTU Reply";
            case 25 -> "Quick-Start";
            case 68 -> "Time Stamp";
            case 82 -> "Traceroute";
            case 130 -> "Security";
            case 131 -> "Loose Source Route";
            case 133 -> "Extended Security";
            case 134 -> "Commercial Security";
            case 136 -> "Stream ID";
            case 137 -> "Strict Source Route";
            case 148 -> "Router Alert";
            case 149 -> "Selective Directed Broadcast";
            default -> null;
        };
    }

    /**
     * The text item all options hang under in Wireshark's tree: "Options: (N bytes)" and the names of
     * the options that have one.
     */
    private static String label(byte[] d, int off, int end) {
        StringBuilder b = new StringBuilder("Options: (").append(end - off).append(" bytes)");
        for (int p = off; p < end; ) {
            int type = d[p] & 0xff;
            if (type == 0) {
                break;
            }
            if (type == 1) {
                p++;
                continue;
            }
            if (p + 2 > end || (d[p + 1] & 0xff) < 2 || p + (d[p + 1] & 0xff) > end) {
                break;
            }
            String name = nameOf(type);
            if (name != null) {
                b.append(", ").append(name);
            }
            p += d[p + 1] & 0xff;
        }
        return b.toString();
    }

    /** The item of an option type, or -1 for a type Wireshark does not know. */
    private int itemOf(int type) {
        return switch (type) {
            case 0 -> f.IP_OPTIONS_EOL;
            case 1 -> f.IP_OPTIONS_NOP;
            case 7 -> f.IP_OPTIONS_RECORD_ROUTE;
            case 11 -> f.IP_OPTIONS_MTU_PROBE;
            case 12 -> f.IP_OPTIONS_MTU_REPLY;
            case 25 -> f.IP_OPTIONS_QS;
            case 68 -> f.IP_OPTIONS_TIMESTAMP;
            case 82 -> f.IP_OPTIONS_TRACEROUTE;
            case 130 -> f.IP_OPTIONS_SECURITY;
            case 131 -> f.IP_OPTIONS_ROUTE;
            case 133 -> f.IP_OPTIONS_EXT_SECURITY;
            case 134 -> f.IP_OPTIONS_CIPSO;
            case 136 -> f.IP_OPTIONS_SID;
            case 137 -> f.IP_OPTIONS_SOURCE_ROUTE;
            case 148 -> f.IP_OPTIONS_ROUTERALERT;
            case 149 -> f.IP_OPTIONS_SDB;
            default -> -1;
        };
    }

    /** Adds the options between {@code off} and {@code end} (the header's end) under the ip item. */
    void dissect(FieldStore s, byte[] d, int src, int layer, int ipItem, int off, int end) {
        int ipOcc = s.addText(ipItem, label(d, off, end));
        int p = off;
        while (p < end) {
            int type = d[p] & 0xff;
            int item = itemOf(type);
            if (type == 0 || type == 1) {
                int occ = under(add(s, item, layer, ipOcc, src, p, 1, 0), ipOcc);
                type(s, d, src, layer, occ, p);
                if (type == 0) {
                    return;
                }
                p++;
                continue;
            }
            if (p + 2 > end) {
                return;
            }
            int len = d[p + 1] & 0xff;
            if (len < 2 || p + len > end) {
                return;
            }
            int occ = item >= 0 ? under(add(s, item, layer, ipOcc, src, p, len, 0), ipOcc)
                    : s.addText(ipOcc, String.format("Unknown (0x%02x) (%d bytes)", type, len));
            type(s, d, src, layer, occ, p);
            add(s, f.IP_OPT_LEN, layer, occ, src, p + 1, 1, len);
            body(s, d, src, layer, occ, type, p, len);
            p += len;
        }
    }

    private void body(FieldStore s, byte[] d, int src, int layer, int occ, int type, int p, int len) {
        switch (type) {
            case 7 -> route(s, d, src, layer, occ, p, len);
            case 130 -> {
                if (len == 11) { // RFC 791's basic security: security, compartments, handling restrictions, TCC
                    add(s, f.IP_OPT_SEC_RFC791_SEC, layer, occ, src, p + 2, 2, NetworkLayers.u16(d, p + 2));
                    add(s, f.IP_OPT_SEC_RFC791_COMP, layer, occ, src, p + 4, 2, NetworkLayers.u16(d, p + 4));
                    text(s, f.IP_OPT_SEC_RFC791_HR, layer, occ, src, d, p + 6, 2);
                    text(s, f.IP_OPT_SEC_RFC791_TCC, layer, occ, src, d, p + 8, 3);
                }
            }
            case 68 -> timestamp(s, d, src, layer, occ, p, len);
            case 148 -> {
                if (len == 4) {
                    add(s, f.IP_OPT_RA, layer, occ, src, p + 2, 2, NetworkLayers.u16(d, p + 2));
                }
            }
            case 136 -> {
                deprecated(s, layer, occ, p);
                if (len == 4) {
                    add(s, f.IP_OPT_SID, layer, occ, src, p + 2, 2, NetworkLayers.u16(d, p + 2));
                }
            }
            case 11, 12 -> {
                if (len == 4) {
                    add(s, f.IP_OPT_MTU, layer, occ, src, p + 2, 2, NetworkLayers.u16(d, p + 2));
                }
            }
            case 82 -> {
                deprecated(s, layer, occ, p);
                if (len == 12) {
                    add(s, f.IP_OPT_ID_NUMBER, layer, occ, src, p + 2, 2, NetworkLayers.u16(d, p + 2));
                    add(s, f.IP_OPT_OHC, layer, occ, src, p + 4, 2, NetworkLayers.u16(d, p + 4));
                    add(s, f.IP_OPT_RHC, layer, occ, src, p + 6, 2, NetworkLayers.u16(d, p + 6));
                    add(s, f.IP_OPT_ORIGINATOR, layer, occ, src, p + 8, 4, NetworkLayers.u32(d, p + 8));
                }
            }
            default -> {
                if (itemOf(type) < 0 && len > 2 && w.get(f.IP_OPT_DATA)) { // an option Wireshark does not know
                    s.add(f.IP_OPT_DATA, layer, occ, src, p + 2, len - 2, 0, null);
                }
            }
        }
    }

    /** A string field of {@code len} bytes, up to the first NUL. */
    private void text(FieldStore s, int id, int layer, int parent, int src, byte[] d, int off, int len) {
        if (w.get(id)) {
            int n = 0;
            while (n < len && d[off + n] != 0) {
                n++;
            }
            s.add(id, layer, parent, src, off, len, 0, java.util.Arrays.copyOfRange(d, off, off + n));
        }
    }

    private void deprecated(FieldStore s, int layer, int occ, int p) {
        expert.add(s, layer, occ, p, 0, f.IP_OPT_DEPRECATED, "Option type is deprecated", Expert.NOTE, Expert.DEPRECATED);
    }

    /** Record route: the pointer, then each address, recorded (before the pointer) or still empty. */
    private void route(FieldStore s, byte[] d, int src, int layer, int occ, int p, int len) {
        if (len < 3) {
            return;
        }
        int ptr = d[p + 2] & 0xff;
        add(s, f.IP_OPT_PTR, layer, occ, src, p + 2, 1, ptr);
        for (int a = 3; a + 4 <= len; a += 4) {
            boolean recorded = a + 1 < ptr;
            long v = NetworkLayers.u32(d, p + a);
            add(s, recorded ? f.IP_REC_RT : f.IP_EMPTY_RT, layer, occ, src, p + a, 4, v);
            int host = recorded ? f.IP_REC_RT_HOST : f.IP_EMPTY_RT_HOST;
            if (w.get(host)) {
                String text = ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
                s.add(host, layer, occ, src, p + a, 4, 0, text.getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /** Time stamp: pointer, overflow and flag, then time stamps (flag 0) or address and time stamp pairs. */
    private void timestamp(FieldStore s, byte[] d, int src, int layer, int occ, int p, int len) {
        if (len < 4) {
            return;
        }
        add(s, f.IP_OPT_PTR, layer, occ, src, p + 2, 1, d[p + 2] & 0xff);
        int of = d[p + 3] & 0xff;
        add(s, f.IP_OPT_OVERFLOW, layer, occ, src, p + 3, 1, of >> 4);
        add(s, f.IP_OPT_FLAG, layer, occ, src, p + 3, 1, of & 0x0f);
        boolean withAddress = (of & 0x0f) == 1 || (of & 0x0f) == 3;
        for (int a = 4; a + (withAddress ? 8 : 4) <= len; a += withAddress ? 8 : 4) {
            if (withAddress) {
                add(s, f.IP_OPT_TIME_STAMP_ADDR, layer, occ, src, p + a, 4, NetworkLayers.u32(d, p + a));
                add(s, f.IP_OPT_TIME_STAMP, layer, occ, src, p + a + 4, 4, NetworkLayers.u32(d, p + a + 4));
            } else {
                add(s, f.IP_OPT_TIME_STAMP, layer, occ, src, p + a, 4, NetworkLayers.u32(d, p + a));
            }
        }
    }

    /** The type octet: its value, then the copy flag, class and number under it. */
    private void type(FieldStore s, byte[] d, int src, int layer, int occ, int p) {
        int type = d[p] & 0xff;
        int t = under(add(s, f.IP_OPT_TYPE, layer, occ, src, p, 1, type), occ);
        add(s, f.IP_OPT_TYPE_COPY, layer, t, src, p, 1, type & 0x80);
        add(s, f.IP_OPT_TYPE_CLASS, layer, t, src, p, 1, (type >> 5) & 3);
        add(s, f.IP_OPT_TYPE_NUMBER, layer, t, src, p, 1, type & 0x1f);
    }

    private int add(FieldStore s, int id, int layer, int parent, int src, int off, int len, long value) {
        // id -1: the item of an option Wireshark does not know
        return id >= 0 ? Items.add(w, s, id, layer, parent, src, off, len, value) : -1;
    }

    private static int under(int item, int parent) {
        return Items.under(item, parent);
    }
}
