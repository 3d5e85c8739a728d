package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldStore;
import java.util.BitSet;

/**
 * tcp.flags with its subtree as Wireshark 4.6.9 builds it: each bit, the connection expert info under
 * the SYN, RST and FIN bits, and tcp.flags.str, under which a FIN says whether it starts or answers
 * the closing.
 */
final class TcpFlagsTree {

    private final F f;
    private final BitSet w;
    /** Whether the query reads anything this subtree adds (else it is skipped: L3/L4 queries stay fast). */
    final boolean wanted;
    /** The data source of the segment being added (the frame, or a reassembled IP datagram). */
    private int src;
    private final Expert expert;
    private final int syn;
    private final int synAck;
    private final int rst;
    private final int fin;
    private final int finActive;
    private final int finPassive;

    TcpFlagsTree(F f, BitSet wanted) {
        this.f = f;
        this.w = wanted;
        this.wanted = Expert.anyWanted(f, wanted, f.TCP_CONNECTION_FIN, f.TCP_CONNECTION_FIN_ACTIVE,
                f.TCP_CONNECTION_FIN_PASSIVE, f.TCP_CONNECTION_RST, f.TCP_CONNECTION_SYN, f.TCP_CONNECTION_SYNACK,
                f.TCP_FLAGS, f.TCP_FLAGS_ACK, f.TCP_FLAGS_AE, f.TCP_FLAGS_CWR, f.TCP_FLAGS_ECE, f.TCP_FLAGS_FIN,
                f.TCP_FLAGS_PUSH, f.TCP_FLAGS_RES, f.TCP_FLAGS_RESET, f.TCP_FLAGS_STR, f.TCP_FLAGS_SYN,
                f.TCP_FLAGS_URG);
        this.expert = new Expert(f, wanted);
        syn = f.TCP_CONNECTION_SYN;
        synAck = f.TCP_CONNECTION_SYNACK;
        rst = f.TCP_CONNECTION_RST;
        fin = f.TCP_CONNECTION_FIN;
        finActive = f.TCP_CONNECTION_FIN_ACTIVE;
        finPassive = f.TCP_CONNECTION_FIN_PASSIVE;
    }

    /**
     * @param off the TCP header's offset
     * @param peerFinSeen whether the other side has sent its FIN (then this FIN answers it)
     */
    void add(FieldStore s, int src, int tcp, int off, int flags, int sport, int dport, boolean peerFinSeen) {
        this.src = src;
        int item = put(s, f.TCP_FLAGS, tcp, off + 12, 2, flags);
        int under = item >= 0 ? item : tcp;
        put(s, f.TCP_FLAGS_RES, under, off + 12, 1, flags & 0xe00);
        put(s, f.TCP_FLAGS_AE, under, off + 12, 1, flags & 0x100);
        put(s, f.TCP_FLAGS_CWR, under, off + 13, 1, flags & 0x80);
        put(s, f.TCP_FLAGS_ECE, under, off + 13, 1, flags & 0x40);
        put(s, f.TCP_FLAGS_URG, under, off + 13, 1, flags & 0x20);
        put(s, f.TCP_FLAGS_ACK, under, off + 13, 1, flags & 0x10);
        put(s, f.TCP_FLAGS_PUSH, under, off + 13, 1, flags & 0x08);
        int reset = put(s, f.TCP_FLAGS_RESET, under, off + 13, 1, flags & 0x04);
        if ((flags & 0x04) != 0) {
            expert.add(s, 1, reset >= 0 ? reset : under, off + 13, 1, rst, "Connection reset (RST)", Expert.WARN, Expert.SEQUENCE);
        }
        int synItem = put(s, f.TCP_FLAGS_SYN, under, off + 13, 1, flags & 0x02);
        if ((flags & 0x02) != 0) {
            boolean ack = (flags & 0x10) != 0;
            expert.add(s, 1, synItem >= 0 ? synItem : under, off + 13, 1, ack ? synAck : syn,
                    ack ? "Connection establish acknowledge (SYN+ACK): server port " + sport
                        : "Connection establish request (SYN): server port " + dport, Expert.CHAT, Expert.SEQUENCE);
        }
        int finItem = put(s, f.TCP_FLAGS_FIN, under, off + 13, 1, flags & 0x01);
        if ((flags & 0x01) != 0) {
            expert.add(s, 1, finItem >= 0 ? finItem : under, off + 13, 1, fin, "Connection finish (FIN)", Expert.CHAT, Expert.SEQUENCE);
        }
        int str = w.get(f.TCP_FLAGS_STR)
                ? s.add(f.TCP_FLAGS_STR, 1, under, src, off + 12, 2, 0, TcpState.flagsString(flags)) : -1;
        if ((flags & 0x01) != 0) {
            expert.add(s, 1, str >= 0 ? str : under, off + 12, 2, peerFinSeen ? finPassive : finActive,
                    peerFinSeen ? "This frame undergoes the connection closing" : "This frame initiates the connection closing",
                    Expert.NOTE, Expert.SEQUENCE);
        }
    }

    private int put(FieldStore s, int id, int parent, int off, int len, long value) {
        return w.get(id) ? s.add(id, 1, parent, src, off, len, value, null) : -1;
    }
}
