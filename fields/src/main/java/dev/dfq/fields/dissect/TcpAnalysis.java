package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldStore;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Iterator;

/**
 * TCP sequence analysis as Wireshark 4.6.9 does it with tcp.analyze_sequence_numbers on
 * (packet-tcp.c's tcp_analyze_sequence_number and the ACK bookkeeping after it): the
 * tcp.analysis tree of each segment. Like Wireshark it works on the numbers as on the wire, with 0
 * meaning "not seen yet". The checks run in Wireshark's order: some end the checking, and a
 * segment gets only the first retransmission kind that fits.
 */
final class TcpAnalysis {
    /** Analysis flags (packet-tcp.c TCP_A_*). */
    static final int RETRANSMISSION = 0x1;
    static final int LOST_PACKET = 0x2;
    static final int ACK_LOST_PACKET = 0x4;
    static final int KEEP_ALIVE = 0x8;
    static final int DUPLICATE_ACK = 0x10;
    static final int ZERO_WINDOW = 0x20;
    static final int ZERO_WINDOW_PROBE = 0x40;
    static final int ZERO_WINDOW_PROBE_ACK = 0x80;
    static final int KEEP_ALIVE_ACK = 0x100;
    static final int OUT_OF_ORDER = 0x200;
    static final int FAST_RETRANSMISSION = 0x400;
    static final int WINDOW_UPDATE = 0x800;
    static final int WINDOW_FULL = 0x1000;
    static final int REUSED_PORTS = 0x2000;
    static final int SPURIOUS_RETRANSMISSION = 0x4000;

    private static final long MASK = 0xffffffffL;
    /** Unacknowledged segments kept per direction: a bound, so a one-way capture cannot grow without end. */
    private static final int MAX_UNACKED = 10_000;
    /** Wireshark's fast-retransmission window after the third duplicate ACK. */
    private static final long FAST_RETRANSMISSION_NANOS = 20_000_000L;
    /** The out-of-order window before the initial RTT is known (Wireshark: 3 ms). */
    private static final long DEFAULT_OOO_NANOS = 3_000_000L;

    /** One unacknowledged segment. */
    private static final class Segment {
        int frame;
        long seq;
        long nextseq;
        int nextseqFrame;
        long nextseqTime;
        long time;
        /** It was sent again from the same sequence number, so an ACK of it is ambiguous (Karn). */
        boolean resent;
        /** It is itself a retransmission (an RTO is measured from the original). */
        boolean retransmission;
    }

    /** One direction's analysis state (Wireshark's tcp_flow_t). */
    static final class Flow {
        long nextseq;
        int nextseqFrame;
        long nextseqTime;
        long lastack;
        long lastackTime;
        int lastnondupack;
        int dupacknum;
        int window = -1;
        /** What this direction's last segment said it received beyond its ACK (SACK blocks). */
        long sackBytes;
        long maxseqtobeacked;
        /** Bytes in flight are shown once the peer has acknowledged something, and until a gap. */
        boolean validBif;
        long pushBytes;
        boolean pushSetLast;
        int lastSegmentFlags;
        final ArrayDeque<Segment> segments = new ArrayDeque<>();
    }

    /** Per-conversation analysis state. */
    static final class Conversation {
        long synTime;
        long firstRtt;
        /** The initial RTT to show instead of {@link #firstRtt} (the final one, in a second pass), or 0. */
        long shownFirstRtt;
        /** Bits of tcp.completeness seen so far. */
        int completeness;
    }

    private final F f;
    private final BitSet w;

    /** Each flag and its item, in Wireshark's order. */
    private final int[][] flagItems;


    private final Expert expert;

