package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldStore;
import java.util.BitSet;

/**
 * tcp.options with its subtree as Wireshark 4.6.9 builds it: an item per option (its bytes) holding
 * the option's kind, length and values; every byte after an end-of-list is an end-of-list too; a
 * SYN without an MSS or SACK-permitted option gets an expert note for each.
 */
final class TcpOptionsTree {

    private final F f;
    private final BitSet w;
    /** Whether the query reads anything this subtree adds (else it is skipped: L3/L4 queries stay fast). */
    final boolean wanted;
    /** The data source of the segment being added (the frame, or a reassembled IP datagram). */
    private int src;
    private final Expert expert;

    TcpOptionsTree(F f, BitSet wanted) {
        this.f = f;
        this.w = wanted;
        this.wanted = Expert.anyWanted(f, wanted, f.TCP_OPTIONS, f.TCP_OPTIONS_EOL, f.TCP_OPTIONS_MSS,
                f.TCP_OPTIONS_MSS_ABSENT, f.TCP_OPTIONS_MSS_VAL, f.TCP_OPTIONS_NOP, f.TCP_OPTIONS_SACK,
                f.TCP_OPTIONS_SACK_COUNT, f.TCP_OPTIONS_SACK_LE, f.TCP_OPTIONS_SACK_PERM_ABSENT,
                f.TCP_OPTIONS_SACK_PERM_ITEM, f.TCP_OPTIONS_SACK_RE, f.TCP_OPTIONS_TIMESTAMP,
                f.TCP_OPTIONS_TIMESTAMP_TSECR, f.TCP_OPTIONS_TIMESTAMP_TSVAL, f.TCP_OPTIONS_WSCALE,
                f.TCP_OPTIONS_WSCALE_MULTIPLIER, f.TCP_OPTIONS_WSCALE_SHIFT, f.TCP_OPTION_KIND, f.TCP_OPTION_LEN);
        this.expert = new Expert(f, wanted);
    }

    /**
     * @param sackBase the peer's initial sequence number for relative SACK edges, or -1 for raw ones
     * @param analysed whether sequence analysis runs: only it counts SACK blocks (else the count is 0)
     */
    void add(FieldStore s, int src, int tcp, byte[] d, int from, int end, boolean syn, long sackBase,
             boolean analysed) {
        this.src = src;
        int item = put(s, f.TCP_OPTIONS, tcp, from, end - from, 0);
        int under = item >= 0 ? item : tcp;
        boolean mss = false;
        boolean sackPerm = false;
        for (int p = from; p < end; ) {
            int kind = d[p] & 0xff;
            if (kind <= 1) {
                int o = put(s, kind == 0 ? f.TCP_OPTIONS_EOL : f.TCP_OPTIONS_NOP, under, p, 1, 0);
                put(s, f.TCP_OPTION_KIND, o >= 0 ? o : under, p, 1, kind);
                p++;
                continue;
            }
            int len = p + 1 < end ? d[p + 1] & 0xff : 0;
            if (len < 2 || p + len > end) {
                break;
            }
            int id = switch (kind) {
                case 2 -> f.TCP_OPTIONS_MSS;
                case 3 -> f.TCP_OPTIONS_WSCALE;
                case 4 -> f.TCP_OPTIONS_SACK_PERM_ITEM;
                case 5 -> f.TCP_OPTIONS_SACK;
                case 8 -> f.TCP_OPTIONS_TIMESTAMP;
                default -> -1;
            };
            if (id < 0) {
                p += len;
                continue;
            }
            int o = put(s, id, under, p, len, 0);
            int in = o >= 0 ? o : under;
            put(s, f.TCP_OPTION_KIND, in, p, 1, kind);
            put(s, f.TCP_OPTION_LEN, in, p + 1, 1, len);
            switch (kind) {
                case 2 -> {
                    mss = true;
                    if (len == 4) {
                        put(s, f.TCP_OPTIONS_MSS_VAL, in, p + 2, 2, NetworkLayers.u16(d, p + 2));
                    }
                }
                case 3 -> {
                    if (len == 3) {
                        int shift = d[p + 2] & 0xff;
                        put(s, f.TCP_OPTIONS_WSCALE_SHIFT, in, p + 2, 1, shift);
                        put(s, f.TCP_OPTIONS_WSCALE_MULTIPLIER, in, p + 2, 1, 1L << Math.min(shift, 14));
                    }
                }
                case 4 -> sackPerm = true;
                case 5 -> {
                    int blocks = (len - 2) / 8;
                    for (int i = 0; i < blocks; i++) {
                        int at = p + 2 + 8 * i;
                        long le = NetworkLayers.u32(d, at);
                        long re = NetworkLayers.u32(d, at + 4);
                        put(s, f.TCP_OPTIONS_SACK_LE, in, at, 4, sackBase >= 0 ? (le - sackBase) & 0xffffffffL : le);
                        put(s, f.TCP_OPTIONS_SACK_RE, in, at + 4, 4, sackBase >= 0 ? (re - sackBase) & 0xffffffffL : re);
                    }
                    put(s, f.TCP_OPTIONS_SACK_COUNT, in, p, len, analysed ? blocks : 0);
                }
                case 8 -> {
                    if (len == 10) {
                        put(s, f.TCP_OPTIONS_TIMESTAMP_TSVAL, in, p + 2, 4, NetworkLayers.u32(d, p + 2));
                        put(s, f.TCP_OPTIONS_TIMESTAMP_TSECR, in, p + 6, 4, NetworkLayers.u32(d, p + 6));
                    }
                }
                default -> {
                }
            }
            p += len;
        }
        if (syn && !mss) {
            expert.add(s, 1, under, from, end - from, f.TCP_OPTIONS_MSS_ABSENT,
                    "The SYN packet does not contain a MSS option", Expert.NOTE, Expert.PROTOCOL);
        }
        if (syn && !sackPerm) {
            expert.add(s, 1, under, from, end - from, f.TCP_OPTIONS_SACK_PERM_ABSENT,
                    "The SYN packet does not contain a SACK PERM option", Expert.NOTE, Expert.PROTOCOL);
        }
    }

    private int put(FieldStore s, int id, int parent, int off, int len, long value) {
        return w.get(id) ? s.add(id, 1, parent, src, off, len, value, null) : -1;
    }
}
