package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.BitSet;

/**
 * TCP segments and the per-conversation state Wireshark keeps: stream index, relative sequence
 * and acknowledgement numbers (relative to the SYN's ISN, or to the first sequence number seen
 * when the capture starts mid-stream), window scaling learnt from the handshake, per-stream time,
 * tcp.completeness ({@link TcpCompleteness}) and sequence analysis ({@link TcpAnalysis}), the
 * latter two only when a field needs them. A conversation's state is dropped once it has closed (RST, or FIN both ways and the last ACK),
 * so memory follows the number of open streams, not the size of the capture.
 */
final class TcpState {
    private final F f;
    private final TcpFlagsTree flagsTree;
    private final TcpOptionsTree optionsTree;
    private final Expert expert;
    private final boolean ackNonzeroWanted;
    /** Whether a contiguity count is read (then -2 carries the sequence ranges over to the second pass). */
    private final boolean contiguity;
    private final BitSet w;
    private final ConversationTable<Conv> conversations = new ConversationTable<>();
    /** Closed conversations, oldest first, until they have been idle for {@link #CLOSED_IDLE_NANOS}. */
    private final ArrayDeque<Closed> closed = new ArrayDeque<>();
    private int nextStream;
    private final Conv scratch = new Conv(0);
    private final boolean needState;

    private final MailHandoff mail;

    private final LowerPrefs prefs;

    /** Sequence analysis, or null when no field needs it (or tcp.analyze_sequence_numbers is off). */
    private final TcpAnalysis analysis;
    private final TcpCompleteness completeness;

    /**
     * @param mail the mail dissectors, or null when no mail field is needed
     * @param completeness tcp.completeness as this pass shows it
     */
    TcpState(F f, BitSet wanted, MailHandoff mail, LowerPrefs prefs, TcpCompleteness completeness) {
        this.f = f;
        this.prefs = prefs;
        this.w = wanted;
        this.mail = mail;
        this.completeness = completeness;
        this.flagsTree = new TcpFlagsTree(f, wanted);
        this.optionsTree = new TcpOptionsTree(f, wanted);
        this.expert = new Expert(f, wanted);
        this.ackNonzeroWanted = Expert.anyWanted(f, wanted, f.TCP_ACK_NONZERO);
        this.contiguity = wanted.get(f.TCP_CLIENT_CONTIGUITY) || wanted.get(f.TCP_SERVER_CONTIGUITY);
        // conversation state costs a hash lookup per segment: only when a field needs it
        int[] stateful = {f.TCP_STREAM, f.TCP_STREAM_PNUM, f.TCP_SEQ, f.TCP_NXTSEQ, f.TCP_ACK, f.TCP_WINDOW_SIZE,
            f.TCP_WINDOW_SIZE_SCALEFACTOR, f.TCP_TIME_RELATIVE, f.TCP_TIME_DELTA, f.TCP_CLIENT_CONTIGUITY,
            f.TCP_SERVER_CONTIGUITY};
        boolean analyse = anyWanted(wanted, TcpAnalysis.fields(f));
        this.analysis = analyse && prefs.tcpAnalyzeSeq() ? new TcpAnalysis(f, wanted) : null;
        this.needState = anyWanted(wanted, stateful) || analyse || anyWanted(wanted, TcpCompleteness.fields(f))
                || mail != null;
    }

    private static boolean anyWanted(BitSet wanted, int[] ids) {
        for (int id : ids) {
            if (wanted.get(id)) {
                return true;
            }
        }
        return false;
    }

    /** One direction of a conversation. */
    private static final class Dir {
        final MailHandoff.Direction mail = new MailHandoff.Direction();
        /** Sequence analysis state, made only when the analysis runs (it holds a queue of segments). */
        TcpAnalysis.Flow analysis;
        long base = -1;
        boolean synSeen;
        int windowShift = -1;
        boolean finSeen;
        /** The sequence ranges seen, only when a contiguity count is wanted. */
        SeqRanges seen;
    }

    private static final class Conv {
        final MailHandoff.Conversation mail = new MailHandoff.Conversation();
        final TcpAnalysis.Conversation analysis = new TcpAnalysis.Conversation();
        final int stream;
        final Dir a = new Dir();
        final Dir b = new Dir();
        long firstTime;
        long lastTime;
        int packets;
        boolean closing;

        Conv(int stream) {
            this.stream = stream;
        }
    }

