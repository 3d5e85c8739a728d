package dev.dfq.fields.dissect;

import dev.dfq.fields.AddressText;
import dev.dfq.fields.FieldStore;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;

/**
 * The items Wireshark 4.6 puts under an IPv6 address: its address space (IANA IPv6 Address Space),
 * its special-purpose allocation (IANA IPv6 Special-Purpose Address Registry) with the registry's
 * five properties, a multicast address's flags and scope; then the generic {@code ipv6.addr} with the
 * same items and the {@code *_host} names. The tables are the registries as tshark 4.6.9 reports them
 * (checked address by address against it with samples/ipfrag/ipv6_addrs.pcap).
 */
final class Ipv6Addresses {
    static final int SRC = 0;
    static final int DST = 1;
    static final int ADDR = 2;
    /** Item names after "ipv6.src" / "ipv6.dst" (the generic row maps them, see {@link F}). */
    static final String[] SUFFIXES = {"", "_addr_space", "_special_purpose", "_special_purpose_source",
        "_special_purpose_destination", "_special_purpose_forwardable", "_special_purpose_global",
        "_special_purpose_reserved", "_multicast_flags", "_multicast_flags.reserved", "_multicast_flags.embed_rp",
        "_multicast_flags.network_prefix", "_multicast_flags.transient", "_multicast_scope", "_host"};
    private static final int ITEM = 0;
    private static final int SPACE = 1;
    private static final int SPECIAL = 2;
    private static final int FLAGS = 8;
    private static final int SCOPE = 13;
    private static final int HOST = 14;

