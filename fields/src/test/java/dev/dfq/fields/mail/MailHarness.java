package dev.dfq.fields.mail;

import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Drives the SMTP dissector over a capture the way Wireshark 4.6.9's TCP hands payload up with
 * default preferences: server port from the SYN (else the lower SMTP port), retransmitted and
 * out-of-order segments not handed up, one-more-segment desegmentation for incomplete first lines,
 * and TLS after an accepted STARTTLS. Test scaffolding: the dissect branch owns the real TCP layer.
 */
final class MailHarness {
    /** What one frame produced. */
    record FrameResult(FieldStore store, MailContext ctx) {}

    private final FieldRegistry registry;
    private final SmtpDissector smtp;
    private final Map<String, SmtpSession> sessions = new HashMap<>();
    private final Map<String, Integer> serverPorts = new HashMap<>();
    private final TlsRecordDissector tls;
    private final Map<String, TlsRecordDissector.Direction> tlsDirs = new HashMap<>();

    MailHarness(FieldRegistry registry, SmtpPrefs prefs) {
        this.registry = registry;
        this.smtp = new SmtpDissector(registry, prefs);
        this.tls = new TlsRecordDissector(registry);
    }

    SmtpDissector smtp() {
        return smtp;
    }

    /** Runs one pass (first pass when {@code firstPass}), calling {@code sink} for every frame. */
    void pass(List<TestPcap.Segment> frames, boolean firstPass, BiConsumer<Integer, FrameResult> sink) {
        Map<String, long[]> nextSeq = new HashMap<>();
        Map<String, byte[]> pending = new HashMap<>();
        Map<String, Long> pendingSeq = new HashMap<>();
        tlsDirs.clear();
        FieldStore store = new FieldStore(registry);
        for (int i = 0; i < frames.size(); i++) {
            int frameNo = i + 1;
            store.reset(frameNo);
            TestPcap.Segment s = frames.get(i);
            MailContext ctx = new MailContext(store, frameNo, firstPass);
            if (s != null) {
                store.addSource("Packet", s.bytes(), s.bytes().length);
                segment(s, ctx, nextSeq, pending, pendingSeq);
            }
            sink.accept(frameNo, new FrameResult(store, ctx));
        }
    }

    private void segment(TestPcap.Segment s, MailContext ctx, Map<String, long[]> nextSeq,
                         Map<String, byte[]> pending, Map<String, Long> pendingSeq) {
        String conv = s.src().compareTo(s.dst()) < 0 || (s.src().equals(s.dst()) && s.sport() < s.dport())
                ? s.src() + ":" + s.sport() + "-" + s.dst() + ":" + s.dport()
                : s.dst() + ":" + s.dport() + "-" + s.src() + ":" + s.sport();
        String dir = s.src() + ":" + s.sport() + ">" + s.dst() + ":" + s.dport();
        if (s.syn() && !s.ack()) {
            serverPorts.put(conv, s.dport());
        }
        long len = s.payloadLen();
        long seq = s.seq();
        long[] nx = nextSeq.get(dir);
        boolean skip = false;
        if (nx != null && len > 0) {
            long diff = (seq - nx[0]) << 32 >> 32;
            if (diff < 0 && !(len > 1 && diff == -1)) {
                skip = true;
            }
        }
        long end = (seq + len + (s.syn() ? 1 : 0) + ((s.flags() & 1) != 0 ? 1 : 0)) & 0xffffffffL;
        if (nx == null) {
            nextSeq.put(dir, new long[] {end});
        } else if (((end - nx[0]) << 32 >> 32) > 0) {
            nx[0] = end;
        }
        if (len == 0 || skip) {
            return;
        }
        Integer server = serverPorts.get(conv);
        int matched;
        if (server != null && smtp.prefs().ports().contains(server)) {
            matched = server;
        } else {
            int low = Math.min(s.sport(), s.dport());
            int high = Math.max(s.sport(), s.dport());
            matched = smtp.prefs().ports().contains(low) ? low : smtp.prefs().ports().contains(high) ? high : -1;
        }
        if (matched < 0) {
            return;
        }
        SmtpSession session = sessions.computeIfAbsent(conv, k -> smtp.newSession());
        if (session.isTls(ctx.frameNumber())) {
            String back = s.dst() + ":" + s.dport() + ">" + s.src() + ":" + s.sport();
            boolean handled = tls.dissect(ctx, tlsDirs.computeIfAbsent(dir, k -> new TlsRecordDissector.Direction()),
                    tlsDirs.computeIfAbsent(back, k -> new TlsRecordDissector.Direction()), 0, s.payloadOff(),
                    s.payloadLen());
            if (handled) {
                return;
            }
        }
        FieldStore st = ctx.store();
        int src = 0;
        int off = s.payloadOff();
        int plen = s.payloadLen();
        byte[] prev = pending.remove(dir);
        if (prev != null && pendingSeq.get(dir) == seq) {
            byte[] joined = new byte[prev.length + plen];
            System.arraycopy(prev, 0, joined, 0, prev.length);
            System.arraycopy(s.bytes(), off, joined, prev.length, plen);
            src = st.addSource("Reassembled TCP (" + joined.length + " bytes)", joined, joined.length);
            off = 0;
            plen = joined.length;
        }
        int r = smtp.dissect(ctx, session, src, off, plen, s.dport() == matched, true);
        if (r == SmtpDissector.NEED_ONE_MORE_SEGMENT) {
            byte[] keep = new byte[plen];
            System.arraycopy(st.sourceData(src), off, keep, 0, plen);
            pending.put(dir, keep);
            pendingSeq.put(dir, (seq + len) & 0xffffffffL);
        }
    }

    static List<String> header(String line) {
        return new ArrayList<>(List.of(line.split("\t", -1)));
    }
}