    /**
     * How long a closed conversation (RST, or FIN both ways) is kept after its last segment: twice
     * TCP's maximum segment lifetime (RFC 9293), after which no segment of it can still be on the
     * way. Until then a late segment finds its stream (tshark's tcp.stream) and a SYN reusing the
     * ports starts a new one; afterwards the state is dropped, so memory follows the streams open or
     * recently closed, not the size of the capture. (tshark keeps every conversation: a stray
     * segment more than 240 s after its stream closed is the one case where the two differ.)
     */
    static final long CLOSED_IDLE_NANOS = 240_000_000_000L;

    /** A closed conversation and its endpoints (copied: the dissector reuses its address buffers). */
    private static final class Closed {
        final Conv conv;
        final byte[] src;
        final int sport;
        final byte[] dst;
        final int dport;
        /** The conversation's last segment when this entry was queued. */
        long seen;

        Closed(Conv conv, byte[] src, int sport, byte[] dst, int dport) {
            this.conv = conv;
            this.src = src;
            this.sport = sport;
            this.dst = dst;
            this.dport = dport;
            this.seen = conv.lastTime;
        }
    }

    private final byte[] src4 = new byte[4];
    /** The data source of the segment being dissected. */
    private int src;
    private final byte[] dst4 = new byte[4];

    /** @param d the bytes of data source {@code dataSrc}: the frame's, or a reassembled IP datagram's */
    void dissect(FrameInfo info, FieldStore s, PacketDissector.Layers layers, byte[] d, int dataSrc, boolean fragmented,
                 int off, int avail, int ipPayloadLen,
                 long srcIp, long dstIp, byte[] src6, byte[] dst6) {
        this.src = dataSrc;
        if (avail < 20) {
            return;
        }
        int sp = NetworkLayers.u16(d, off);
        int dp = NetworkLayers.u16(d, off + 2);
        long seq = NetworkLayers.u32(d, off + 4);
        long ack = NetworkLayers.u32(d, off + 8);
        int hdr = ((d[off + 12] >> 4) & 0xf) * 4;
        int flags = NetworkLayers.u16(d, off + 12) & 0x0fff;
        int window = NetworkLayers.u16(d, off + 14);
        int tcpLen = Math.max(0, ipPayloadLen - hdr);
        boolean syn = (flags & 0x02) != 0;
        boolean fin = (flags & 0x01) != 0;
        boolean rst = (flags & 0x04) != 0;
        boolean ackFlag = (flags & 0x10) != 0;

        // conversation (a scratch one when no field needs state: no lookup, nothing kept)
        byte[] src = src6;
        byte[] dst = dst6;
        if (src6 == null) {
            put32(src4, srcIp);
            put32(dst4, dstIp);
            src = src4;
            dst = dst4;
        }
        Conv conv;
        if (!needState) {
            conv = scratch;
            conv.a.base = conv.b.base = -1;
        } else {
            evictClosed(info.timeNanos);
            conv = conversations.get(src, sp, dst, dp);
        }
        boolean forward = !needState || ConversationTable.forward(src, sp, dst, dp);
        // a SYN on the ports of a closed conversation, or with a new initial sequence number, starts
        // a new one (tcp.analysis.reused_ports)
        boolean reused = conv != null && needState && syn && !ackFlag
                && (conv.closing || (forward ? conv.a : conv.b).synSeen && (forward ? conv.a : conv.b).base != seq);
        if (conv == null || reused) {
            conv = new Conv(nextStream++);
            if (contiguity) {
                Dir[] earlier = (Dir[]) completeness.directions(conv.stream, new Dir[] {conv.a, conv.b});
                if (earlier != null) {
                    conv.a.seen = earlier[0].seen;
                    conv.b.seen = earlier[1].seen;
                }
            }
            conv.firstTime = info.timeNanos;
            conv.lastTime = info.timeNanos;
            if (analysis != null) {
                conv.a.analysis = new TcpAnalysis.Flow();
                conv.b.analysis = new TcpAnalysis.Flow();
            }
            if (needState) {
                conversations.put(src, sp, dst, dp, conv);
            }
        }
        Dir me = forward ? conv.a : conv.b;
        Dir peer = forward ? conv.b : conv.a;
        if (syn) {
            me.base = seq;
            me.synSeen = true;
        } else if (me.base < 0) {
            me.base = (seq - 1) & 0xffffffffL; // kept unsigned: -1 means "not known yet"
        }
        if (ackFlag && peer.base < 0) {
            peer.base = (ack - 1) & 0xffffffffL; // mid-stream: the peer's next byte is relative 1, as in Wireshark
        }
        conv.packets++;

        // options (also needed for window scaling)
        int optEnd = Math.min(off + hdr, off + avail);
        int mss = -1;
        int wscale = -1;
        long tsval = -1;
        long tsecr = -1;
        int sackAt = -1;
        int sackBlocks = 0;
        for (int p = off + 20; p < optEnd; ) {
            int kind = d[p] & 0xff;
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                p++;
                continue;
            }
            if (p + 1 >= optEnd) {
                break;
            }
            int olen = d[p + 1] & 0xff;
            if (olen < 2 || p + olen > optEnd) {
                break;
            }
            switch (kind) {
                case 2 -> mss = olen == 4 ? NetworkLayers.u16(d, p + 2) : -1;
                case 3 -> wscale = olen == 3 ? d[p + 2] & 0xff : -1;
                case 5 -> {
                    sackAt = p + 2;
                    sackBlocks = (olen - 2) / 8;
                }
                case 8 -> {
                    if (olen == 10) {
                        tsval = NetworkLayers.u32(d, p + 2);
                        tsecr = NetworkLayers.u32(d, p + 6);
                    }
                }
                default -> {
                }
            }
            p += olen;
        }
        if (syn) {
            me.windowShift = wscale >= 0 ? Math.min(wscale, 14) : -2;
        }