    /** A special-purpose block: prefix, length in bits, name, and the five properties (null: not applicable). */
    private record Special(byte[] prefix, int bits, String name, Boolean[] properties) {
        boolean contains(byte[] d, int off) {
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (d[off + i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            return rest == 0 || ((d[off + full] ^ prefix[full]) & (0xff << (8 - rest)) & 0xff) == 0;
        }
    }

    private static final Boolean T = Boolean.TRUE;
    private static final Boolean F_ = Boolean.FALSE;

    /** Source, Destination, Forwardable, Globally Reachable, Reserved-by-Protocol. */
    private static final List<Special> SPECIALS = List.of(
            special("::1", 128, "Loopback Address", F_, F_, F_, F_, T),
            special("::", 128, "Unspecified Address", T, F_, F_, F_, T),
            special("::ffff:0:0", 96, "IPv4-mapped Address", F_, F_, F_, F_, T),
            special("64:ff9b::", 96, "IPv4-IPv6 Translat.", T, T, T, T, F_),
            special("64:ff9b:1::", 48, "IPv4-IPv6 Translat.", T, T, T, F_, F_),
            special("100::", 64, "Discard-Only Address Block", T, T, T, F_, F_),
            special("100:0:0:1::", 64, "Dummy IPv6 Prefix", T, F_, F_, F_, F_),
            special("2001:1::1", 128, "Port Control Protocol Anycast", T, T, T, T, F_),
            special("2001:1::2", 128, "Traversal Using Relays around NAT Anycast", T, T, T, T, F_),
            special("2001:1::3", 128, "DNS-SD Service Registration Protocol Anycast", T, T, T, T, F_),
            special("2001:2::", 48, "Benchmarking", T, T, T, F_, F_),
            special("2001:3::", 32, "AMT", T, T, T, T, F_),
            special("2001:4:112::", 48, "AS112-v6", T, T, T, T, F_),
            special("2001:20::", 28, "ORCHIDv2", T, T, T, T, F_),
            special("2001:30::", 28, "Drone Remote ID Protocol Entity Tags (DETs) Prefix", T, T, T, T, F_),
            special("2001:db8::", 32, "Documentation", F_, F_, F_, F_, F_),
            special("2001::", 32, "TEREDO", T, T, T, null, F_),
            special("2002::", 16, "6to4", T, T, T, null, F_),
            special("2620:4f:8000::", 48, "Direct Delegation AS112 Service", T, T, T, T, F_),
            special("3fff::", 20, "Documentation", F_, F_, F_, F_, F_),
            special("5f00::", 16, "Segment Routing (SRv6) SIDs", T, T, T, F_, F_),
            special("fc00::", 7, "Unique-Local", T, T, T, null, F_),
            special("fe80::", 10, "Link-Local Unicast", T, T, F_, F_, T));

    private static Special special(String prefix, int bits, String name, Boolean... properties) {
        try {
            byte[] a = java.net.InetAddress.getByName(prefix).getAddress();
            if (a.length == 4) { // Java turns ::ffff:a.b.c.d into an IPv4 address: put it back
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(a, 0, mapped, 12, 4);
                a = mapped;
            }
            return new Special(a, bits, name, properties);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(prefix, e);
        }
    }

    private final int[][] ids;
    private final BitSet w;

    Ipv6Addresses(F f, BitSet wanted) {
        this.ids = f.IPV6_ADDRESS_ITEMS;
        this.w = wanted;
    }

    /** Adds the source or destination address at {@code off} with its items, then ipv6.addr with its own. */
    void add(FieldStore s, int layer, int ipv6Occ, int src, byte[] d, int off, boolean source) {
        int[] own = ids[source ? SRC : DST];
        items(s, layer, ipv6Occ, src, d, off, own);
        items(s, layer, ipv6Occ, src, d, off, ids[ADDR]);
        if (w.get(own[HOST]) || w.get(ids[ADDR][HOST])) {
            byte[] text = AddressText.ipv6(d, off).getBytes(StandardCharsets.US_ASCII);
            text(s, own[HOST], layer, ipv6Occ, src, off, text);
            text(s, ids[ADDR][HOST], layer, ipv6Occ, src, off, text);
        }
    }

    private void items(FieldStore s, int layer, int parent, int src, byte[] d, int off, int[] row) {
        int item = w.get(row[ITEM]) ? s.add(row[ITEM], layer, parent, src, off, 16, 0, null) : parent;
        if (!wantsAny(row)) {
            return;
        }
        int first = d[off] & 0xff;
        text(s, row[SPACE], layer, item, src, off, space(d, off).getBytes(StandardCharsets.US_ASCII));
        if (first == 0xff) {
            int word = NetworkLayers.u16(d, off);
            int flags = add(s, row[FLAGS], layer, item, src, off, (word & 0xf0) >> 4);
            int under = flags >= 0 ? flags : item;
            add(s, row[FLAGS + 1], layer, under, src, off, (word & 0x80) >> 7);
            add(s, row[FLAGS + 2], layer, under, src, off, word & 0x40);
            add(s, row[FLAGS + 3], layer, under, src, off, word & 0x20);
            add(s, row[FLAGS + 4], layer, under, src, off, word & 0x10);
            add(s, row[SCOPE], layer, item, src, off, word & 0x0f);
            return;
        }
        for (Special sp : SPECIALS) {
            if (sp.contains(d, off)) {
                int at = text(s, row[SPECIAL], layer, item, src, off, sp.name().getBytes(StandardCharsets.US_ASCII));
                int under = at >= 0 ? at : item;
                for (int i = 0; i < 5; i++) {
                    if (sp.properties()[i] != null) {
                        add(s, row[SPECIAL + 1 + i], layer, under, src, off, sp.properties()[i] ? 1 : 0);
                    }
                }
                return;
            }
        }
    }

    /**
     * The address space's name. Wireshark 4.6.9 reports as "Global Unicast" the blocks whose first
     * nibble is 2, 6, a or e (not just 2000::/3), which dfq reproduces.
     */
    static String space(byte[] d, int off) {
        int first = d[off] & 0xff;
        if (first == 0xff) {
            return "Multicast";
        }
        if (first == 0xfe && (d[off + 1] & 0xc0) == 0x80) {
            return "Link-Local Unicast";
        }
        if ((first & 0xfe) == 0xfc) {
            return "Unique Local Unicast";
        }
        return (first & 0x30) == 0x20 ? "Global Unicast" : "Reserved by IETF";
    }

    private boolean wantsAny(int[] row) {
        for (int c = 1; c < HOST; c++) {
            if (w.get(row[c])) {
                return true;
            }
        }
        return false;
    }

    private int add(FieldStore s, int id, int layer, int parent, int src, int off, long value) {
        return w.get(id) ? s.add(id, layer, parent, src, off, 2, value, null) : -1;
    }

    private int text(FieldStore s, int id, int layer, int parent, int src, int off, byte[] text) {
        return w.get(id) ? s.add(id, layer, parent, src, off, 16, 0, text) : -1;
    }
}
