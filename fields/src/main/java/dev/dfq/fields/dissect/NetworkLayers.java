package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldStore;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Link layer, IPv4/IPv6 and the transports above them.
 *
 * <pre>
 * Ethernet II:  dst(6) src(6) [TPID 0x8100/0x88a8 TCI(2)]* type(2) payload
 * IPv4 (RFC 791): ver/ihl, dscp/ecn, total length, id, flags/fragment offset, ttl, protocol, checksum, src, dst, options
 * IPv6 (RFC 8200): ver/tc/flow(4), payload length(2), next header, hop limit, src(16), dst(16), extension headers
 * TCP (RFC 9293): ports, seq, ack, data offset/flags(2), window, checksum, urgent, options
 * UDP (RFC 768): ports, length, checksum
 * </pre>
 */
final class NetworkLayers {
    /** Linux ARPHRD_IPGRE: a cooked header from a GRE tunnel device carries a GRE protocol type. */
    private static final int ARPHRD_IPGRE = 778;
    private final F f;
    private final BitSet w;
    private final TcpState tcp;
    private final MacTree macTree;
    private final Expert expert;
    private final Ipv6AddressTree ipv6Addresses;
    private final AddressPairs ipv6Streams = new AddressPairs(16);
    private final UdpConversations udpStreams = new UdpConversations();
    private final Map<Long, Integer> ipStreams = new HashMap<>();
    private final Map<MacPair, Integer> ethStreams = new HashMap<>();
    private final Ipv6Extensions extensions;
    private final Ipv4Options options;
    /** Hop limit of the IPv6 header last dissected (ICMPv6's Info shows it). */
    private int hopLimit;
    private final byte[][] hostText = new byte[2][];
    // layer counters per frame
    private int ipLayer;
    private int ipv6Layer;
    private int ethLayer;
    private int vlanLayer;
    private int adLayer;

    private final LowerPrefs prefs;
    private final IpFragments fragments;
    private final int[] IPV4_FRAGMENT_FIELDS;
    private final int[] IPV6_FRAGMENT_FIELDS;
    /** Inside the IP packet an ICMP error quotes: no reassembly, columns untouched. */
    private boolean inError;
    /** The parent of the next IP protocol item: -1, or the ICMP item quoting it. */
    private int ipParent = -1;
    private final Icmp icmp;
    private final Icmpv6 icmpv6;
    /** The data source being dissected: the frame (0), or a reassembled IP datagram. */
    private byte[] data;
    private int src;
    private int udpLayer;
    /** The transport payload is a first fragment not reassembled (Wireshark's pinfo->fragmented). */
    private boolean fragmented;
    /** TTL of the IPv4 header last dissected (ICMP's Info shows it). */
    private int ttl;

    NetworkLayers(F f, BitSet wanted, MailHandoff mail, LowerPrefs prefs, TcpCompleteness completeness,
                  IpFragments fragments, Icmp icmp, Icmpv6 icmpv6) {
        this.f = f;
        this.w = wanted;
        this.prefs = prefs;
        this.tcp = new TcpState(f, wanted, mail, prefs, completeness);
        this.fragments = fragments;
        this.icmp = icmp;
        this.icmpv6 = icmpv6;
        IPV4_FRAGMENT_FIELDS = new int[] {f.IP_FRAGMENTS, f.IP_FRAGMENT, f.IP_FRAGMENT_OVERLAP, f.IP_FRAGMENT_OVERLAP_CONFLICT,
            f.IP_FRAGMENT_COUNT, f.IP_REASSEMBLED_LENGTH, f.IP_REASSEMBLED_DATA};
        IPV6_FRAGMENT_FIELDS = new int[] {f.IPV6_FRAGMENTS, f.IPV6_FRAGMENT, f.IPV6_FRAGMENT_OVERLAP,
            f.IPV6_FRAGMENT_OVERLAP_CONFLICT, f.IPV6_FRAGMENT_COUNT, f.IPV6_REASSEMBLED_LENGTH, f.IPV6_REASSEMBLED_DATA};
        this.macTree = new MacTree(f, wanted, prefs.macNames());
        this.expert = new Expert(f, wanted);
        this.options = new Ipv4Options(f, wanted, expert);
        this.extensions = new Ipv6Extensions(f, wanted, expert);
        this.ipv6Addresses = new Ipv6AddressTree(f, wanted, expert);
    }

