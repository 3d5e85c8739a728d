package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldStore;
import java.util.BitSet;

/**
 * IPv6 extension headers (RFC 8200 §4) as Wireshark's ipv6.hopopts, ipv6.routing, ipv6.dstopts and
 * ipv6.fraghdr protocols: each a subtree of the IPv6 item with its own fields. The caller walks the
 * chain; this adds one header's items.
 *
 * <pre>
 * options header: next header(1) length(1, 8-byte units beyond the first 8) options (TLV; type 0 is Pad1)
 * routing header: next header(1) length(1) type(1) segments left(1) type-specific data
 * fragment header: next header(1) reserved(1) offset(13 bits, 8-byte units) reserved(2 bits) M(1 bit) identification(4)
 * </pre>
 */
final class Ipv6Extensions {
    static final int HOP_BY_HOP = 0;
    static final int ROUTING = 43;
    static final int FRAGMENT = 44;
    static final int DESTINATION = 60;

    private final F f;
    private final BitSet w;
    private final Expert expert;

    Ipv6Extensions(F f, BitSet wanted, Expert expert) {
        this.f = f;
        this.w = wanted;
        this.expert = expert;
    }

    static boolean isExtension(int nxt) {
        return nxt == HOP_BY_HOP || nxt == ROUTING || nxt == FRAGMENT || nxt == DESTINATION;
    }

    /** The header's length in bytes, or -1 when it does not fit in {@code end}. */
    static int length(byte[] d, int p, int nxt, int end) {
        if (p + 8 > end) {
            return -1;
        }
        int len = nxt == FRAGMENT ? 8 : ((d[p + 1] & 0xff) + 1) * 8;
        return p + len <= end ? len : -1;
    }

    /** Adds the items of the hop-by-hop, routing or destination options header at {@code p}. */
    void options(FieldStore s, PacketDissector.Layers layers, byte[] d, int src, int layer, int ipv6Occ, int nxt, int p,
                 int len) {
        boolean routing = nxt == ROUTING;
        int proto = routing ? f.IPV6_ROUTING : nxt == HOP_BY_HOP ? f.IPV6_HOPOPTS : f.IPV6_DSTOPTS;
        int occ = s.add(proto, layer, ipv6Occ, src, p, len, 0, null);
        layers.add(routing ? "ipv6.routing" : nxt == HOP_BY_HOP ? "ipv6.hopopts" : "ipv6.dstopts");
        int nxtId = routing ? f.IPV6_ROUTING_NXT : nxt == HOP_BY_HOP ? f.IPV6_HOPOPTS_NXT : f.IPV6_DSTOPTS_NXT;
        int lenId = routing ? f.IPV6_ROUTING_LEN : nxt == HOP_BY_HOP ? f.IPV6_HOPOPTS_LEN : f.IPV6_DSTOPTS_LEN;
        int octId = routing ? f.IPV6_ROUTING_LEN_OCT : nxt == HOP_BY_HOP ? f.IPV6_HOPOPTS_LEN_OCT : f.IPV6_DSTOPTS_LEN_OCT;
        add(s, nxtId, layer, occ, src, p, 1, d[p] & 0xff);
        add(s, lenId, layer, occ, src, p + 1, 1, d[p + 1] & 0xff);
        add(s, octId, layer, occ, src, p + 1, 1, len);
        if (routing) {
            int type = d[p + 2] & 0xff;
            int typeOcc = add(s, f.IPV6_ROUTING_TYPE, layer, occ, src, p + 2, 1, type);
            if (type == 0) {
                expert.add(s, layer, under(typeOcc, occ), p + 2, 1, f.IPV6_ROUTING_DEPRECATED,
                        "Routing header type is deprecated", Expert.NOTE, Expert.DEPRECATED);
            }
            add(s, f.IPV6_ROUTING_SEGLEFT, layer, occ, src, p + 3, 1, d[p + 3] & 0xff);
            if (type == 0) { // the deprecated source route: reserved, then the addresses
                bytes(s, f.IPV6_ROUTING_SRC_RESERVED, layer, occ, src, p + 4, 4);
                for (int a = p + 8; a + 16 <= p + len; a += 16) {
                    bytes(s, f.IPV6_ROUTING_SRC_ADDR, layer, occ, src, a, 16);
                }
            }
            return;
        }
        for (int q = p + 2; q < p + len; ) {
            int type = d[q] & 0xff;
            if (type == 0) {
                int opt = under(add(s, f.IPV6_OPT, layer, occ, src, q, 1, 0), occ);
                optionType(s, layer, opt, src, q, type);
                add(s, f.IPV6_OPT_PAD1, layer, opt, src, q, 1, 0);
                q++;
                continue;
            }
            if (q + 2 > p + len) {
                break;
            }
            int olen = d[q + 1] & 0xff;
            int opt = under(add(s, f.IPV6_OPT, layer, occ, src, q, Math.min(olen + 2, p + len - q), 0), occ);
            optionType(s, layer, opt, src, q, type);
            add(s, f.IPV6_OPT_LENGTH, layer, opt, src, q + 1, 1, olen);
            if (q + 2 + olen > p + len) {
                break;
            }
            if (type == 1) {
                bytes(s, f.IPV6_OPT_PADN, layer, opt, src, q + 2, olen);
            } else if (type == 5 && olen == 2) {
                add(s, f.IPV6_OPT_ROUTER_ALERT, layer, opt, src, q + 2, 2, NetworkLayers.u16(d, q + 2));
            }
            q += 2 + olen;
        }
    }

