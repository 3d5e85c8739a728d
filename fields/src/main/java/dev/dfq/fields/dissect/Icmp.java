package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import dev.dfq.fields.ValueStrings;
import java.util.BitSet;
import java.util.Map;

/**
 * ICMP (RFC 792) as Wireshark 4.6 shows it: type, code, checksum verified over the whole message
 * (unless cut short or quoted in an error), identifier and sequence number in both byte orders for
 * echo, timestamp, information and address-mask messages, the timestamps, echo data, the IP packet an
 * error message quotes (dissected by the caller), and the Info column.
 *
 * <p>Echo requests and replies are matched as Wireshark matches them: by address pair, identifier,
 * sequence number and checksum (a reply's checksum is its request's plus 0x0800, type 8 becoming 0), so
 * only an identical payload matches. A reply names its request and the time since it in one pass;
 * a request names its reply, or that none came, only in the second pass of -2.
 */
final class Icmp {
    /** The caller's dissection of the IP packet an ICMP error quotes. */
    interface Quoted {
        void dissect(int parentOcc, int off, int len);
    }

    private final F f;
    private final BitSet w;
    private final ValueStrings types;
    private final ValueStrings protocols;
    private final EchoMatcher echoes;
    private final Expert expert;

    Icmp(F f, BitSet wanted, FieldRegistry registry, Map<Integer, Integer> replies, boolean secondPass) {
        this.f = f;
        this.w = wanted;
        this.types = registry.valueStrings(registry.byName("icmp.type").orElseThrow());
        this.protocols = registry.valueStrings(registry.byName("ip.proto").orElseThrow());
        this.expert = new Expert(f, wanted);
        this.echoes = new EchoMatcher(wanted, new EchoMatcher.Ids(f.ICMP_RESP_IN, f.ICMP_NO_RESP,
                f.ICMP_RESP_NOT_FOUND, f.ICMP_RESP_TO,
                f.ICMP_RESPTIME), replies, secondPass, expert);
    }

    /** Wireshark's short name of an IP protocol number, as in "proto=UDP 17". */
    String protocolName(int proto) {
        String name = protocols == null ? null : protocols.lookup(proto);
        return name == null ? "Unknown" : name;
    }

    /**
     * @param len bytes of the message present; {@code reported} what IP says it carries
     * @param inError inside an error message's quoted packet (no checksum check, no matching, no columns)
     * @param fragmented a first fragment not reassembled: the checksum cannot be verified
     * @return the Info text, or null inside an error
     */
    String dissect(FrameInfo info, FieldStore s, PacketDissector.Layers layers, byte[] d, int src, int off, int len,
                   int reported, int parent, long ipSrc, long ipDst, int ttl, boolean inError, boolean fragmented, Quoted quoted) {
        layers.add("icmp"); // first: a layer past Wireshark's limit adds nothing
        int occ = s.add(f.ICMP, 1, parent, src, off, len, 0, null);
        int type = d[off] & 0xff;
        int code = d[off + 1] & 0xff;
        int typeOcc = add(s, f.ICMP_TYPE, occ, src, off, 1, type);
        boolean error = type == 3 || type == 4 || type == 5 || type == 11 || type == 12; // these quote a packet
        if (type == 4 || type == 6 || type >= 15 && type <= 18 || type >= 30 && type <= 39) { // RFC 6918
            expert.add(s, 1, typeOcc >= 0 ? typeOcc : occ, off, 1, f.ICMP_TYPE_DEPRECATED, "Type is deprecated", Expert.NOTE,
                    Expert.DEPRECATED);
        }
        if (type == 3 || type == 5 || type == 11) { // Wireshark's "type indicates an error" note: not for 4 and 12
            expert.add(s, 1, typeOcc >= 0 ? typeOcc : occ, off, 1, f.ICMP_TYPE_ERROR, "Type indicates an error", Expert.NOTE,
                    Expert.RESPONSE_CODE);
        }
        add(s, f.ICMP_CODE, occ, src, off + 1, 1, code);
        int checksum = NetworkLayers.u16(d, off + 2);
        int ckOcc = add(s, f.ICMP_CHECKSUM, occ, src, off + 2, 2, checksum);
        boolean verify = !inError && !fragmented && len >= reported; // a first fragment alone is not verified
        EchoMatcher.checksum(s, w, expert, occ, ckOcc, src, off, checksum, verify, verify ? Checksums.sum(d, off, len, 0) : 0,
                f.ICMP_CHECKSUM_BAD, f.ICMP_CHECKSUM_STATUS);
        String typeText = types == null ? null : types.lookup(type);
        StringBuilder infoText = new StringBuilder(64);
        infoText.append(typeText == null ? "Unknown ICMP (obsolete or malformed?)" : typeText);
        while (infoText.length() < 20) {
            infoText.append(' ');
        }
        String codeText = codeText(type, code);
        if (codeText != null) {
            infoText.append(" (").append(codeText).append(')');
        }
        if (error) {
            if (len >= 8) {
                errorFields(s, d, src, occ, off, type, code);
            }
            if (len > 8) {
                quoted.dissect(occ, off + 8, len - 8);
            }
        } else if (hasIdentifier(type) && len >= 8) {
            int id = NetworkLayers.u16(d, off + 4);
            int seq = NetworkLayers.u16(d, off + 6);
            add(s, f.ICMP_IDENT, occ, src, off + 4, 2, id);
            add(s, f.ICMP_IDENT_LE, occ, src, off + 4, 2, Short.reverseBytes((short) id) & 0xffff);
            add(s, f.ICMP_SEQ, occ, src, off + 6, 2, seq);
            add(s, f.ICMP_SEQ_LE, occ, src, off + 6, 2, Short.reverseBytes((short) seq) & 0xffff);
            infoText.append(" id=0x").append(String.format("%04x", id)).append(", seq=").append(seq).append('/')
                    .append(Short.reverseBytes((short) seq) & 0xffff).append(", ttl=").append(ttl);
            if ((type == 0 || type == 8) && !inError) {
                match(info, s, occ, src, off, type, checksum, id << 16 | seq, ipSrc, ipDst, infoText);
            }
            if ((type == 17 || type == 18) && len >= 12) {
                add(s, f.ICMP_ADDRESS_MASK, occ, src, off + 8, 4, NetworkLayers.u32(d, off + 8));
            }
            if ((type == 13 || type == 14) && len >= 20) {
                add(s, f.ICMP_ORIGINATE_TIMESTAMP, occ, src, off + 8, 4, NetworkLayers.u32(d, off + 8));
                add(s, f.ICMP_RECEIVE_TIMESTAMP, occ, src, off + 12, 4, NetworkLayers.u32(d, off + 12));
                add(s, f.ICMP_TRANSMIT_TIMESTAMP, occ, src, off + 16, 4, NetworkLayers.u32(d, off + 16));
            } else if ((type == 0 || type == 8) && len > 8) {
                bytes(s, f.ICMP_DATA, occ, src, off + 8, len - 8);
                layers.add("data");
                DataLayer.add(f, w, s, occ, src, off + 8, len - 8);
            }
        }
        return inError ? null : infoText.toString();
    }