    void dissect(FrameInfo info, FieldStore s, PacketDissector.Layers layers, boolean transport, boolean network) {
        ipLayer = 0;
        ipv6Layer = 0;
        ethLayer = 0;
        vlanLayer = 0;
        adLayer = 0;
        udpLayer = 0;
        inError = false;
        fragmented = false;
        ipParent = -1;
        data = info.data;
        src = 0;
        byte[] d = info.data;
        int len = info.caplen;
        switch (info.linkType) {
            case Encapsulations.LINKTYPE_ETHERNET -> ethernet(info, s, layers, 0, len, transport, network);
            case Encapsulations.LINKTYPE_NULL, Encapsulations.LINKTYPE_LOOP -> {
                if (len < 4) {
                    return;
                }
                int occ = s.add(f.NULL, 1, -1, 0, 0, 4, 0, null);
                layers.add("null");
                long family = info.linkType == Encapsulations.LINKTYPE_LOOP ? u32(d, 0)
                        : (d[0] == 0 && d[1] == 0) ? u32(d, 0) : Integer.toUnsignedLong(Integer.reverseBytes((int) u32(d, 0)));
                add(s, f.NULL_FAMILY, 1, occ, 0, 4, family);
                int type = family == 2 ? 0x0800 : (family == 24 || family == 28 || family == 30) ? 0x86dd : -1;
                if (network) {
                    network(info, s, layers, type, 4, len - 4, transport);
                }
            }
            case Encapsulations.LINKTYPE_RAW, 12, 14, Encapsulations.LINKTYPE_IPV4, Encapsulations.LINKTYPE_IPV6 -> {
                layers.add("raw");
                if (network && len > 0) {
                    int version = (d[0] >> 4) & 0xf;
                    network(info, s, layers, version == 6 ? 0x86dd : 0x0800, 0, len, transport);
                }
            }
            case Encapsulations.LINKTYPE_LINUX_SLL -> {
                if (len < 16) {
                    return;
                }
                int occ = s.add(f.SLL, 1, -1, 0, 0, 16, 0, null);
                layers.add("sll");
                add(s, f.SLL_PKTTYPE, 1, occ, 0, 2, u16(d, 0));
                add(s, f.SLL_HATYPE, 1, occ, 2, 2, u16(d, 2));
                add(s, f.SLL_HALEN, 1, occ, 4, 2, u16(d, 4));
                sllSource(s, occ, 6, u16(d, 4));
                int type = u16(d, 14);
                if (sllProtocol(s, layers, occ, 14, type, u16(d, 2)) && network) {
                    network(info, s, layers, type, 16, len - 16, transport);
                }
            }
            case Encapsulations.LINKTYPE_LINUX_SLL2 -> {
                if (len < 20) {
                    return;
                }
                int occ = s.add(f.SLL, 1, -1, 0, 0, 20, 0, null);
                layers.add("sll");
                int type = u16(d, 0);
                boolean ethertype = sllProtocol(s, layers, occ, 0, type, u16(d, 8));
                bytes(s, f.SLL_RESERVED, 1, occ, 2, 2);
                add(s, f.SLL_IFINDEX, 1, occ, 4, 4, u32(d, 4));
                add(s, f.SLL_HATYPE, 1, occ, 8, 2, u16(d, 8));
                add(s, f.SLL_PKTTYPE, 1, occ, 10, 1, d[10] & 0xff);
                add(s, f.SLL_HALEN, 1, occ, 11, 1, d[11] & 0xff);
                sllSource(s, occ, 12, d[11] & 0xff);
                if (ethertype && network) {
                    network(info, s, layers, type, 20, len - 20, transport);
                }
            }
            default -> {
            }
        }
    }

    private void ethernet(FrameInfo info, FieldStore s, PacketDissector.Layers layers, int off, int len,
                          boolean transport, boolean network) {
        byte[] d = info.data;
        if (len < 14) {
            return;
        }
        int layer = ++ethLayer;
        int occ = s.add(f.ETH, layer, -1, 0, off, 14, 0, null);
        layers.add("eth");
        macTree.add(s, layer, occ, off, macTree.dst);
        macTree.add(s, layer, occ, off + 6, macTree.src);
        int type = u16(d, off + 12);
        add(s, f.ETH_TYPE, layer, occ, off + 12, 2, type);
        if (w.get(f.ETH_STREAM)) {
            // a conversation is the pair of addresses, whichever way the frame goes
            long a = macKey(d, off);
            long b = macKey(d, off + 6);
            MacPair key = new MacPair(Math.min(a, b), Math.max(a, b));
            add(s, f.ETH_STREAM, layer, occ, 0, 0, ethStreams.computeIfAbsent(key, k -> ethStreams.size()));
        }
        layers.add("ethertype");
        int p = off + 14;
        while ((type == 0x8100 || type == 0x88a8) && p + 4 <= len) {
            // an 802.1ad service tag is its own protocol in Wireshark, not a second vlan layer
            type = type == 0x88a8
                    ? tag(s, layers, d, p, ++adLayer, f.IEEE8021AD, "ieee8021ad", f.IEEE8021AD_PRIORITY, f.IEEE8021AD_DEI,
                            f.IEEE8021AD_ID, f.IEEE8021AH_ETYPE)
                    : tag(s, layers, d, p, ++vlanLayer, f.VLAN, "vlan", f.VLAN_PRIORITY, f.VLAN_DEI, f.VLAN_ID,
                            f.VLAN_ETYPE);
            layers.add("ethertype");
            p += 4;
        }
        if (network) {
            network(info, s, layers, type, p, len - p, transport);
        }
    }