    /** The expert message of a flag's item, and its severity, as Wireshark 4.6.9 words them. */
    private static String message(int flag) {
        return switch (flag) {
            case REUSED_PORTS -> "A new tcp session is started with the same ports as an earlier session in this trace";
            case RETRANSMISSION -> "This frame is a (suspected) retransmission";
            case FAST_RETRANSMISSION -> "This frame is a (suspected) fast retransmission";
            case SPURIOUS_RETRANSMISSION -> "This frame is a (suspected) spurious retransmission";
            case OUT_OF_ORDER -> "This frame is a (suspected) out-of-order segment";
            case LOST_PACKET -> "Previous segment(s) not captured (common at capture start)";
            case ACK_LOST_PACKET -> "ACKed segment that wasn't captured (common at capture start)";
            case WINDOW_UPDATE -> "TCP window update";
            case WINDOW_FULL -> "TCP window specified by the receiver is now completely full";
            case KEEP_ALIVE -> "TCP keep-alive segment";
            case KEEP_ALIVE_ACK -> "ACK to a TCP keep-alive segment";
            case ZERO_WINDOW_PROBE -> "TCP Zero Window Probe";
            case ZERO_WINDOW -> "TCP Zero Window segment";
            case ZERO_WINDOW_PROBE_ACK -> "ACK to a TCP Zero Window Probe";
            default -> throw new IllegalArgumentException("flag " + flag);
        };
    }

    private static int severity(int flag) {
        return switch (flag) {
            case WINDOW_UPDATE -> Expert.CHAT;
            case OUT_OF_ORDER, LOST_PACKET, ACK_LOST_PACKET, WINDOW_FULL, ZERO_WINDOW -> Expert.WARN;
            default -> Expert.NOTE;
        };
    }

    TcpAnalysis(F f, BitSet wanted) {
        this.f = f;
        this.w = wanted;
        this.expert = new Expert(f, wanted);
        this.flagItems = new int[][] {{REUSED_PORTS, f.TCP_ANALYSIS_REUSED_PORTS},
            {RETRANSMISSION, f.TCP_ANALYSIS_RETRANSMISSION}, {FAST_RETRANSMISSION, f.TCP_ANALYSIS_FAST_RETRANSMISSION},
            {SPURIOUS_RETRANSMISSION, f.TCP_ANALYSIS_SPURIOUS_RETRANSMISSION}, {OUT_OF_ORDER, f.TCP_ANALYSIS_OUT_OF_ORDER},
            {LOST_PACKET, f.TCP_ANALYSIS_LOST_SEGMENT}, {ACK_LOST_PACKET, f.TCP_ANALYSIS_ACK_LOST_SEGMENT},
            {WINDOW_UPDATE, f.TCP_ANALYSIS_WINDOW_UPDATE}, {WINDOW_FULL, f.TCP_ANALYSIS_WINDOW_FULL},
            {KEEP_ALIVE, f.TCP_ANALYSIS_KEEP_ALIVE}, {KEEP_ALIVE_ACK, f.TCP_ANALYSIS_KEEP_ALIVE_ACK},
            {DUPLICATE_ACK, f.TCP_ANALYSIS_DUPLICATE_ACK}, {ZERO_WINDOW_PROBE, f.TCP_ANALYSIS_ZERO_WINDOW_PROBE},
            {ZERO_WINDOW, f.TCP_ANALYSIS_ZERO_WINDOW}, {ZERO_WINDOW_PROBE_ACK, f.TCP_ANALYSIS_ZERO_WINDOW_PROBE_ACK}};
    }

    /** The ids whose presence makes the analysis run. */
    static int[] fields(F f) {
        return new int[] {f.TCP_ANALYSIS, f.TCP_ANALYSIS_FLAGS, f.TCP_ANALYSIS_RETRANSMISSION,
            f.TCP_ANALYSIS_FAST_RETRANSMISSION, f.TCP_ANALYSIS_SPURIOUS_RETRANSMISSION, f.TCP_ANALYSIS_OUT_OF_ORDER,
            f.TCP_ANALYSIS_LOST_SEGMENT, f.TCP_ANALYSIS_ACK_LOST_SEGMENT, f.TCP_ANALYSIS_DUPLICATE_ACK,
            f.TCP_ANALYSIS_DUPLICATE_ACK_NUM, f.TCP_ANALYSIS_DUPLICATE_ACK_FRAME, f.TCP_ANALYSIS_WINDOW_UPDATE,
            f.TCP_ANALYSIS_WINDOW_FULL, f.TCP_ANALYSIS_ZERO_WINDOW, f.TCP_ANALYSIS_ZERO_WINDOW_PROBE,
            f.TCP_ANALYSIS_ZERO_WINDOW_PROBE_ACK, f.TCP_ANALYSIS_KEEP_ALIVE, f.TCP_ANALYSIS_KEEP_ALIVE_ACK,
            f.TCP_ANALYSIS_REUSED_PORTS, f.TCP_ANALYSIS_ACKS_FRAME, f.TCP_ANALYSIS_ACK_RTT, f.TCP_ANALYSIS_INITIAL_RTT,
            f.TCP_ANALYSIS_BYTES_IN_FLIGHT, f.TCP_ANALYSIS_PUSH_BYTES_SENT, f.TCP_ANALYSIS_RTO, f.TCP_ANALYSIS_RTO_FRAME};
    }