        int occ = s.add(f.TCP, 1, -1, this.src, off, hdr, 0, null);
        layers.add("tcp");
        add(s, f.TCP_SRCPORT, occ, off, 2, sp);
        add(s, f.TCP_DSTPORT, occ, off + 2, 2, dp);
        add(s, f.TCP_PORT, occ, off, 2, sp);
        add(s, f.TCP_PORT, occ, off + 2, 2, dp);
        add(s, f.TCP_STREAM, occ, off, 0, conv.stream);
        add(s, f.TCP_STREAM_PNUM, occ, off, 0, conv.packets);
        if (needState) {
            // the conversation's completeness before this segment, where Wireshark shows it
            completeness.show(s, occ, off, conv.stream, conv.analysis.completeness);
        }
        if (!fragmented) { // a first fragment alone: Wireshark knows no segment length (no Len, no analysis)
            add(s, f.TCP_LEN, occ, off, 0, tcpLen);
        }
        long relSeq = prefs.tcpRelativeSeq() ? (seq - me.base) & 0xffffffffL : seq;
        add(s, f.TCP_SEQ, occ, off + 4, 4, relSeq);
        add(s, f.TCP_SEQ_RAW, occ, off + 4, 4, seq);
        long next = relSeq + tcpLen + (syn ? 1 : 0) + (fin ? 1 : 0);
        if (!fragmented) {
            add(s, f.TCP_NXTSEQ, occ, off, 0, next & 0xffffffffL);
        }
        long relAck = prefs.tcpRelativeSeq() && ackFlag && peer.base >= 0 ? (ack - peer.base) & 0xffffffffL : ack;
        int ackItem = w.get(f.TCP_ACK) ? s.add(f.TCP_ACK, 1, occ, this.src, off + 8, 4, relAck, null) : -1;
        if (!ackFlag && ack != 0 && ackNonzeroWanted) {
            expert.add(s, 1, ackItem >= 0 ? ackItem : occ, off + 8, 4, f.TCP_ACK_NONZERO,
                    "The acknowledgment number field is nonzero while the ACK flag is not set", Expert.NOTE, Expert.PROTOCOL);
        }
        add(s, f.TCP_ACK_RAW, occ, off + 8, 4, ack);
        add(s, f.TCP_HDR_LEN, occ, off + 12, 1, hdr);
        if (flagsTree.wanted) {
            flagsTree.add(s, this.src, occ, off, flags, sp, dp, peer.finSeen);
        }
        add(s, f.TCP_WINDOW_SIZE_VALUE, occ, off + 14, 2, window);
        int shift = syn ? -1 : (me.windowShift >= 0 && peer.windowShift >= 0 ? me.windowShift
                : me.windowShift == -2 || peer.windowShift == -2 ? -2 : -1);
        long scaled = shift >= 0 ? (long) window << shift : window;
        add(s, f.TCP_WINDOW_SIZE, occ, off + 14, 2, scaled);
        if (!syn) {
            add(s, f.TCP_WINDOW_SIZE_SCALEFACTOR, occ, off + 14, 2, shift >= 0 ? 1L << shift : shift);
        }
        boolean badChecksum = checksum(s, occ, d, off, avail, tcpLen + hdr, srcIp, dstIp, src6, dst6);
        add(s, f.TCP_URGENT_POINTER, occ, off + 18, 2, NetworkLayers.u16(d, off + 18));
        if (hdr > 20 && optionsTree.wanted) {
            boolean rel = prefs.tcpRelativeSeq() && peer.base >= 0;
            optionsTree.add(s, this.src, occ, d, off + 20, optEnd, syn, rel ? peer.base : -1, prefs.tcpAnalyzeSeq());
        }
        long sackBytes = 0;
        for (int i = 0; i < sackBlocks; i++) {
            sackBytes += (NetworkLayers.u32(d, sackAt + 8 * i + 4) - NetworkLayers.u32(d, sackAt + 8 * i)) & 0xffffffffL;
        }
        if (needState) {
            conv.analysis.completeness = TcpCompleteness.update(conv.analysis.completeness, flags, tcpLen);
        }
        if (w.get(f.TCP_TIME_RELATIVE) || w.get(f.TCP_TIME_DELTA)) {
            int times = s.addText(occ, "Timestamps");
            add(s, f.TCP_TIME_RELATIVE, times, off, 0, info.timeNanos - conv.firstTime);
            add(s, f.TCP_TIME_DELTA, times, off, 0, info.timeNanos - conv.lastTime);
        }
        int analysed = 0;
        if (analysis != null && !fragmented) {
            conv.analysis.shownFirstRtt = completeness.finalFirstRtt(conv.stream);
            analysed = analysis.analyze(s, occ, off, conv.analysis, me.analysis, peer.analysis, new TcpAnalysis.Segm(info.number,
                    info.timeNanos, seq, ack, tcpLen, flags, window, me.base, peer.windowShift, sackBytes), reused);
        }
        if (needState) {
            completeness.record(conv.stream, conv.analysis.completeness, conv.analysis.firstRtt);
        }
        conv.lastTime = info.timeNanos;
        if (prefs.tcpAnalyzeSeq() && (w.get(f.TCP_CLIENT_CONTIGUITY) || w.get(f.TCP_SERVER_CONTIGUITY))) {
            // Wireshark's "server" count is this segment's direction, its "client" count the other one
            if (me.seen == null) {
                me.seen = new SeqRanges();
            }
            me.seen.add(relSeq, next);
            add(s, f.TCP_CLIENT_CONTIGUITY, occ, off, 0, peer.seen == null ? 0 : peer.seen.count());
            add(s, f.TCP_SERVER_CONTIGUITY, occ, off, 0, me.seen.count());
        }
        int dataOff = off + hdr;
        int present = fragmented ? 0 : Math.min(tcpLen, Math.max(0, avail - hdr));
        if (present > 0 && w.get(f.TCP_PAYLOAD)) {
            s.add(f.TCP_PAYLOAD, 1, occ, this.src, dataOff, present, 0, null);
        }
        s.setLength(occ, hdr);
        dev.dfq.fields.mail.MailContext ctx = mail == null || fragmented ? null : mail.segment(s, info.number, conv.stream, conv.mail, me.mail,
                peer.mail, sp, dp, syn, ackFlag, fin, seq, tcpLen, this.src, dataOff, present, prefs.tcpDesegment() && !badChecksum,
                prefs.tcpAnalyzeSeq());
        if (mail != null) {
            layers.pduReassembledIn = mail.reassembledIn();
            if (layers.pduReassembledIn != 0 && layers.pduReassembledIn != info.number) {
                add(s, f.TCP_REASSEMBLED_IN, occ, off, 0, layers.pduReassembledIn); // known in the second pass of -2
            }
        }
        if (present > 0 && w.get(f.TCP_SEGMENT_DATA)
                && (TcpAnalysis.keptFromSubdissectors(analysed) || mail != null && mail.kept())) {
            // payload no dissector above took (yet): a retransmission, or bytes waiting for the rest of a line
            s.add(f.TCP_SEGMENT_DATA, 1, occ, this.src, dataOff, present, 0, null);
        }
        if (ctx != null) {
            for (String p : ctx.protocols()) {
                layers.add(p);
            }
            layers.mailInfo = ctx.protocolColumn() == null ? null : ctx.infoText();
            layers.mailProtocol = ctx.protocolColumn();
        } else if (tcpLen > 0 && !fragmented && (mail == null || mail.smtpPort(conv.mail, sp, dp) < 0)
                && !TcpAnalysis.keptFromSubdissectors(analysed)) {
            // without the mail dissectors, name the payload by port; with them, a segment they did not
            // take (a retransmission, a line still incomplete) stays plain TCP, as in tshark, and
            // payload on other ports is data
            String p = TcpPorts.payloadProtocol(sp, dp);
            layers.add(p);
            if (p.equals("data") && present > 0) {
                DataLayer.add(f, w, s, this.src, dataOff, present);
            }
        }