    /**
     * A cooked header's protocol: a Linux protocol number up to 1536 (sll.ltype; 802.2 and the like,
     * which dfq does not dissect), on an IP-over-GRE device (ARPHRD_IPGRE) a GRE protocol type
     * (sll.gretype), else an Ethernet type (sll.etype). Returns whether IP may follow.
     */
    private boolean sllProtocol(FieldStore s, PacketDissector.Layers layers, int occ, int off, int type, int hatype) {
        if (type <= 1536) {
            add(s, f.SLL_LTYPE, 1, occ, off, 2, type);
            return false;
        }
        if (hatype == ARPHRD_IPGRE) {
            add(s, f.SLL_GRETYPE, 1, occ, off, 2, type);
            return true;
        }
        add(s, f.SLL_ETYPE, 1, occ, off, 2, type);
        layers.add("ethertype");
        return true;
    }

    /**
     * The 8-byte source address field of a cooked header, as Wireshark reads it from the address
     * length alone: 4 bytes an IPv4 address, 6 a MAC, other lengths raw (at most 8); what is left of
     * the 8 bytes is "unused".
     */
    private void sllSource(FieldStore s, int occ, int off, int halen) {
        switch (halen) {
            case 0 -> {
            }
            case 4 -> add(s, f.SLL_SRC_IPV4, 1, occ, off, 4, u32(s.sourceData(0), off));
            case 6 -> bytes(s, f.SLL_SRC_ETH, 1, occ, off, 6);
            default -> bytes(s, f.SLL_SRC_OTHER, 1, occ, off, Math.min(halen, 8));
        }
        if (halen < 8) {
            bytes(s, f.SLL_UNUSED, 1, occ, off + halen, 8 - halen);
        }
    }

    private void network(FrameInfo info, FieldStore s, PacketDissector.Layers layers, int type, int off, int len,
                         boolean transport) {
        if (type == 0x0800) {
            ipv4(info, s, layers, off, len, transport);
        } else if (type == 0x86dd) {
            ipv6(info, s, layers, off, len, transport);
        } else if (type == 0x0806) {
            arp(info, s, layers, off, len);
        }
    }

