package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import dev.dfq.fields.ValueStrings;
import java.util.BitSet;
import java.util.Map;

/**
 * ICMPv6 (RFC 4443, neighbour discovery of RFC 4861) as Wireshark 4.6 shows its basics: type, code,
 * checksum verified with the IPv6 pseudo-header, echo identifier and sequence number with echo
 * matching (as {@link Icmp}: by addresses, identifier, sequence and checksum), the error messages'
 * fields and quoted packet, neighbour solicitation and advertisement with their link-layer address
 * options, and the Info column. Other message bodies are left undissected.
 */
final class Icmpv6 {
    private final F f;
    private final BitSet w;
    private final ValueStrings types;
    private final EchoMatcher echoes;
    private final Expert expert;

    Icmpv6(F f, BitSet wanted, FieldRegistry registry, Map<Integer, Integer> replies, boolean secondPass) {
        this.f = f;
        this.w = wanted;
        this.types = registry.valueStrings(registry.byName("icmpv6.type").orElseThrow());
        this.expert = new Expert(f, wanted);
        this.echoes = new EchoMatcher(wanted, new EchoMatcher.Ids(f.ICMPV6_RESP_IN, f.ICMPV6_NO_RESP,
                f.ICMPV6_RESP_NOT_FOUND, f.ICMPV6_RESP_TO,
                f.ICMPV6_RESPTIME), replies, secondPass, expert);
    }

    /**
     * As {@link Icmp#dissect}: {@code inError} inside a quoted packet, {@code fragmented} a first fragment alone.
     *
     * @return the Info text, or null inside an error's quoted packet
     */
    String dissect(FrameInfo info, FieldStore s, PacketDissector.Layers layers, byte[] d, int src, int off, int len,
                   int reported, int parent, byte[] ipSrc, byte[] ipDst, int hopLimit, boolean inError, boolean fragmented,
                   Icmp.Quoted quoted) {
        layers.add("icmpv6"); // first: a layer past Wireshark's limit adds nothing
        int occ = s.add(f.ICMPV6, 1, parent, src, off, len, 0, null);
        int type = d[off] & 0xff;
        int code = d[off + 1] & 0xff;
        int typeOcc = add(s, f.ICMPV6_TYPE, occ, src, off, 1, type);
        if (type < 128) { // error messages
            expert.add(s, 1, typeOcc >= 0 ? typeOcc : occ, off, 1, f.ICMPV6_TYPE_ERROR, "Type indicates an error",
                    Expert.NOTE, Expert.RESPONSE_CODE);
        }
        add(s, f.ICMPV6_CODE, occ, src, off + 1, 1, code);
        int checksum = NetworkLayers.u16(d, off + 2);
        int ckOcc = add(s, f.ICMPV6_CHECKSUM, occ, src, off + 2, 2, checksum);
        boolean verify = !inError && !fragmented && len >= reported; // a first fragment alone is not verified
        EchoMatcher.checksum(s, w, expert, occ, ckOcc, src, off, checksum, verify,
                verify ? Checksums.sum(d, off, len, Checksums.pseudo6(ipSrc, ipDst, 58, len)) : 0,
                f.ICMPV6_CHECKSUM_BAD_EXPERT, f.ICMPV6_CHECKSUM_STATUS);
        String typeText = types == null ? null : types.lookup(type);
        StringBuilder text = new StringBuilder(64).append(typeText == null ? "Unknown (" + type + ")" : typeText);
        String codeText = codeText(type, code);
        if (codeText != null) {
            text.append(" (").append(codeText).append(')');
        }
        if (type >= 1 && type <= 4 && len >= 8) {
            if (type == 2) {
                add(s, f.ICMPV6_MTU, occ, src, off + 4, 4, NetworkLayers.u32(d, off + 4));
            } else if (type == 4) {
                add(s, f.ICMPV6_POINTER, occ, src, off + 4, 4, NetworkLayers.u32(d, off + 4));
            } else {
                bytes(s, f.ICMPV6_RESERVED, occ, src, off + 4, 4);
            }
            if (len > 8) {
                quoted.dissect(occ, off + 8, len - 8);
            }
        } else if ((type == 128 || type == 129) && len >= 8) {
            int id = NetworkLayers.u16(d, off + 4);
            int seq = NetworkLayers.u16(d, off + 6);
            add(s, f.ICMPV6_ECHO_IDENTIFIER, occ, src, off + 4, 2, id);
            add(s, f.ICMPV6_ECHO_SEQUENCE_NUMBER, occ, src, off + 6, 2, seq);
            text.append(" id=0x").append(String.format("%04x", id)).append(", seq=").append(seq)
                    .append(", hop limit=").append(hopLimit);
            if (!inError) { // the match's items come before the data, as in Wireshark's tree
                match(info, s, occ, src, off, type, checksum, id << 16 | seq, ipSrc, ipDst, text);
            }
            if (len > 8) {
                layers.add("data");
                DataLayer.add(f, w, s, occ, src, off + 8, len - 8);
            }
        } else if ((type == 135 || type == 136) && len >= 24) {
            neighbour(s, d, src, occ, off, len, type, text);
        } else if (type == 133 && len >= 8) {
            bytes(s, f.ICMPV6_RESERVED, occ, src, off + 4, 4);
            options(s, d, src, occ, off + 8, off + len, text);
        } else if (type == 134 && len >= 16) {
            routerAdvertisement(s, d, src, occ, off);
            options(s, d, src, occ, off + 16, off + len, text);
        } else if (type == 137 && len >= 40) {
            bytes(s, f.ICMPV6_RESERVED, occ, src, off + 4, 4);
            bytes(s, f.ICMPV6_ND_RD_TARGET_ADDRESS, occ, src, off + 8, 16);
            bytes(s, f.ICMPV6_RD_NA_DESTINATION_ADDRESS, occ, src, off + 24, 16);
            options(s, d, src, occ, off + 40, off + len, text);
        } else if (type == 143 && len >= 8) {
            listenerReport(s, d, src, occ, off, len);
        }
        return inError ? null : text.toString();
    }