    /**
     * One segment as the analysis sees it: sequence and acknowledgement numbers and the window as
     * on the wire (Wireshark analyses before making them relative or scaling the window).
     *
     * @param base this direction's base sequence number (bytes in flight are counted from it)
     * @param peerShift the peer's window shift: -1 unknown, -2 no scaling, else the shift
     * @param sackBytes the bytes this segment's SACK blocks report received
     */
    record Segm(int frame, long time, long seq, long ack, int len, int flags, int window, long base, int peerShift,
                long sackBytes) {
        boolean isSyn() {
            return (flags & 0x02) != 0;
        }

        boolean isFin() {
            return (flags & 0x01) != 0;
        }

        boolean isRst() {
            return (flags & 0x04) != 0;
        }

        boolean isAck() {
            return (flags & 0x10) != 0;
        }
    }

    /** What one segment's analysis found (Wireshark's tcp_acked). */
    private static final class Found {
        int flags;
        int dupNum;
        int dupFrame;
        int acked;
        long rtt;
        long inFlight;
        long pushed;
        /** A plain retransmission's RTO: time since the segment it is measured from, and that frame. */
        long rto;
        int rtoFrame;
        /** The acknowledged segment was sent more than once, or is acknowledged only in part. */
        boolean ambiguous;
        boolean partial;
        /** Whether Wireshark made the tcp_acked record, which is what shows the tcp.analysis tree. */
        boolean made;

        void flag(int f) {
            flags |= f;
            made = true;
        }
    }

    /**
     * Whether Wireshark keeps a segment's payload from the dissectors above TCP (its
     * tcp.no_subdissector_on_error, on by default): retransmitted data would confuse them (4.6.9
     * still hands up out-of-order segments). A keep-alive's byte is still shown as data.
     */
    static boolean keptFromSubdissectors(int flags) {
        return (flags & KEEP_ALIVE) == 0
                && (flags & (RETRANSMISSION | FAST_RETRANSMISSION | SPURIOUS_RETRANSMISSION)) != 0;
    }

    /**
     * Analyses one segment, updates both directions and adds the tcp.analysis tree under {@code tcpOcc}.
     *
     * @param reused true when this SYN started a new conversation on the ports of an earlier one
     * @return the TCP_A_* flags of the segment
     */
    int analyze(FieldStore s, int tcpOcc, int off, Conversation conv, Flow fwd, Flow rev, Segm g, boolean reused) {
        Found r = new Found();
        if (reused) {
            r.flag(REUSED_PORTS);
        }
        long now = g.time();
        if (g.isSyn() && !g.isAck()) {
            conv.synTime = now;
        } else if ((g.flags() & 0x12) == 0x10 && conv.synTime != 0 && conv.firstRtt == 0) {
            conv.firstRtt = now - conv.synTime; // iRTT: from the SYN to the ACK that completes the handshake
        }
        if (g.isAck()) {
            rev.validBif = true;
        }
        fwd.sackBytes = g.sackBytes();
        sequenceChecks(r, conv, fwd, rev, g);
        record(r, fwd, g);
        acknowledge(r, rev, g); // whatever the ACK flag: a RST's acknowledgement field counts too
        if (g.len() > 0 && !fwd.segments.isEmpty() && fwd.validBif) {
            inFlight(r, fwd, rev, g);
        }
        if (!r.made) {
            return 0;
        }
        show(s, tcpOcc, off, conv, r);
        return r.flags;
    }