    private void ipv4(FrameInfo info, FieldStore s, PacketDissector.Layers layers, int off, int avail, boolean transport) {
        byte[] d = data;
        if (avail >= 1 && (d[off] & 0xf0) != 0x40 && (d[off] & 0xf0) != 0x60) {
            bogusVersion(s, layers, d, off);
            return;
        }
        if (avail < 20) {
            return;
        }
        int ihl = (d[off] & 0x0f) * 4;
        int total = u16(d, off + 2);
        int layer = ++ipLayer;
        // the IP tvb ends at the total length (Ethernet padding is not IP's)
        int end = Math.min(off + Math.max(total, ihl), off + avail);
        layers.add("ip");
        int occ = s.add(f.IP, layer, ipParent, src, off, ihl, end, null);
        add(s, f.IP_VERSION, layer, occ, off, 1, (d[off] >> 4) & 0xf);
        add(s, f.IP_HDR_LEN, layer, occ, off, 1, ihl);
        int ds = d[off + 1] & 0xff;
        int dsTree = under(add(s, f.IP_DSFIELD, layer, occ, off + 1, 1, ds), occ);
        add(s, f.IP_DSFIELD_DSCP, layer, dsTree, off + 1, 1, ds >> 2);
        add(s, f.IP_DSFIELD_ECN, layer, dsTree, off + 1, 1, ds & 3);
        add(s, f.IP_LEN, layer, occ, off + 2, 2, total);
        add(s, f.IP_ID, layer, occ, off + 4, 2, u16(d, off + 4));
        int ff = u16(d, off + 6);
        int flagsTree = under(add(s, f.IP_FLAGS, layer, occ, off + 6, 1, ff >> 13), occ);
        add(s, f.IP_FLAGS_RB, layer, flagsTree, off + 6, 1, (ff >> 8) & 0x80);
        add(s, f.IP_FLAGS_DF, layer, flagsTree, off + 6, 1, (ff >> 8) & 0x40);
        add(s, f.IP_FLAGS_MF, layer, flagsTree, off + 6, 1, (ff >> 8) & 0x20);
        add(s, f.IP_FRAG_OFFSET, layer, occ, off + 6, 2, ff & 0x1fff); // in 8-byte units, as Wireshark 4.6 stores it
        int ttlOcc = add(s, f.IP_TTL, layer, occ, off + 8, 1, d[off + 8] & 0xff);
        ttlExpert(s, layer, under(ttlOcc, occ), off + 8, d[off + 8] & 0xff, u32(d, off + 16));
        if (!inError) {
            ttl = d[off + 8] & 0xff;
        }
        int proto = d[off + 9] & 0xff;
        add(s, f.IP_PROTO, layer, occ, off + 9, 1, proto);
        int checksum = u16(d, off + 10);
        int checksumItem = add(s, f.IP_CHECKSUM, layer, occ, off + 10, 2, checksum);
        if (prefs.ipCheckChecksum() && ihl >= 20 && ihl <= avail) {
            long sum = Checksums.sum(d, off, ihl, 0);
            boolean good = Checksums.fold(sum) == 0xffff;
            int shouldBe = Checksums.shouldBe(sum, checksum);
            if (!good) {
                expert.badChecksum(s, layer, under(checksumItem, occ), off + 10, f.IP_CHECKSUM_BAD_EXPERT, shouldBe);
            }
            add(s, f.IP_CHECKSUM_STATUS, layer, occ, off + 10, 0, good ? Checksums.GOOD : Checksums.BAD);
            add(s, f.IP_CHECKSUM_CALCULATED, layer, occ, off + 10, 2, shouldBe);
        } else {
            add(s, f.IP_CHECKSUM_STATUS, layer, occ, off + 10, 0, Checksums.UNVERIFIED); // as tshark by default
        }
        long src = u32(d, off + 12);
        long dst = u32(d, off + 16);
        addr4(s, layer, occ, off + 12, src, f.IP_SRC, f.IP_SRC_HOST);
        addr4(s, layer, occ, off + 16, dst, f.IP_DST, f.IP_DST_HOST);
        if (ihl > 20 && ihl <= avail) {
            options.dissect(s, d, this.src, layer, occ, off + 20, off + ihl);
        }
        int payloadLen = Math.max(0, Math.min(total, avail) - ihl);
        if ((ff & 0x3fff) != 0) {
            // a fragment: reassembled once its datagram is whole (not inside an ICMP error, and not
            // when its header checksum was checked and found bad), else its payload is data
            IpFragments.Reassembled whole = null;
            boolean eligible = prefs.ipDefragment() && !inError && total > ihl && total <= avail
                    && (!prefs.ipCheckChecksum() || ipChecksumGood(d, off, ihl));
            if (eligible) {
                whole = fragments.add(IpFragments.key4(src, dst, u16(d, off + 4), proto), info.number,
                        (ff & 0x1fff) * 8, d, off + ihl, total - ihl, (ff & 0x2000) != 0);
            } else if ((ff & 0x1fff) == 0) {
                // not reassembled (defragmentation off, cut short, bad checksum): a first fragment's
                // payload is dissected as far as it goes
                ipStream(s, layer, occ, off + ihl, src, dst);
                if (transport || quotesPackets(proto)) {
                    fragmented = true;
                    transport(info, s, layers, proto, off + ihl, payloadLen, Math.max(0, total - ihl), src, dst, null, null);
                }
                return;
            }
            if (whole != null) {
                int rs = reassembledSource(s, "Reassembled IPv4", whole);
                fragmentTree(s, layer, occ, rs, whole, IPV4_FRAGMENT_FIELDS);
                ipStream(s, layer, occ, off + ihl, src, dst);
                if (transport || quotesPackets(proto)) {
                    this.src = rs;
                    this.data = whole.data();
                    transport(info, s, layers, proto, 0, whole.data().length, whole.data().length, src, dst, null, null);
                }
                return;
            }
            int in = fragments.reassembledIn(info.number);
            if (in != 0) {
                add(s, f.IP_REASSEMBLED_IN, layer, occ, off + ihl, 0, in);
            }
            ipStream(s, layer, occ, off + ihl, src, dst);
            if (transport) {
                fragmentData(s, layers, off + ihl, payloadLen);
                if (!inError) {
                    layers.mailProtocol = "IPv4";
                    layers.mailInfo = "Fragmented IP protocol (proto=" + icmp.protocolName(proto) + " " + proto + ", off="
                            + (ff & 0x1fff) * 8 + ", ID=" + String.format("%04x", u16(d, off + 4)) + ")"
                            + (in != 0 ? " [Reassembled in #" + in + "]" : "");
                }
            }
            return;
        }
        ipStream(s, layer, occ, off + ihl, src, dst);
        if (!transport && !quotesPackets(proto)) {
            return;
        }
        transport(info, s, layers, proto, off + ihl, payloadLen, Math.max(0, total - ihl), src, dst, null, null);
    }

    /**
     * ICMP and ICMPv6: dissected even when no transport field is wanted, since an error message
     * quotes an IP packet whose ip.* / ipv6.* fields a filter on the network layer sees (cheap, rare).
     */
    private static boolean quotesPackets(int proto) {
        return proto == 1 || proto == 58;
    }

    /**
     * Wireshark's TTL notes: to the Local Network Control Block (224.0.0.0/24) a TTL other than 1; to
     * any other non-multicast address a TTL under 5.
     */
    private void ttlExpert(FieldStore s, int layer, int parent, int off, int ttl, long dst) {
        if ((dst & 0xffffff00L) == 0xe0000000L) {
            if (ttl != 1) {
                expert.add(s, layer, parent, off, 1, f.IP_TTL_LNCB, "\"Time To Live\" != 1 for a packet sent to the Local "
                        + "Network Control Block (see RFC 3171)", Expert.NOTE, Expert.SEQUENCE);
            }
        } else if ((dst & 0xf0000000L) != 0xe0000000L && ttl < 5) {
            expert.add(s, layer, parent, off, 1, f.IP_TTL_TOO_SMALL, "\"Time To Live\" only " + ttl, Expert.NOTE,
                    Expert.SEQUENCE);
        }
    }

    private void ipStream(FieldStore s, int layer, int occ, int off, long src, long dst) {
        if (w.get(f.IP_STREAM)) {
            long key = Math.min(src, dst) << 32 | Math.max(src, dst);
            add(s, f.IP_STREAM, layer, occ, off, 0, ipStreams.computeIfAbsent(key, k -> ipStreams.size()));
        }
    }

    private static boolean ipChecksumGood(byte[] d, int off, int ihl) {
        return Checksums.fold(Checksums.sum(d, off, ihl, 0)) == 0xffff;
    }

