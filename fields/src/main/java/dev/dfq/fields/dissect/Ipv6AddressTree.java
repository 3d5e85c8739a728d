package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldStore;
import dev.dfq.fields.Ipv6Text;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;

/**
 * An IPv6 address item with the subtree Wireshark 4.6.9 puts under it (its address space, its
 * IANA special-purpose block with the block's flags, or a multicast address's flags and scope),
 * then the same as the generic ipv6.addr item, then the host names (the address itself: dfq
 * resolves no names); and, after both addresses, what the addresses embed (6to4, Teredo, SLAAC,
 * NAT64), in Wireshark's order.
 */
final class Ipv6AddressTree {
    /** The field ids of one role: "src_", "dst_", or "" for the generic ipv6.addr fields. */
    record Role(int addr, int host, int space, int special, int[] specialFlags, int mcFlags, int[] mcFlagBits,
                int mcScope, int notMulticast, int slaac, int gw6to4, int sla6to4, int tsIpv4, int tcPort, int tcIpv4,
                int embedIpv4) {
        static Role of(Ids ids, String r) {
            String special = "ipv6." + (r.isEmpty() ? "addr_" : r) + "special_purpose";
            String mc = "ipv6." + r + "multicast_flags";
            return new Role(ids.of(r.isEmpty() ? "ipv6.addr" : "ipv6." + r.substring(0, 3)), ids.of("ipv6." + r + "host"),
                    ids.of("ipv6." + r + "addr_space"), ids.of(special),
                    new int[] {ids.of(special + "_source"), ids.of(special + "_destination"),
                        ids.of(special + "_forwardable"), ids.of(special + "_global"), ids.of(special + "_reserved")},
                    ids.of(mc), new int[] {ids.of(mc + ".reserved"), ids.of(mc + ".embed_rp"),
                        ids.of(mc + ".network_prefix"), ids.of(mc + ".transient")},
                    ids.of("ipv6." + r + "multicast_scope"),
                    r.equals("src_") ? ids.of("ipv6.src_addr.not_multicast") : -1, ids.of("ipv6." + r + "slaac_mac"),
                    ids.of("ipv6." + r + "6to4_gw_ipv4"), ids.of("ipv6." + r + "6to4_sla_id"), ids.of("ipv6." + r + "ts_ipv4"),
                    ids.of("ipv6." + r + "tc_port"), ids.of("ipv6." + r + "tc_ipv4"), ids.of("ipv6." + r + "embed_ipv4"));
        }

        /** Every id, so that the dissector is known to produce them. */
        int[] all() {
            int[] single = {addr, host, space, special, mcFlags, mcScope, notMulticast, slaac, gw6to4, sla6to4, tsIpv4,
                tcPort, tcIpv4, embedIpv4};
            return java.util.stream.IntStream.concat(java.util.stream.IntStream.of(single),
                    java.util.stream.IntStream.concat(java.util.stream.IntStream.of(specialFlags),
                            java.util.stream.IntStream.of(mcFlagBits))).filter(id -> id >= 0).toArray();
        }
    }