    private void optionType(FieldStore s, int layer, int opt, int src, int q, int type) {
        int t = under(add(s, f.IPV6_OPT_TYPE, layer, opt, src, q, 1, type), opt);
        add(s, f.IPV6_OPT_TYPE_ACTION, layer, t, src, q, 1, type >> 6);
        add(s, f.IPV6_OPT_TYPE_CHANGE, layer, t, src, q, 1, (type >> 5) & 1);
        add(s, f.IPV6_OPT_TYPE_REST, layer, t, src, q, 1, type & 0x1f);
    }

    /** Adds the fragment header's items; returns its protocol occurrence. */
    int fragmentHeader(FieldStore s, PacketDissector.Layers layers, byte[] d, int src, int layer, int ipv6Occ, int p) {
        int occ = s.add(f.IPV6_FRAGHDR, layer, ipv6Occ, src, p, 8, 0, null);
        layers.add("ipv6.fraghdr");
        int offMore = NetworkLayers.u16(d, p + 2);
        add(s, f.IPV6_FRAGHDR_NXT, layer, occ, src, p, 1, d[p] & 0xff);
        add(s, f.IPV6_FRAGHDR_RESERVED_OCTET, layer, occ, src, p + 1, 1, d[p + 1] & 0xff);
        add(s, f.IPV6_FRAGHDR_OFFSET, layer, occ, src, p + 2, 2, offMore >> 3);
        add(s, f.IPV6_FRAGHDR_RESERVED_BITS, layer, occ, src, p + 2, 2, (offMore >> 1) & 3);
        add(s, f.IPV6_FRAGHDR_MORE, layer, occ, src, p + 2, 2, offMore & 1);
        add(s, f.IPV6_FRAGHDR_IDENT, layer, occ, src, p + 4, 4, NetworkLayers.u32(d, p + 4));
        return occ;
    }

    private int add(FieldStore s, int id, int layer, int parent, int src, int off, int len, long value) {
        return Items.add(w, s, id, layer, parent, src, off, len, value);
    }

    private void bytes(FieldStore s, int id, int layer, int parent, int src, int off, int len) {
        Items.add(w, s, id, layer, parent, src, off, len, 0);
    }

    private static int under(int item, int parent) {
        return Items.under(item, parent);
    }
}