    /** The reassembled datagram as a new data source, named as Wireshark names it. */
    private static int reassembledSource(FieldStore s, String name, IpFragments.Reassembled whole) {
        return s.addSource(name + " (" + whole.data().length + " bytes)", whole.data(), whole.data().length);
    }

    /** ip.* or ipv6.* ids of the fragment items: fragments, fragment, overlap, conflict, count, length, data. */
    /**
     * The "N IPv4 Fragments" subtree of the frame completing a datagram: each fragment's frame (by
     * offset), overlap flags, the count, the reassembled length and data; items over the reassembled source.
     */
    private void fragmentTree(FieldStore s, int layer, int parent, int rs, IpFragments.Reassembled whole, int[] ids) {
        int len = whole.data().length;
        int tree = under(addIn(s, ids[0], layer, parent, rs, 0, len, 0), parent);
        for (IpFragments.Fragment fr : whole.fragments()) {
            int item = under(addIn(s, ids[1], layer, tree, rs, fr.offset, fr.bytes.length, fr.frame), tree);
            if (fr.overlap) {
                addIn(s, ids[2], layer, item, rs, fr.offset, fr.bytes.length, 1);
            }
            if (fr.conflict) {
                addIn(s, ids[3], layer, item, rs, fr.offset, fr.bytes.length, 1);
            }
        }
        addIn(s, ids[4], layer, tree, rs, 0, 0, whole.fragments().size());
        addIn(s, ids[5], layer, tree, rs, 0, 0, len);
        addIn(s, ids[6], layer, tree, rs, 0, len, 0);
    }

    /** A fragment not (yet) reassembled: its payload as the data protocol. */
    private void fragmentData(FieldStore s, PacketDissector.Layers layers, int off, int len) {
        if (len > 0) {
            layers.add("data");
            DataLayer.add(f, w, s, src, off, len);
        }
    }

    private int addIn(FieldStore s, int id, int layer, int parent, int source, int off, int len, long value) {
        return Items.add(w, s, id, layer, parent, source, off, len, value);
    }