    /** The flags about this segment's place in the sequence (tcp_analyze_sequence_number's checks). */
    private static void sequenceChecks(Found r, Conversation conv, Flow fwd, Flow rev, Segm g) {
        long seq = g.seq();
        long ack = g.ack();
        int seglen = g.len();
        int win = g.window();
        boolean plain = (g.flags() & 0x07) == 0;
        // the same window, sequence and acknowledgement as this direction's last segment
        boolean repeats = seglen == 0 && seq == fwd.nextseq && ack == fwd.lastack && plain;
        if (seglen == 1 && seq == fwd.nextseq && rev.window == 0) {
            r.flag(ZERO_WINDOW_PROBE);
        } else {
            if (win == 0 && plain) {
                r.flag(ZERO_WINDOW);
            }
            if (fwd.nextseq != 0 && gt(seq, fwd.nextseq) && !g.isRst()) {
                r.flag(LOST_PACKET);
                fwd.validBif = false; // until the peer acknowledges something
            }
            if (seglen <= 1 && seq == ((fwd.nextseq - 1) & MASK) && plain) {
                r.flag(KEEP_ALIVE);
            }
            if (repeats && win != 0 && win != fwd.window) {
                r.flag(WINDOW_UPDATE);
            }
            if (seglen > 0 && g.peerShift() != -1 && plain && rev.window >= 0
                    && ((seq + seglen) & MASK) == ((rev.lastack + (rev.window << Math.max(0, g.peerShift()))) & MASK)) {
                r.flag(WINDOW_FULL);
            }
            if (repeats && win != 0 && win == fwd.window && (rev.lastSegmentFlags & KEEP_ALIVE) != 0) {
                r.flag(KEEP_ALIVE_ACK);
            } else if (repeats && win == 0 && win == fwd.window && (rev.lastSegmentFlags & ZERO_WINDOW_PROBE) != 0) {
                r.flag(ZERO_WINDOW_PROBE_ACK);
            } else if (repeats && win != 0 && win == fwd.window) {
                fwd.dupacknum = fwd.dupacknum == -1 ? 1 : fwd.dupacknum + 1;
                r.flag(DUPLICATE_ACK);
                r.dupNum = fwd.dupacknum;
                r.dupFrame = fwd.lastnondupack;
            }
        }
        if (ack != fwd.lastack) {
            fwd.lastnondupack = g.frame();
            // -1 (an unseen segment of ours was acknowledged) outlives a new ACK number: 4.6.9 flags
            // the peer's later ACKs beyond the gap no more (only a duplicate ACK of ours clears it)
            if (fwd.dupacknum != -1) {
                fwd.dupacknum = 0;
            }
        }
        if (rev.maxseqtobeacked != 0 && gt(ack, rev.maxseqtobeacked) && g.isAck()) {
            r.made = true;
            if (gt(rev.maxseqtobeacked, rev.nextseq)) {
                rev.maxseqtobeacked = rev.nextseq;
                r.flags |= ACK_LOST_PACKET;
            } else {
                // the same missing data acknowledged again: flagged once per run of the peer's ACKs
                if (rev.dupacknum == 0) {
                    r.flags |= ACK_LOST_PACKET;
                }
                rev.dupacknum = -1;
            }
        }
        if ((seglen > 0 || g.isSyn() || g.isFin()) && (r.flags & KEEP_ALIVE) == 0) {
            retransmissionKind(r, conv, fwd, rev, g);
        }
    }

    /**
     * Spurious, fast, out-of-order or plain retransmission, in that order of precedence. Out of
     * order means: less than an initial RTT (3 ms before it is known) since the peer's last segment,
     * as 4.6.9 measures it (s8_ooo frame 14 is a retransmission by that rule).
     */
    private static void retransmissionKind(Found r, Conversation conv, Flow fwd, Flow rev, Segm g) {
        long seq = g.seq();
        int seglen = g.len();
        boolean notAdvanced = fwd.nextseq != 0 && lt(seq, fwd.nextseq);
        if (seglen > 1 && ((fwd.nextseq - 1) & MASK) == seq) {
            notAdvanced = false; // new data after a zero window probe's byte
        }
        if (seglen > 0 && rev.lastack != 0 && !gt((seq + seglen) & MASK, rev.lastack)) {
            r.flag(SPURIOUS_RETRANSMISSION);
        } else if (notAdvanced && rev.dupacknum >= 2 && rev.lastack == seq
                && g.time() - rev.lastackTime < FAST_RETRANSMISSION_NANOS) {
            r.flag(FAST_RETRANSMISSION);
        } else if (notAdvanced && g.time() - rev.lastackTime < (conv.firstRtt == 0 ? DEFAULT_OOO_NANOS : conv.firstRtt)
                && fwd.nextseq != ((seq + seglen + (g.isSyn() || g.isFin() ? 1 : 0)) & MASK)) {
            r.flag(OUT_OF_ORDER);
        } else if (notAdvanced) {
            r.flag(RETRANSMISSION);
            // 4.6.9 measures from the newest original segment still unacknowledged, else from the highest one sent
            Segment newest = null;
            for (Segment u : fwd.segments) {
                if (!u.retransmission) {
                    newest = u;
                    break;
                }
            }
            r.rto = g.time() - (newest != null ? newest.time : fwd.nextseqTime);
            r.rtoFrame = newest != null ? newest.frame : fwd.nextseqFrame;
        }
    }