    /**
     * The second word of an error message: a next-hop MTU (fragmentation needed), a redirect's gateway,
     * a parameter problem's pointer, else unused bytes (none shown for source quench).
     */
    private void errorFields(FieldStore s, byte[] d, int src, int occ, int off, int type, int code) {
        if (type == 3 && code == 4) {
            bytes(s, f.ICMP_UNUSED, occ, src, off + 4, 2);
            add(s, f.ICMP_MTU, occ, src, off + 6, 2, NetworkLayers.u16(d, off + 6));
        } else if (type == 3 || type == 11) {
            bytes(s, f.ICMP_UNUSED, occ, src, off + 4, 4);
        } else if (type == 5) {
            add(s, f.ICMP_REDIR_GW, occ, src, off + 4, 4, NetworkLayers.u32(d, off + 4));
        } else if (type == 12) {
            add(s, f.ICMP_POINTER, occ, src, off + 4, 1, d[off + 4] & 0xff);
            bytes(s, f.ICMP_UNUSED, occ, src, off + 5, 3);
        }
    }

    private static boolean hasIdentifier(int type) {
        return type == 0 || type == 8 || (type >= 13 && type <= 18);
    }

    /** Echo request/reply tracking (a reply's checksum is its request's plus 0x0800: type 8 became 0). */
    private void match(FrameInfo info, FieldStore s, int occ, int src, int off, int type, int checksum, int idSeq,
                       long ipSrc, long ipDst, StringBuilder infoText) {
        echoes.echo(info, s, EchoMatcher.addresses(ipSrc, ipDst), type == 8, checksum, 0x0800, idSeq, occ, src, off,
                infoText);
    }

    /** Wireshark's text for the codes of the error and redirect types, else null. */
    static String codeText(int type, int code) {
        String[] table = switch (type) {
            case 3 -> UNREACH;
            case 5 -> REDIRECT;
            case 11 -> TIME_EXCEEDED;
            case 12 -> PARAMETER_PROBLEM;
            case 6 -> ALTERNATE_ADDRESS;
            case 40 -> PHOTURIS;
            default -> null;
        };
        if (table == null) {
            return null;
        }
        return code < table.length ? table[code] : "Unknown code: " + code;
    }

    private static final String[] UNREACH = {"Network unreachable", "Host unreachable", "Protocol unreachable",
        "Port unreachable", "Fragmentation needed", "Source route failed", "Destination network unknown",
        "Destination host unknown", "Source host isolated", "Network administratively prohibited",
        "Host administratively prohibited", "Network unreachable for TOS", "Host unreachable for TOS",
        "Communication administratively filtered", "Host precedence violation", "Precedence cutoff in effect"};
    private static final String[] REDIRECT = {"Redirect for network", "Redirect for host",
        "Redirect for TOS and network", "Redirect for TOS and host"};
    private static final String[] TIME_EXCEEDED = {"Time to live exceeded in transit", "Fragment reassembly time exceeded"};
    private static final String[] ALTERNATE_ADDRESS = {"Alternate address for host"};
    private static final String[] PHOTURIS = {"Bad SPI", "Authentication Failed", "Decompression Failed",
        "Decryption Failed", "Need Authentication", "Need Authorization"};
    private static final String[] PARAMETER_PROBLEM = {"Pointer indicates the error", "Required option missing", "Bad length"};

    private int add(FieldStore s, int id, int parent, int src, int off, int len, long value) {
        return Items.add(w, s, id, 1, parent, src, off, len, value);
    }

    private void bytes(FieldStore s, int id, int parent, int src, int off, int len) {
        Items.add(w, s, id, 1, parent, src, off, len, 0);
    }
}