    /** Neighbor solicitation (135) or advertisement (136): flags, target, options; the Info text. */
    private void neighbour(FieldStore s, byte[] d, int src, int occ, int off, int len, int type, StringBuilder text) {
        long flags = NetworkLayers.u32(d, off + 4);
        String target = dev.dfq.fields.Ipv6Text.format(java.util.Arrays.copyOfRange(d, off + 8, off + 24));
        if (type == 135) {
            bytes(s, f.ICMPV6_RESERVED, occ, src, off + 4, 4);
            bytes(s, f.ICMPV6_ND_NS_TARGET_ADDRESS, occ, src, off + 8, 16);
            text.append(" for ").append(target);
        } else {
            int fl = under(add(s, f.ICMPV6_ND_NA_FLAG, occ, src, off + 4, 4, flags), occ);
            add(s, f.ICMPV6_ND_NA_FLAG_R, fl, src, off + 4, 4, flags & 0x80000000L);
            add(s, f.ICMPV6_ND_NA_FLAG_S, fl, src, off + 4, 4, flags & 0x40000000L);
            add(s, f.ICMPV6_ND_NA_FLAG_O, fl, src, off + 4, 4, flags & 0x20000000L);
            add(s, f.ICMPV6_ND_NA_FLAG_RSV, fl, src, off + 4, 4, flags & 0x1fffffffL);
            bytes(s, f.ICMPV6_ND_NA_TARGET_ADDRESS, occ, src, off + 8, 16);
            text.append(' ').append(target);
            StringBuilder names = new StringBuilder();
            String[] flagNames = {"rtr", "sol", "ovr"};
            for (int i = 0; i < 3; i++) {
                if ((flags & (0x80000000L >>> i)) != 0) {
                    names.append(names.length() == 0 ? "" : ", ").append(flagNames[i]);
                }
            }
            if (names.length() > 0) {
                text.append(" (").append(names).append(')');
            }
        }
        options(s, d, src, occ, off + 24, off + len, text);
    }