    /** Keeps the segment for the peer's ACKs and moves this direction's expectations on. */
    private static void record(Found r, Flow fwd, Segm g) {
        long nextseq = (g.seq() + g.len() + (g.isSyn() || g.isFin() ? 1 : 0)) & MASK;
        if ((g.len() > 0 || g.isSyn() || g.isFin()) && fwd.segments.size() < MAX_UNACKED) {
            Segment u = new Segment();
            u.frame = g.frame();
            u.seq = g.seq();
            u.nextseq = nextseq;
            u.time = g.time();
            if ((r.flags & (RETRANSMISSION | FAST_RETRANSMISSION | SPURIOUS_RETRANSMISSION)) != 0) {
                u.resent = true;
                u.retransmission = true;
                for (Segment earlier : fwd.segments) {
                    if (earlier.seq == u.seq) {
                        earlier.resent = true;
                    }
                }
            }
            fwd.segments.addFirst(u);
        }
        boolean probe = (r.flags & ZERO_WINDOW_PROBE) != 0;
        if ((fwd.nextseq == 0 || gt(nextseq, fwd.nextseq)) && !probe) {
            fwd.nextseq = nextseq;
            fwd.nextseqFrame = g.frame();
            fwd.nextseqTime = g.time();
        }
        if ((g.seq() == fwd.maxseqtobeacked || fwd.maxseqtobeacked == 0) && !probe) {
            fwd.maxseqtobeacked = fwd.nextseq;
        }
        fwd.window = g.window();
        fwd.lastack = g.ack();
        fwd.lastackTime = g.time();
        fwd.lastSegmentFlags = r.flags;
    }

    /**
     * Drops the peer's segments this acknowledges. The oldest segment acknowledged exactly or in
     * part names the frame and the RTT (4.6.9 names a partly acknowledged one too).
     */
    private static void acknowledge(Found r, Flow rev, Segm g) {
        long ack = g.ack();
        Iterator<Segment> it = rev.segments.iterator();
        while (it.hasNext()) {
            Segment u = it.next();
            if (ack == u.nextseq || gt(ack, u.seq) && !gt(ack, u.nextseq)) {
                r.made = true;
                r.acked = u.frame;
                r.rtt = g.time() - u.time;
                r.ambiguous = u.resent;
                r.partial = ack != u.nextseq;
                if (ack == u.nextseq) {
                    it.remove();
                } else {
                    u.seq = ack; // partly acknowledged: keep the rest
                }
            } else if (!gt(u.nextseq, ack)) {
                it.remove();
            }
        }
    }