    private void addr4(FieldStore s, int layer, int occ, int off, long v, int id, int hostId) {
        add(s, id, layer, occ, off, 4, v);
        add(s, f.IP_ADDR, layer, occ, off, 4, v);
        if (w.get(hostId) || w.get(f.IP_HOST)) {
            byte[] text = (((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff))
                    .getBytes(StandardCharsets.US_ASCII);
            if (w.get(hostId)) {
                s.add(hostId, layer, occ, src, off, 4, 0, text);
            }
            if (w.get(f.IP_HOST)) {
                s.add(f.IP_HOST, layer, occ, src, off, 4, 0, text);
            }
        }
    }

    private void ipv6(FrameInfo info, FieldStore s, PacketDissector.Layers layers, int off, int avail, boolean transport) {
        byte[] d = data;
        if (avail < 40) {
            return;
        }
        int layer = ++ipv6Layer;
        int plen = u16(d, off + 4);
        int end = Math.min(off + 40 + plen, off + avail);
        layers.add("ipv6");
        int occ = s.add(f.IPV6, layer, ipParent, src, off, 40, end, null);
        long first = u32(d, off);
        add(s, f.IPV6_VERSION, layer, occ, off, 1, first >>> 28);
        add(s, f.IP_VERSION, layer, occ, off, 1, first >>> 28); // hidden, as in Wireshark
        long tc = (first >>> 20) & 0xff;
        int tcTree = under(add(s, f.IPV6_TCLASS, layer, occ, off, 4, tc), occ);
        add(s, f.IPV6_TCLASS_DSCP, layer, tcTree, off, 4, tc >> 2);
        add(s, f.IPV6_TCLASS_ECN, layer, tcTree, off, 4, tc & 3);
        add(s, f.IPV6_FLOW, layer, occ, off + 1, 3, first & 0xfffff);
        add(s, f.IPV6_PLEN, layer, occ, off + 4, 2, plen);
        int nxt = d[off + 6] & 0xff;
        add(s, f.IPV6_NXT, layer, occ, off + 6, 1, nxt);
        add(s, f.IPV6_HLIM, layer, occ, off + 7, 1, d[off + 7] & 0xff);
        ipv6Addresses.add(s, layer, occ, off + 8, ipv6Addresses.src);
        ipv6Addresses.add(s, layer, occ, off + 24, ipv6Addresses.dst);
        ipv6Addresses.embedded(s, layer, occ, off + 8, off + 24);
        if (w.get(f.IPV6_STREAM)) {
            add(s, f.IPV6_STREAM, layer, occ, off + 40, 0, ipv6Streams.index(d, off + 8, off + 24));
        }
        if (!inError) {
            hopLimit = d[off + 7] & 0xff;
        }
        int limit = Math.min(end, off + avail);
        int p = off + 40;
        while (Ipv6Extensions.isExtension(nxt)) {
            int hlen = Ipv6Extensions.length(d, p, nxt, limit);
            if (hlen < 0) {
                return;
            }
            if (nxt != Ipv6Extensions.FRAGMENT) {
                extensions.options(s, layers, d, src, layer, occ, nxt, p, hlen);
                nxt = d[p] & 0xff;
                p += hlen;
                continue;
            }
            extensions.fragmentHeader(s, layers, d, src, layer, occ, p);
            int offMore = u16(d, p + 2);
            nxt = d[p] & 0xff;
            p += 8;
            if ((offMore & 0xfff9) != 0) { // an atomic fragment (offset 0, no more) is dissected as it is
                fragment6(info, s, layers, d, layer, occ, off, p, end, avail, nxt, offMore, transport);
                return;
            }
        }
        if (!transport && !quotesPackets(nxt)) {
            return;
        }
        int payloadLen = Math.max(0, limit - p);
        transport(info, s, layers, nxt, p, payloadLen, Math.max(0, off + 40 + plen - p), 0, 0,
                java.util.Arrays.copyOfRange(d, off + 8, off + 24), java.util.Arrays.copyOfRange(d, off + 24, off + 40));
    }

    /** An IPv6 fragment after its fragment header at {@code p}: reassembled when whole, else data. */
    private void fragment6(FrameInfo info, FieldStore s, PacketDissector.Layers layers, byte[] d, int layer, int occ, int off,
                           int p, int end, int avail, int nxt, int offMore, boolean transport) {
        long ident = u32(d, p - 4);
        int fragOff = offMore & 0xfff8;
        IpFragments.Reassembled whole = null;
        if (prefs.ipv6Defragment() && !inError && end <= off + avail) {
            whole = fragments.add(IpFragments.key6(d, off + 8, ident), info.number, fragOff, d, p, end - p,
                    (offMore & 1) != 0);
        } else if (fragOff == 0) { // not reassembled: a first fragment's payload as far as it goes
            if (transport || quotesPackets(nxt)) {
                fragmented = true;
                transport(info, s, layers, nxt, p, Math.max(0, Math.min(end, off + avail) - p), Math.max(0, end - p), 0, 0,
                        java.util.Arrays.copyOfRange(d, off + 8, off + 24), java.util.Arrays.copyOfRange(d, off + 24, off + 40));
            }
            return;
        }
        if (whole != null) {
            int rs = reassembledSource(s, "Reassembled IPv6", whole);
            fragmentTree(s, layer, occ, rs, whole, IPV6_FRAGMENT_FIELDS);
            if (transport || quotesPackets(nxt)) {
                byte[] src6 = java.util.Arrays.copyOfRange(d, off + 8, off + 24);
                byte[] dst6 = java.util.Arrays.copyOfRange(d, off + 24, off + 40);
                this.src = rs;
                this.data = whole.data();
                transport(info, s, layers, nxt, 0, whole.data().length, whole.data().length, 0, 0, src6, dst6);
            }
            return;
        }
        int in = fragments.reassembledIn(info.number);
        if (in != 0) {
            add(s, f.IPV6_REASSEMBLED_IN, layer, occ, p, 0, in);
        }
        if (transport) {
            fragmentData(s, layers, p, Math.max(0, Math.min(end, off + avail) - p));
            if (!inError) {
                layers.mailProtocol = "IPv6";
                layers.mailInfo = "IPv6 fragment (off=" + fragOff + " more=" + ((offMore & 1) != 0 ? "y" : "n")
                        + " ident=0x" + String.format("%08x", ident) + " nxt=" + nxt + ")"; // no "[Reassembled in]" for IPv6
            }
        }
    }

    private void arp(FrameInfo info, FieldStore s, PacketDissector.Layers layers, int off, int avail) {
        byte[] d = data;
        if (avail < 8) {
            return;
        }
        int occ = s.add(f.ARP, 1, -1, src, off, Math.min(avail, 28), 0, null);
        layers.add("arp");
        add(s, f.ARP_HW_TYPE, 1, occ, off, 2, u16(d, off));
        add(s, f.ARP_PROTO_TYPE, 1, occ, off + 2, 2, u16(d, off + 2));
        add(s, f.ARP_HW_SIZE, 1, occ, off + 4, 1, d[off + 4] & 0xff);
        add(s, f.ARP_PROTO_SIZE, 1, occ, off + 5, 1, d[off + 5] & 0xff);
        add(s, f.ARP_OPCODE, 1, occ, off + 6, 2, u16(d, off + 6));
        if (avail >= 28 && d[off + 4] == 6 && d[off + 5] == 4) {
            bytes(s, f.ARP_SRC_HW_MAC, 1, occ, off + 8, 6);
            add(s, f.ARP_SRC_PROTO_IPV4, 1, occ, off + 14, 4, u32(d, off + 14));
            bytes(s, f.ARP_DST_HW_MAC, 1, occ, off + 18, 6);
            add(s, f.ARP_DST_PROTO_IPV4, 1, occ, off + 24, 4, u32(d, off + 24));
        }
    }

    /**
     * @param payloadLen bytes of the transport header and data present in the capture
     * @param ipPayloadLen what the IP header says it carries
     */
    private void transport(FrameInfo info, FieldStore s, PacketDissector.Layers layers, int proto, int off, int payloadLen,
                           int ipPayloadLen, long src4, long dst4, byte[] src6, byte[] dst6) {
        if (proto == 6) {
            if (!inError) { // a TCP header quoted by an ICMP error is not dissected yet
                tcp.dissect(info, s, layers, data, src, fragmented, off, payloadLen, ipPayloadLen, src4, dst4, src6, dst6);
            }
        } else if (proto == 17) {
            udp(info, s, layers, off, payloadLen, ipPayloadLen, src4, dst4, src6, dst6);
        } else if (proto == 58 && payloadLen >= 4 && src6 != null) {
            String text = icmpv6.dissect(info, s, layers, data, src, off, payloadLen, ipPayloadLen, ipParent, src6, dst6,
                    hopLimit, inError, fragmented, (parent, qoff, qlen) -> quoted(info, s, layers, parent, qoff, qlen, true));
            if (text != null) {
                layers.mailProtocol = "ICMPv6";
                layers.mailInfo = text;
            }
        } else if (proto == 1 && payloadLen >= 4 && src6 == null) {
            String text = icmp.dissect(info, s, layers, data, src, off, payloadLen, ipPayloadLen, ipParent, src4, dst4, ttl,
                    inError, fragmented, (parent, qoff, qlen) -> quoted(info, s, layers, parent, qoff, qlen, false));
            if (text != null) {
                layers.mailProtocol = "ICMP";
                layers.mailInfo = text;
            }
        }
    }

    /** Bytes IP was handed whose version is neither 4 nor 6: Wireshark's "bogus version" item and note. */
    private void bogusVersion(FieldStore s, PacketDissector.Layers layers, byte[] d, int off) {
        int layer = ++ipLayer;
        layers.add("ip");
        int occ = s.add(f.IP, layer, ipParent, src, off, 1, 0, null);
        int version = add(s, f.IP_VERSION, layer, occ, off, 1, (d[off] >> 4) & 0xf);
        expert.add(s, layer, under(version, occ), off, 1, f.IP_BOGUS_IP_VERSION, "Bogus IP version", Expert.ERROR,
                Expert.PROTOCOL);
    }

    /** The IP packet an ICMP error quotes, dissected under the ICMP item without touching the columns. */
    private void quoted(FrameInfo info, FieldStore s, PacketDissector.Layers layers, int parent, int off, int len,
                        boolean icmpv6) {
        boolean wasInError = inError;
        int wasParent = ipParent;
        inError = true;
        ipParent = parent;
        int version = (data[off] >> 4) & 0xf;
        try {
            if (version == 6) {
                ipv6(info, s, layers, off, len, true);
            } else if (!icmpv6) {
                ipv4(info, s, layers, off, len, true); // ICMP hands anything to IP, which may find it bogus
            } else {
                layers.add("data"); // ICMPv6 shows what is not IPv6 as data
                DataLayer.add(f, w, s, parent, src, off, len);
            }
        } catch (IndexOutOfBoundsException | PacketDissector.TooDeep e) {
            // a quoted packet cut short (or nested too deep) ends there; the error message itself stands
        }
        inError = wasInError;
        ipParent = wasParent;
    }

    /** @param reported the IP payload length its header gives (UDP's length may not exceed it) */
    private void udp(FrameInfo info, FieldStore s, PacketDissector.Layers layers, int off, int avail, int reported,
                     long src4, long dst4, byte[] src6, byte[] dst6) {
        byte[] d = data;
        if (avail < 8) {
            return;
        }
        int layer = ++udpLayer;
        layers.add("udp");
        int occ = s.add(f.UDP, layer, ipParent, src, off, 8, 0, null);
        int sp = u16(d, off);
        int dp = u16(d, off + 2);
        add(s, f.UDP_SRCPORT, layer, occ, off, 2, sp);
        add(s, f.UDP_DSTPORT, layer, occ, off + 2, 2, dp);
        add(s, f.UDP_PORT, layer, occ, off, 2, sp);
        add(s, f.UDP_PORT, layer, occ, off + 2, 2, dp);
        int ulen = u16(d, off + 4);
        int lenOcc = add(s, f.UDP_LENGTH, layer, occ, off + 4, 2, ulen);
        if (ulen < 8 || (ulen > reported && !fragmented)) {
            // "Bad length value": below the header's size Wireshark stops here
            expert.malformed(s, layer, under(lenOcc, occ), off + 4, 2, f.UDP_LENGTH_BAD,
                    ulen < 8 ? "Bad length value " + ulen + " < 8" : "Bad length value " + ulen + " > IP payload length");
            if (ulen < 8) {
                return;
            }
        }
        udpChecksum(d, s, layer, occ, off, avail, ulen, src4, dst4, src6, dst6);
        if (w.get(f.UDP_STREAM) || w.get(f.UDP_STREAM_PNUM) || w.get(f.UDP_TIME_RELATIVE) || w.get(f.UDP_TIME_DELTA)) {
            UdpConversations.Conversation c = udpStreams.see(src4, dst4, src6, dst6, sp, dp, info.timeNanos);
            add(s, f.UDP_STREAM, layer, occ, off, 0, c.index);
            if (!inError) { // a datagram an ICMP error quotes shows its stream only
                add(s, f.UDP_STREAM_PNUM, layer, occ, off, 0, c.packets);
            }
            if (!inError && (w.get(f.UDP_TIME_RELATIVE) || w.get(f.UDP_TIME_DELTA))) {
                int times = s.addText(occ, "Timestamps");
                add(s, f.UDP_TIME_RELATIVE, layer, times, off, 0, info.timeNanos - c.firstNanos);
                add(s, f.UDP_TIME_DELTA, layer, times, off, 0, info.timeNanos - c.lastNanos);
            }
            c.lastNanos = info.timeNanos;
        }
        // udp.payload is all the IP payload after the header; the data, what the UDP length covers
        if (avail > 8) {
            bytes(s, f.UDP_PAYLOAD, layer, occ, off + 8, avail - 8);
        }
        int dataLen = Math.min(avail, ulen) - 8;
        if (dataLen > 0) {
            layers.add("data");
            DataLayer.add(f, w, s, inError ? ipParent : -1, src, off + 8, dataLen);
        }
    }

    /**
     * udp.checksum and its status. With udp.check_checksum on, a datagram wholly captured is
     * verified; a zero checksum means none was sent, which IPv6 does not allow.
     */
    private void udpChecksum(byte[] d, FieldStore s, int layer, int occ, int off, int avail, int ulen, long src4, long dst4,
                             byte[] src6, byte[] dst6) {
        int checksum = u16(d, off + 6);
        int item = add(s, f.UDP_CHECKSUM, layer, occ, off + 6, 2, checksum);
        // a checked or missing checksum gets a subtree (Wireshark's proto_tree_add_checksum)
        int tree = under(item, occ);
        if (checksum == 0) {
            // whether checked or not: optional over IPv4 ("Not present"), illegal over IPv6
            if (src6 != null) {
                expert.add(s, layer, tree, off + 6, 2, f.UDP_CHECKSUM_ZERO, "Illegal checksum value (0)", Expert.ERROR,
                        Expert.CHECKSUM);
            }
            add(s, f.UDP_CHECKSUM_STATUS, layer, tree, off + 6, 0, src6 == null ? 3 : 4);
            return;
        }
        if (!prefs.udpCheckChecksum() || ulen < 8 || ulen > avail) {
            add(s, f.UDP_CHECKSUM_STATUS, layer, occ, off + 6, 0, Checksums.UNVERIFIED);
            return;
        }
        long sum = Checksums.sum(d, off, ulen, src6 == null ? Checksums.pseudo4(src4, dst4, 17, ulen)
                : Checksums.pseudo6(src6, dst6, 17, ulen));
        boolean good = Checksums.fold(sum) == 0xffff;
        int shouldBe = Checksums.shouldBe(sum, checksum);
        if (!good) {
            expert.badChecksum(s, layer, tree, off + 6, f.UDP_CHECKSUM_BAD, shouldBe);
        }
        add(s, f.UDP_CHECKSUM_CALCULATED, layer, tree, off + 6, 2, shouldBe);
        add(s, f.UDP_CHECKSUM_STATUS, layer, occ, off + 6, 0, good ? Checksums.GOOD : Checksums.BAD);
    }

    /** One 802.1Q or 802.1ad tag at {@code p}: its protocol item and fields; returns the type it carries. */
    private int tag(FieldStore s, PacketDissector.Layers layers, byte[] d, int p, int layer, int proto, String name,
                    int priority, int dei, int id, int etype) {
        int tci = u16(d, p);
        int v = s.add(proto, layer, -1, 0, p, 4, 0, null);
        layers.add(name);
        add(s, priority, layer, v, p, 2, tci >> 13);
        add(s, dei, layer, v, p, 2, (tci >> 12) & 1);
        add(s, id, layer, v, p, 2, tci & 0xfff);
        int type = u16(d, p + 2);
        add(s, etype, layer, v, p + 2, 2, type);
        return type;
    }

    /** TCP conversations kept; for tests. */
    int conversationCount() {
        return tcp.conversationCount();
    }

    /** Adds the occurrence if the query needs the field; returns it, or -1. */
    private int add(FieldStore s, int id, int layer, int parent, int off, int len, long value) {
        return Items.add(w, s, id, layer, parent, src, off, len, value);
    }

    /** The parent for a subtree's items: the subtree's item, or the protocol's when that item was not added. */
    private static int under(int item, int protocol) {
        return item >= 0 ? item : protocol;
    }

    private void bytes(FieldStore s, int id, int layer, int parent, int off, int len) {
        if (w.get(id)) {
            s.add(id, layer, parent, src, off, len, 0, null);
        }
    }

    static int u16(byte[] d, int o) {
        return ((d[o] & 0xff) << 8) | (d[o + 1] & 0xff);
    }

    static long u32(byte[] d, int o) {
        return ((long) (d[o] & 0xff) << 24) | ((d[o + 1] & 0xff) << 16) | ((d[o + 2] & 0xff) << 8) | (d[o + 3] & 0xff);
    }

    /** The two addresses of an Ethernet conversation, the lower first. */
    private record MacPair(long low, long high) {
    }

    private static long macKey(byte[] d, int o) {
        long k = 0;
        for (int i = 0; i < 6; i++) {
            k = (k << 8) | (d[o + i] & 0xff);
        }
        return k;
    }
}