    /** Router advertisement: hop limit, flags, lifetimes and timers. */
    private void routerAdvertisement(FieldStore s, byte[] d, int src, int occ, int off) {
        add(s, f.ICMPV6_ND_RA_CUR_HOP_LIMIT, occ, src, off + 4, 1, d[off + 4] & 0xff);
        int flags = d[off + 5] & 0xff;
        int fl = under(add(s, f.ICMPV6_ND_RA_FLAG, occ, src, off + 5, 1, flags), occ);
        add(s, f.ICMPV6_ND_RA_FLAG_M, fl, src, off + 5, 1, flags & 0x80);
        add(s, f.ICMPV6_ND_RA_FLAG_O, fl, src, off + 5, 1, flags & 0x40);
        add(s, f.ICMPV6_ND_RA_FLAG_H, fl, src, off + 5, 1, flags & 0x20);
        add(s, f.ICMPV6_ND_RA_FLAG_PRF, fl, src, off + 5, 1, (flags & 0x18) >> 3);
        add(s, f.ICMPV6_ND_RA_FLAG_P, fl, src, off + 5, 1, flags & 0x04);
        add(s, f.ICMPV6_ND_RA_FLAG_S, fl, src, off + 5, 1, flags & 0x02);
        add(s, f.ICMPV6_ND_RA_FLAG_RSV, fl, src, off + 5, 1, flags & 0x01);
        add(s, f.ICMPV6_ND_RA_ROUTER_LIFETIME, occ, src, off + 6, 2, NetworkLayers.u16(d, off + 6));
        add(s, f.ICMPV6_ND_RA_REACHABLE_TIME, occ, src, off + 8, 4, NetworkLayers.u32(d, off + 8));
        add(s, f.ICMPV6_ND_RA_RETRANS_TIMER, occ, src, off + 12, 4, NetworkLayers.u32(d, off + 12));
    }

    /** MLDv2 report: the record count, then each multicast address record with its sources. */
    private void listenerReport(FieldStore s, byte[] d, int src, int occ, int off, int len) {
        bytes(s, f.ICMPV6_RESERVED, occ, src, off + 4, 2);
        int records = NetworkLayers.u16(d, off + 6);
        add(s, f.ICMPV6_MLDR_NB_MCAST_RECORDS, occ, src, off + 6, 2, records);
        int q = off + 8;
        for (int r = 0; r < records && q + 20 <= off + len; r++) {
            int aux = (d[q + 1] & 0xff) * 4;
            int sources = NetworkLayers.u16(d, q + 2);
            int size = 20 + 16 * sources + aux;
            int rec = under(add(s, f.ICMPV6_MLDR_MAR, occ, src, q, Math.min(size, off + len - q), 0), occ);
            add(s, f.ICMPV6_MLDR_MAR_RECORD_TYPE, rec, src, q, 1, d[q] & 0xff);
            add(s, f.ICMPV6_MLDR_MAR_AUX_DATA_LEN, rec, src, q + 1, 1, d[q + 1] & 0xff);
            add(s, f.ICMPV6_MLDR_MAR_NB_SOURCES, rec, src, q + 2, 2, sources);
            bytes(s, f.ICMPV6_MLDR_MAR_MULTICAST_ADDRESS, rec, src, q + 4, 16);
            for (int i = 0; i < sources && q + 36 + 16 * i <= off + len; i++) {
                bytes(s, f.ICMPV6_MLDR_MAR_SOURCE_ADDRESS, rec, src, q + 20 + 16 * i, 16);
            }
            if (aux > 0 && q + size <= off + len) {
                bytes(s, f.ICMPV6_MLDR_MAR_AUXILIARY_DATA, rec, src, q + 20 + 16 * sources, aux);
            }
            q += size;
        }
    }