    /** Bytes in flight (from the unacknowledged segments' span) and bytes sent since the last PSH. */
    private static void inFlight(Found r, Flow fwd, Flow rev, Segm g) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Segment u : fwd.segments) {
            first = Math.min(first, (u.seq - g.base()) & MASK);
            last = Math.max(last, (u.nextseq - g.base()) & MASK);
        }
        // what the peer reports received beyond its ACK is no longer in flight
        long inf = (last - first - rev.sackBytes) & MASK;
        if (inf > 0 && inf < 2_000_000_000L) {
            r.inFlight = g.isSyn() || g.isFin() ? inf - 1 : inf; // SYN and FIN take no buffer
        }
        boolean psh = (g.flags() & 0x08) != 0;
        if (psh && !fwd.pushSetLast) {
            fwd.pushBytes += g.len();
        } else if (psh || fwd.pushSetLast) {
            fwd.pushBytes = g.len();
        } else {
            fwd.pushBytes += g.len();
        }
        fwd.pushSetLast = psh;
        r.pushed = fwd.pushBytes;
        r.made = true;
    }

    /** The tcp.analysis tree, in Wireshark's order. */
    private void show(FieldStore s, int tcpOcc, int off, Conversation conv, Found r) {
        int a = add(s, f.TCP_ANALYSIS, tcpOcc, off, 0);
        int p = a >= 0 ? a : tcpOcc;
        if (r.acked != 0) {
            int acks = add(s, f.TCP_ANALYSIS_ACKS_FRAME, p, off, r.acked);
            if (r.ambiguous) {
                expert.add(s, 1, acks >= 0 ? acks : p, off, 0, f.TCP_ANALYSIS_AMBIGUOUS_ACK,
                        "Ambiguous ACK following Karn's definition", Expert.NOTE, Expert.SEQUENCE);
            }
            if (r.partial) {
                expert.add(s, 1, acks >= 0 ? acks : p, off, 0, f.TCP_ANALYSIS_PARTIAL_ACK,
                        "Partial Acknowledgement of a segment", Expert.NOTE, Expert.SEQUENCE);
            }
            if (r.rtt != 0) {
                add(s, f.TCP_ANALYSIS_ACK_RTT, p, off, r.rtt);
            }
        }
        long irtt = conv.shownFirstRtt != 0 ? conv.shownFirstRtt : conv.firstRtt;
        if (irtt != 0) {
            add(s, f.TCP_ANALYSIS_INITIAL_RTT, p, off, irtt);
        }
        if (r.inFlight != 0) {
            add(s, f.TCP_ANALYSIS_BYTES_IN_FLIGHT, p, off, r.inFlight);
            add(s, f.TCP_ANALYSIS_PUSH_BYTES_SENT, p, off, r.pushed);
        }
        if (r.flags != 0) {
            flagTree(s, p, off, r);
        }
    }

    /** tcp.analysis.flags and the items under it, in the order Wireshark adds them. */
    private void flagTree(FieldStore s, int p, int off, Found r) {
        int flags = r.flags;
        int fo = add(s, f.TCP_ANALYSIS_FLAGS, p, off, 0);
        int q = fo >= 0 ? fo : p;
        for (int[] item : flagItems) {
            if ((flags & item[0]) != 0) {
                if (item[0] == DUPLICATE_ACK) {
                    add(s, item[1], q, 0, 0); // a plain item here; its expert item goes under the frame it duplicates
                    continue;
                }
                expert.add(s, 1, q, off, 0, item[1], message(item[0]), severity(item[0]), Expert.SEQUENCE);
                if (item[0] == RETRANSMISSION && r.rto != 0) {
                    add(s, f.TCP_ANALYSIS_RTO, q, off, r.rto);
                    add(s, f.TCP_ANALYSIS_RTO_FRAME, q, off, r.rtoFrame);
                }
                if ((item[0] & (FAST_RETRANSMISSION | SPURIOUS_RETRANSMISSION)) != 0) {
                    // Wireshark adds both expert items
                    expert.add(s, 1, q, off, 0, f.TCP_ANALYSIS_RETRANSMISSION, message(RETRANSMISSION),
                            severity(RETRANSMISSION), Expert.SEQUENCE);
                }
            }
        }
        if ((flags & DUPLICATE_ACK) != 0) {
            add(s, f.TCP_ANALYSIS_DUPLICATE_ACK_NUM, p, off, r.dupNum);
            int frame = add(s, f.TCP_ANALYSIS_DUPLICATE_ACK_FRAME, p, off, r.dupFrame);
            expert.add(s, 1, frame >= 0 ? frame : p, off, 0, f.TCP_ANALYSIS_DUPLICATE_ACK, "Duplicate ACK (#" + r.dupNum + ")",
                    Expert.NOTE, Expert.SEQUENCE);
        }
    }

    private int add(FieldStore s, int id, int parent, int off, long value) {
        return w.get(id) ? s.add(id, 1, parent, 0, off, 0, value, null) : -1;
    }

    private static boolean gt(long a, long b) {
        return (int) ((a - b) & MASK) > 0;
    }

    private static boolean lt(long a, long b) {
        return (int) ((a - b) & MASK) < 0;
    }

    private static boolean le(long a, long b) {
        return !gt(a, b);
    }
}
