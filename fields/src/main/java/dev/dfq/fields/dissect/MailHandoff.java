package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import dev.dfq.fields.mail.MailContext;
import dev.dfq.fields.mail.SmtpDissector;
import dev.dfq.fields.mail.SmtpPrefs;
import dev.dfq.fields.mail.SmtpSession;
import dev.dfq.fields.mail.TlsRecordDissector;

/**
 * How TCP hands payload to SMTP, as Wireshark 4.6.9 does with default preferences: the server
 * port is the SYN's destination (else the lower SMTP port); retransmitted and out-of-order
 * segments are not handed up; a segment whose first line is incomplete is kept and joined to the
 * next one in a "Reassembled TCP" data source; after an accepted STARTTLS the bytes are TLS records.
 */
final class MailHandoff {
    private final SmtpDissector smtp;
    private final TlsRecordDissector tls;

    /** Per-direction hand-off state, kept on the TCP direction. */
    static final class Direction {
        long nextSeq = -1;
        byte[] pending;
        long pendingSeq;
        /** The frames whose bytes {@link #pending} holds, oldest first. */
        int[] pendingFrames;
        /** TLS record state, made when STARTTLS has been accepted (most streams never need it). */
        private TlsRecordDissector.Direction tls;

        TlsRecordDissector.Direction tls() {
            if (tls == null) {
                tls = new TlsRecordDissector.Direction();
            }
            return tls;
        }
    }

    /** Per-conversation state, kept on the TCP conversation. */
    static final class Conversation {
        int serverPort = -1;
        SmtpSession session;
    }

    private final boolean firstPass;
    /** SMTP sessions by TCP stream index, shared by both passes of a two-pass run (null: one pass). */
    private final java.util.Map<Integer, SmtpSession> sessions;
    /** Two passes: the frame completing each multi-segment PDU, by the frames before it (first pass fills it). */
    private final java.util.Map<Integer, Integer> reassembledIn;
    /**
     * Whether the last segment's payload went into a reassembly, kept for the next segment (SMTP
     * needs more bytes) or completing earlier ones: TCP shows it as segment data.
     */
    private boolean lastKept;
    /** Field ids and wanted set for the "Reassembled TCP Segments" item; null until {@link #segmentItems}. */
    private F f;
    private java.util.BitSet w;

    /** Lets the frame completing a line reassembled from several segments show tshark's tcp.segments item. */
    void segmentItems(F ids, java.util.BitSet wanted) {
        this.f = ids;
        this.w = wanted;
    }

    boolean kept() {
        return lastKept;
    }

    /** The last segment's "[TCP PDU reassembled in N]" frame, or 0. */
    private int lastReassembledIn;

    /** @param wanted the fields the query reads, or null for all */
    MailHandoff(FieldRegistry registry, SmtpPrefs prefs, java.util.function.IntPredicate wanted) {
        this(new SmtpDissector(registry, prefs, false, wanted), registry, true, null, null);
    }

    /**
     * A pass of a two-pass run (tshark -2): both passes share {@code smtp} (made with its two-pass
     * flag) and {@code sessions}; the second pass sees what the first learnt (smtp.data.reassembled.in).
     */
    MailHandoff(SmtpDissector smtp, FieldRegistry registry, boolean firstPass,
                java.util.Map<Integer, SmtpSession> sessions, java.util.Map<Integer, Integer> reassembledIn) {
        this.smtp = smtp;
        this.tls = new TlsRecordDissector(registry);
        this.firstPass = firstPass;
        this.sessions = sessions;
        this.reassembledIn = reassembledIn;
    }

    /**
     * The frame tshark names in "[TCP PDU reassembled in N]" after the last segment's Info, or 0. In one
     * pass only a segment joined to earlier ones that still needs more shows it, naming itself (Wireshark's
     * first-pass state); with two passes every segment of a multi-segment PDU but the last names the last.
     */
    int reassembledIn() {
        return lastReassembledIn;
    }

    /**
     * The SMTP server port of a segment: the SYN's destination when it is an SMTP port, else the
     * lower SMTP port of the two, else -1 (the payload is not SMTP's).
     */
    int smtpPort(Conversation conv, int sport, int dport) {
        if (conv.serverPort >= 0 && smtp.prefs().ports().contains(conv.serverPort)) {
            return conv.serverPort;
        }
        int low = Math.min(sport, dport);
        int high = Math.max(sport, dport);
        return smtp.prefs().ports().contains(low) ? low : smtp.prefs().ports().contains(high) ? high : -1;
    }