    /**
     * Neighbour discovery options from {@code q} to {@code end}: link-layer addresses (which the Info
     * text names: "from" the source's, "is at" the target's), MTU and prefix information.
     */
    private void options(FieldStore s, byte[] d, int src, int occ, int q, int end, StringBuilder text) {
        while (q + 2 <= end) {
            int optType = d[q] & 0xff;
            int optLen = (d[q + 1] & 0xff) * 8;
            if (optLen == 0 || q + optLen > end) {
                break;
            }
            int opt = under(add(s, f.ICMPV6_OPT, occ, src, q, optLen, 0), occ);
            add(s, f.ICMPV6_OPT_TYPE, opt, src, q, 1, optType);
            add(s, f.ICMPV6_OPT_LENGTH, opt, src, q + 1, 1, d[q + 1] & 0xff);
            if ((optType == 1 || optType == 2) && optLen == 8) {
                bytes(s, f.ICMPV6_OPT_LINKADDR, opt, src, q + 2, 6);
                bytes(s, optType == 1 ? f.ICMPV6_OPT_SRC_LINKADDR : f.ICMPV6_OPT_TARGET_LINKADDR, opt, src, q + 2, 6);
                text.append(optType == 1 ? " from " : " is at ")
                        .append(dev.dfq.fields.resolve.MacNames.hex(dev.dfq.fields.resolve.MacNames.mac(d, q + 2)));
            } else if (optType == 5 && optLen == 8) {
                add(s, f.ICMPV6_OPT_RESERVED, opt, src, q + 2, 2, 0);
                add(s, f.ICMPV6_OPT_MTU, opt, src, q + 4, 4, NetworkLayers.u32(d, q + 4));
            } else if (optType == 3 && optLen == 32) {
                add(s, f.ICMPV6_OPT_PREFIX_LENGTH, opt, src, q + 2, 1, d[q + 2] & 0xff);
                int flags = d[q + 3] & 0xff;
                int fl = under(add(s, f.ICMPV6_OPT_PREFIX_FLAG, opt, src, q + 3, 1, flags), opt);
                add(s, f.ICMPV6_OPT_PREFIX_FLAG_L, fl, src, q + 3, 1, flags & 0x80);
                add(s, f.ICMPV6_OPT_PREFIX_FLAG_A, fl, src, q + 3, 1, flags & 0x40);
                add(s, f.ICMPV6_OPT_PREFIX_FLAG_R, fl, src, q + 3, 1, flags & 0x20);
                add(s, f.ICMPV6_OPT_PREFIX_FLAG_P, fl, src, q + 3, 1, flags & 0x10);
                add(s, f.ICMPV6_OPT_PREFIX_FLAG_RESERVED, fl, src, q + 3, 1, flags & 0x0f);
                add(s, f.ICMPV6_OPT_PREFIX_VALID_LIFETIME, opt, src, q + 4, 4, NetworkLayers.u32(d, q + 4));
                add(s, f.ICMPV6_OPT_PREFIX_PREFERRED_LIFETIME, opt, src, q + 8, 4, NetworkLayers.u32(d, q + 8));
                add(s, f.ICMPV6_OPT_RESERVED, opt, src, q + 12, 4, 0);
                bytes(s, f.ICMPV6_OPT_PREFIX, opt, src, q + 16, 16);
            }
            q += optLen;
        }
    }

    /** Echo matching (see {@link Icmp}); a reply's checksum is its request's minus 0x0100 (type 128 became 129). */
    private void match(FrameInfo info, FieldStore s, int occ, int src, int off, int type, int checksum, int idSeq,
                       byte[] ipSrc, byte[] ipDst, StringBuilder text) {
        echoes.echo(info, s, EchoMatcher.addresses(ipSrc, ipDst), type == 128, checksum, -0x0100, idSeq, occ, src, off,
                text);
    }

    /** Wireshark's code text of the error types, else null. */
    static String codeText(int type, int code) {
        return switch (type) {
            case 1 -> code < UNREACH.length ? UNREACH[code] : "Unknown";
            case 3 -> code < TIME_EXCEEDED.length ? TIME_EXCEEDED[code] : "Unknown (" + code + ")";
            case 4 -> code < PARAMETER_PROBLEM.length ? PARAMETER_PROBLEM[code] : "Unknown (" + code + ")";
            default -> null;
        };
    }

    private static final String[] UNREACH = {"No route to destination", "Administratively prohibited",
        "Beyond scope of source address", "Address unreachable", "Port unreachable",
        "Source address failed ingress/egress policy", "Reject route to destination", "Error in Source Routing Header",
        "Headers too long"};
    private static final String[] TIME_EXCEEDED = {"Hop limit exceeded in transit", "Fragment reassembly time exceeded"};
    private static final String[] PARAMETER_PROBLEM = {"Erroneous header field encountered",
        "Unrecognized Next Header type encountered", "Unrecognized IPv6 option encountered",
        "IPv6 First Fragment has incomplete IPv6 Header Chain", "SR Upper-layer Header Error",
        "Unrecognized Next Header type encountered by intermediate node", "Extension header too big",
        "Extension header chain too long", "Too many extension headers", "Too many options in extension header",
        "Option too big"};

    private int add(FieldStore s, int id, int parent, int src, int off, int len, long value) {
        return Items.add(w, s, id, 1, parent, src, off, len, value);
    }

    private void bytes(FieldStore s, int id, int parent, int src, int off, int len) {
        Items.add(w, s, id, 1, parent, src, off, len, 0);
    }

    private static int under(int item, int parent) {
        return Items.under(item, parent);
    }
}