        // a closed conversation is released once idle long enough (see CLOSED_IDLE_NANOS)
        if (fin) {
            me.finSeen = true;
        }
        if ((rst || me.finSeen && peer.finSeen && !fin && tcpLen == 0) && !conv.closing) {
            conv.closing = true;
            if (needState) {
                closed.addLast(new Closed(conv, src.clone(), sp, dst.clone(), dp));
            }
        }
    }

    /** Conversations kept (open, or closed within the idle limit); for tests. */
    int conversationCount() {
        return conversations.size();
    }

    /**
     * Drops closed conversations whose last segment is more than {@link #CLOSED_IDLE_NANOS} old. The
     * queue is in closing order; an entry whose conversation saw segments after it was queued goes
     * to the back once per such refresh, so a chatty closed conversation never holds the others up.
     */
    private void evictClosed(long now) {
        while (!closed.isEmpty()) {
            Closed c = closed.peekFirst();
            if (now - c.conv.lastTime > CLOSED_IDLE_NANOS) {
                closed.pollFirst();
                conversations.remove(c.src, c.sport, c.dst, c.dport, c.conv);
            } else if (c.conv.lastTime != c.seen) {
                c.seen = c.conv.lastTime;
                closed.addLast(closed.pollFirst());
            } else {
                return;
            }
        }
    }

    /**
     * tcp.checksum and its status; with tcp.check_checksum on, a segment wholly captured is verified.
     * Returns true for a bad checksum, which (as in Wireshark) stops desegmentation of that segment.
     */
    private boolean checksum(FieldStore s, int occ, byte[] d, int off, int avail, int segLen, long srcIp, long dstIp,
                             byte[] src6, byte[] dst6) {
        int checksum = NetworkLayers.u16(d, off + 16);
        int item = w.get(f.TCP_CHECKSUM) ? s.add(f.TCP_CHECKSUM, 1, occ, 0, off + 16, 2, checksum, null) : -1;
        if (!prefs.tcpCheckChecksum() || segLen > avail) {
            add(s, f.TCP_CHECKSUM_STATUS, occ, off + 16, 0, Checksums.UNVERIFIED);
            return false;
        }
        long sum = Checksums.sum(d, off, segLen, src6 == null ? Checksums.pseudo4(srcIp, dstIp, 6, segLen)
                : Checksums.pseudo6(src6, dst6, 6, segLen));
        boolean good = Checksums.fold(sum) == 0xffff;
        // a checked checksum gets a subtree (Wireshark's proto_tree_add_checksum)
        int tree = item >= 0 ? item : occ;
        int shouldBe = Checksums.shouldBe(sum, checksum);
        if (!good) {
            expert.badChecksum(s, 1, tree, off + 16, f.TCP_CHECKSUM_BAD_EXPERT, shouldBe);
        }
        add(s, f.TCP_CHECKSUM_CALCULATED, tree, off + 16, 2, shouldBe);
        add(s, f.TCP_CHECKSUM_STATUS, occ, off + 16, 0, good ? Checksums.GOOD : Checksums.BAD);
        return !good;
    }

    private static void put32(byte[] b, long v) {
        b[0] = (byte) (v >> 24);
        b[1] = (byte) (v >> 16);
        b[2] = (byte) (v >> 8);
        b[3] = (byte) v;
    }

    private void add(FieldStore s, int id, int parent, int off, int len, long value) {
        if (w.get(id)) {
            s.add(id, 1, parent, src, off, len, value, null);
        }
    }

    /** tcp.flags.str: "··········S·" with a middle dot for each clear bit, as Wireshark. */
    static byte[] flagsString(int flags) {
        String letters = "RRRACEUAPRSF";
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            boolean set = (flags & (1 << (11 - i))) != 0;
            sb.append(set ? letters.charAt(i) : '\u00b7');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