    /**
     * Hands one segment's payload up; returns the mail context when SMTP (or TLS) took it, else null.
     */
    MailContext segment(FieldStore store, int frameNumber, int stream, Conversation conv, Direction me, Direction peer,
                        int sport, int dport, boolean syn, boolean ackFlag, boolean fin, long seq, int tcpLen,
                        int payloadSrc, int payloadOff, int present, boolean desegmentOk, boolean analyzeSeq) {
        lastReassembledIn = 0;
        lastKept = false;
        if (!firstPass && reassembledIn != null) {
            lastReassembledIn = reassembledIn.getOrDefault(frameNumber, 0);
        }
        if (syn && !ackFlag) {
            conv.serverPort = dport;
        }
        boolean skip = false;
        // without sequence analysis nothing is known to be a retransmission: everything goes up
        if (analyzeSeq && me.nextSeq >= 0 && tcpLen > 0) {
            long diff = (seq - me.nextSeq) << 32 >> 32;
            if (diff < 0 && !(tcpLen > 1 && diff == -1)) {
                skip = true; // a retransmission (or keep-alive) is not handed to the upper layer
            }
        }
        long end = (seq + tcpLen + (syn ? 1 : 0) + (fin ? 1 : 0)) & 0xffffffffL;
        if (me.nextSeq < 0 || ((end - me.nextSeq) << 32 >> 32) > 0) {
            me.nextSeq = end;
        }
        if (tcpLen == 0 || present <= 0 || skip) {
            return null;
        }
        int matched = smtpPort(conv, sport, dport);
        if (matched < 0) {
            return null;
        }
        if (conv.session == null) {
            conv.session = sessions == null ? smtp.newSession() : sessions.computeIfAbsent(stream, k -> smtp.newSession());
        }
        MailContext ctx = new MailContext(store, frameNumber, firstPass);
        if (conv.session.isTls(frameNumber) && tls.dissect(ctx, me.tls(), peer.tls(), payloadSrc, payloadOff, present)) {
            lastKept = tls.reassembly();
            return ctx;
        }
        int src = payloadSrc;
        int off = payloadOff;
        int len = present;
        // a segment that may not be desegmented (bad checksum, desegmentation off) goes up alone;
        // what is pending stays
        byte[] prev = desegmentOk ? me.pending : null;
        int[] prevFrames = prev != null && me.pendingSeq == seq ? me.pendingFrames : new int[0];
        if (desegmentOk) {
            me.pending = null;
            me.pendingFrames = null;
        }
        if (prev != null && me.pendingSeq == seq) {
            byte[] joined = new byte[prev.length + len];
            System.arraycopy(prev, 0, joined, 0, prev.length);
            System.arraycopy(store.sourceData(src), off, joined, prev.length, len);
            src = store.addSource("Reassembled TCP (" + joined.length + " bytes)", joined, joined.length);
            lastKept = true;
            off = 0;
            len = joined.length;
            if (!smtp.needsMore(joined, 0, len, desegmentOk)) {
                segments(store, src, prevFrames, frameNumber, joined.length);
            }
        }
        int r = smtp.dissect(ctx, conv.session, src, off, len, dport == matched, desegmentOk);
        if (r == SmtpDissector.NEED_ONE_MORE_SEGMENT) {
            lastKept = true;
            byte[] keep = new byte[len];
            System.arraycopy(store.sourceData(src), off, keep, 0, len);
            me.pending = keep;
            me.pendingSeq = (seq + tcpLen) & 0xffffffffL;
            me.pendingFrames = java.util.Arrays.copyOf(prevFrames, prevFrames.length + 1);
            me.pendingFrames[prevFrames.length] = frameNumber;
            if (prevFrames.length > 0 && sessions == null) {
                lastReassembledIn = frameNumber;
            }
            return null;
        }
        if (firstPass && reassembledIn != null) {
            for (int earlier : prevFrames) {
                reassembledIn.put(earlier, frameNumber);
            }
        }
        return ctx;
    }

    /**
     * The top-level "[N Reassembled TCP Segments]" item of the frame completing a PDU: each segment's
     * frame, their count, the reassembled length and bytes (over the reassembled source).
     */
    private void segments(FieldStore store, int src, int[] earlier, int frameNumber, int length) {
        if (f == null || !w.get(f.TCP_SEGMENTS) && !w.get(f.TCP_SEGMENT) && !w.get(f.TCP_SEGMENT_COUNT)
                && !w.get(f.TCP_REASSEMBLED_LENGTH) && !w.get(f.TCP_REASSEMBLED_DATA)) {
            return;
        }
        int item = w.get(f.TCP_SEGMENTS) ? store.add(f.TCP_SEGMENTS, 1, -1, src, 0, length, 0, null) : -1;
        for (int frame : earlier) {
            put(store, f.TCP_SEGMENT, item, src, 0, 0, frame);
        }
        put(store, f.TCP_SEGMENT, item, src, 0, 0, frameNumber);
        put(store, f.TCP_SEGMENT_COUNT, item, src, 0, 0, earlier.length + 1);
        put(store, f.TCP_REASSEMBLED_LENGTH, item, src, 0, 0, length);
        put(store, f.TCP_REASSEMBLED_DATA, item, src, 0, length, 0);
    }

    private void put(FieldStore store, int id, int parent, int src, int off, int len, long value) {
        Items.add(w, store, id, 1, parent, src, off, len, value);
    }
}
