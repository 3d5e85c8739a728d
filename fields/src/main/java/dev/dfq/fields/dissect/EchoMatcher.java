package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldStore;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Echo request/reply matching for ICMP and ICMPv6, as Wireshark's: a request opens a transaction
 * under its key; the first reply with the same key names the request and the time since it (one
 * pass); with -2 the second pass also names each request's reply, or says none came.
 */
final class EchoMatcher {
    /** Field ids of resp_in, no_resp (and the expert item under it), resp_to and resptime. */
    record Ids(int respIn, int noResp, int notFound, int respTo, int respTime) {
    }

    private final BitSet w;
    private final Ids ids;
    /** Open requests by key -> request frame, time, reply frame (0 until one comes). */
    private final Map<Object, long[]> requests = new HashMap<>();
    /** Request frame -> reply frame, filled by the first pass of -2 and read by the second; null for one pass. */
    private final Map<Integer, Integer> replies;
    private final boolean secondPass;
    private final Expert expert;

    EchoMatcher(BitSet wanted, Ids ids, Map<Integer, Integer> replies, boolean secondPass, Expert expert) {
        this.w = wanted;
        this.expert = expert;
        this.ids = ids;
        this.replies = replies;
        this.secondPass = secondPass;
    }

    /** A transaction's key: the address pair (either way), the request's checksum, identifier and sequence. */
    private record Key(Object addresses, int requestChecksum, int idSeq) {
    }

    /** Two IPv4 addresses as a key, whichever is the source. */
    static Object addresses(long a, long b) {
        return Math.min(a, b) << 32 | Math.max(a, b);
    }

    /** Two IPv6 addresses as a key, whichever is the source. */
    static Object addresses(byte[] a, byte[] b) {
        byte[] first = java.util.Arrays.compare(a, b) <= 0 ? a : b;
        byte[] pair = java.util.Arrays.copyOf(first, a.length + b.length);
        System.arraycopy(first == a ? b : a, 0, pair, a.length, b.length);
        return java.nio.ByteBuffer.wrap(pair); // compares by content
    }

    /**
     * Tracks one echo message. Wireshark keys a transaction on the checksum so that only an identical
     * payload matches: a reply's checksum differs from its request's by the type's difference, which
     * {@code replyDelta} takes back (one's complement arithmetic).
     */
    void echo(FrameInfo info, FieldStore s, Object addresses, boolean request, int checksum, int replyDelta, int idSeq,
              int occ, int src, int off, StringBuilder text) {
        int sum = request ? checksum : checksum - replyDelta;
        if (sum < 0) {
            sum += 0xffff;
        } else if (sum > 0xffff) {
            sum -= 0xffff;
        }
        Key key = new Key(addresses, sum, idSeq);
        if (request) {
            request(info, s, key, occ, src, off, text);
        } else {
            reply(info, s, key, occ, src, off, text);
        }
    }

    private void request(FrameInfo info, FieldStore s, Object key, int occ, int src, int off, StringBuilder text) {
        requests.putIfAbsent(key, new long[] {info.number, info.timeNanos, 0});
        if (replies == null || !secondPass) {
            return;
        }
        int reply = replies.getOrDefault(info.number, 0);
        if (reply != 0) {
            add(s, ids.respIn(), occ, src, off, reply);
            text.append(" (reply in ").append(reply).append(')');
        } else {
            int none = w.get(ids.noResp()) ? s.add(ids.noResp(), 1, occ, src, off, 0, 0, null) : occ;
            expert.add(s, 1, none, off, 0, ids.notFound(), "No response seen to ICMP request", Expert.WARN, Expert.SEQUENCE);
            text.append(" (no response found!)");
        }
    }

    private void reply(FrameInfo info, FieldStore s, Object key, int occ, int src, int off, StringBuilder text) {
        long[] request = requests.get(key);
        if (request == null || request[2] != 0) {
            return; // no request, or it already has its reply
        }
        request[2] = info.number;
        if (replies != null && !secondPass) {
            replies.put((int) request[0], info.number);
        }
        add(s, ids.respTo(), occ, src, off, request[0]);
        add(s, ids.respTime(), occ, src, off, Double.doubleToRawLongBits((info.timeNanos - request[1]) / 1e6));
        text.append(" (request in ").append(request[0]).append(')');
    }

    /**
     * An ICMP or ICMPv6 checksum's status (and, when bad, its expert note), verified over {@code sum} when
     * {@code verify}, else unverified.
     */
    static void checksum(FieldStore s, BitSet w, Expert expert, int occ, int ckOcc, int src, int off, int checksum,
                         boolean verify, long sum, int badId, int statusId) {
        int status = Checksums.UNVERIFIED;
        if (verify) {
            boolean good = Checksums.fold(sum) == 0xffff;
            if (!good) {
                expert.add(s, 1, ckOcc >= 0 ? ckOcc : occ, off + 2, 2, badId, String.format(
                        "Bad checksum [should be 0x%04x]", Checksums.shouldBe(sum, checksum)), Expert.WARN, Expert.CHECKSUM);
            }
            status = good ? Checksums.GOOD : Checksums.BAD;
        }
        if (w.get(statusId)) {
            s.add(statusId, 1, occ, src, off + 2, 0, status, null);
        }
    }

    private void add(FieldStore s, int id, int parent, int src, int off, long value) {
        if (w.get(id)) {
            s.add(id, 1, parent, src, off, 0, value, null);
        }
    }
}