    /**
     * An IANA special-purpose block as Wireshark 4.6.9 names it, with its flags: source, destination,
     * forwardable, global (-1: "N/A", no item), reserved-by-protocol.
     */
    private record Block(byte[] prefix, int bits, String name, int source, int destination, int forwardable, int global,
                         int reserved) {
        static Block of(String literal, int bits, String name, int source, int destination, int forwardable, int global,
                        int reserved) {
            try {
                // a numeric literal: no name is looked up
                byte[] prefix = java.net.InetAddress.getByName(literal).getAddress();
                if (prefix.length == 4) {
                    // Java reads ::ffff:a.b.c.d as an IPv4 address
                    byte[] mapped = new byte[16];
                    mapped[10] = (byte) 0xff;
                    mapped[11] = (byte) 0xff;
                    System.arraycopy(prefix, 0, mapped, 12, 4);
                    prefix = mapped;
                }
                return new Block(prefix, bits, name, source, destination, forwardable, global, reserved);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException(literal, e);
            }
        }

        boolean contains(byte[] d, int off) {
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((d[off + i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Most specific first, so that the first block containing an address is its own. */
    private static final List<Block> BLOCKS = List.of(
            Block.of("::", 128, "Unspecified Address", 1, 0, 0, 0, 1),
            Block.of("::1", 128, "Loopback Address", 0, 0, 0, 0, 1),
            Block.of("2001:1::1", 128, "Port Control Protocol Anycast", 1, 1, 1, 1, 0),
            Block.of("2001:1::2", 128, "Traversal Using Relays around NAT Anycast", 1, 1, 1, 1, 0),
            Block.of("2001:1::3", 128, "DNS-SD Service Registration Protocol Anycast", 1, 1, 1, 1, 0),
            Block.of("::ffff:0:0", 96, "IPv4-mapped Address", 0, 0, 0, 0, 1),
            Block.of("64:ff9b::", 96, "IPv4-IPv6 Translat.", 1, 1, 1, 1, 0),
            Block.of("100::", 64, "Discard-Only Address Block", 1, 1, 1, 0, 0),
            Block.of("64:ff9b:1::", 48, "IPv4-IPv6 Translat.", 1, 1, 1, 0, 0),
            Block.of("2001:2::", 48, "Benchmarking", 1, 1, 1, 0, 0),
            Block.of("2001:4:112::", 48, "AS112-v6", 1, 1, 1, 1, 0),
            Block.of("2620:4f:8000::", 48, "Direct Delegation AS112 Service", 1, 1, 1, 1, 0),
            Block.of("2001::", 32, "TEREDO", 1, 1, 1, -1, 0),
            Block.of("2001:3::", 32, "AMT", 1, 1, 1, 1, 0),
            Block.of("2001:db8::", 32, "Documentation", 0, 0, 0, 0, 0),
            Block.of("2001:20::", 28, "ORCHIDv2", 1, 1, 1, 1, 0),
            Block.of("2001:30::", 28, "Drone Remote ID Protocol Entity Tags (DETs) Prefix", 1, 1, 1, 1, 0),
            Block.of("3fff::", 20, "Documentation", 0, 0, 0, 0, 0),
            Block.of("2002::", 16, "6to4", 1, 1, 1, -1, 0),
            Block.of("5f00::", 16, "Segment Routing (SRv6) SIDs", 1, 1, 1, 0, 0),
            Block.of("fe80::", 10, "Link-Local Unicast", 1, 1, 0, 0, 1),
            Block.of("fc00::", 7, "Unique-Local", 1, 1, 1, -1, 0));


    private final BitSet w;
    private final Expert expert;
    final Role src;
    final Role dst;
    private final Role any;
    private final int embedPrefix;

    Ipv6AddressTree(F f, BitSet wanted, Expert expert) {
        this.w = wanted;
        this.expert = expert;
        this.src = f.IPV6_SRC_ROLE;
        this.dst = f.IPV6_DST_ROLE;
        this.any = f.IPV6_ADDR_ROLE;
        this.embedPrefix = f.IPV6_EMBED_IPV4_PREFIX;
    }

    /** The address at {@code off} as {@code role} under the ipv6 item, its generic twin and the host names. */
    void add(FieldStore s, int layer, int parent, int off, Role role) {
        subtree(s, layer, parent, off, role);
        subtree(s, layer, parent, off, any);
        if (w.get(role.host) || w.get(any.host)) {
            byte[] text = Ipv6Text.format(java.util.Arrays.copyOfRange(s.sourceData(0), off, off + 16))
                    .getBytes(StandardCharsets.US_ASCII);
            put(s, role.host, layer, parent, off, 16, 0, text);
            put(s, any.host, layer, parent, off, 16, 0, text);
        }
    }

    private void subtree(FieldStore s, int layer, int parent, int off, Role role) {
        byte[] d = s.sourceData(0);
        int item = put(s, role.addr, layer, parent, off, 16, 0, null);
        int under = item >= 0 ? item : parent;
        int space = put(s, role.space, layer, under, off, 16, 0, bytes(space(d, off)));
        if ((d[off] & 0xff) == 0xff) {
            if (role.notMulticast >= 0) {
                expert.add(s, layer, space >= 0 ? space : under, off, 16, role.notMulticast,
                        "Source address must not be a multicast address", Expert.WARN, Expert.PROTOCOL);
            }
            int flags = d[off + 1] & 0xf0;
            int flagsItem = put(s, role.mcFlags, layer, under, off, 2, flags >> 4, null);
            int flagsUnder = flagsItem >= 0 ? flagsItem : under;
            for (int i = 0; i < 4; i++) {
                put(s, role.mcFlagBits[i], layer, flagsUnder, off, 2, (flags >> (7 - i)) & 1, null);
            }
            put(s, role.mcScope, layer, under, off, 2, d[off + 1] & 0x0f, null);
            return;
        }
        for (Block b : BLOCKS) {
            if (b.contains(d, off)) {
                int special = put(s, role.special, layer, under, off, 16, 0, bytes(b.name()));
                int flagsUnder = special >= 0 ? special : under;
                int[] values = {b.source(), b.destination(), b.forwardable(), b.global(), b.reserved()};
                for (int i = 0; i < 5; i++) {
                    if (values[i] >= 0) {
                        put(s, role.specialFlags[i], layer, flagsUnder, off, 16, values[i], null);
                    }
                }
                return;
            }
        }
    }

    /** What the two addresses embed, after both: 6to4 gateways, Teredo server and client, SLAAC MACs, NAT64 IPv4. */
    void embedded(FieldStore s, int layer, int parent, int srcOff, int dstOff) {
        byte[] d = s.sourceData(0);
        for (int k = 0; k < 2; k++) {
            int off = k == 0 ? srcOff : dstOff;
            Role role = k == 0 ? src : dst;
            if (u16(d, off) == 0x2002) {
                // the address's own items, then the generic ones
                for (Role r : new Role[] {role, any}) {
                    put(s, r.gw6to4, layer, parent, off + 2, 4, NetworkLayers.u32(d, off + 2), null);
                    put(s, r.sla6to4, layer, parent, off + 6, 2, u16(d, off + 6), null);
                }
            }
        }
        for (int k = 0; k < 2; k++) {
            int off = k == 0 ? srcOff : dstOff;
            Role role = k == 0 ? src : dst;
            if (u16(d, off) == 0x2001 && u16(d, off + 2) == 0) {
                // the client's port and address are stored inverted
                for (Role r : new Role[] {role, any}) {
                    put(s, r.tsIpv4, layer, parent, off + 4, 4, NetworkLayers.u32(d, off + 4), null);
                    put(s, r.tcPort, layer, parent, off + 10, 2, ~u16(d, off + 10) & 0xffff, null);
                    put(s, r.tcIpv4, layer, parent, off + 12, 4, ~NetworkLayers.u32(d, off + 12) & 0xffffffffL, null);
                }
            }
        }
        for (int k = 0; k < 2; k++) {
            int off = k == 0 ? srcOff : dstOff;
            Role role = k == 0 ? src : dst;
            // a modified EUI-64 interface identifier: universal bit set, ff:fe in the middle
            if ((d[off + 8] & 0x02) != 0 && (d[off + 11] & 0xff) == 0xff && (d[off + 12] & 0xff) == 0xfe) {
                byte[] mac = {(byte) (d[off + 8] ^ 0x02), d[off + 9], d[off + 10], d[off + 13], d[off + 14], d[off + 15]};
                both(s, layer, parent, off + 8, 8, 0, mac, role.slaac, any.slaac);
            }
        }
        for (int k = 0; k < 2; k++) {
            int off = k == 0 ? srcOff : dstOff;
            Role role = k == 0 ? src : dst;
            if (BLOCKS.get(6).contains(d, off)) {
                put(s, embedPrefix, layer, parent, off, 12, 0, null);
                both(s, layer, parent, off + 12, 4, NetworkLayers.u32(d, off + 12), null, role.embedIpv4, any.embedIpv4);
            }
        }
    }

    private void both(FieldStore s, int layer, int parent, int off, int len, long value, byte[] ref, int id, int generic) {
        put(s, id, layer, parent, off, len, value, ref);
        put(s, generic, layer, parent, off, len, value, ref);
    }

    /**
     * The address space as Wireshark 4.6.9 tells it. Its Global Unicast test matches the first
     * four bits against 2000::/3 with a two-bit mask, so 6000::/4, a000::/4 and e000::/4 are Global
     * Unicast too; dfq says what tshark says.
     */
    static String space(byte[] d, int off) {
        int first = d[off] & 0xff;
        int second = d[off + 1] & 0xff;
        if (first == 0xff) {
            return "Multicast";
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return "Link-Local Unicast";
        }
        if ((first & 0xfe) == 0xfc) {
            return "Unique Local Unicast";
        }
        if ((first >> 4 & 0x3) == 0x2 && first < 0xf0) {
            return "Global Unicast";
        }
        return "Reserved by IETF";
    }

    private int put(FieldStore s, int id, int layer, int parent, int off, int len, long value, byte[] ref) {
        return id >= 0 && w.get(id) ? s.add(id, layer, parent, 0, off, len, value, ref) : -1;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static int u16(byte[] d, int o) {
        return NetworkLayers.u16(d, o);
    }
}
