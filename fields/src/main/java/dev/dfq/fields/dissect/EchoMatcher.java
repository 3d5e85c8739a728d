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

    void request(FrameInfo info, FieldStore s, Object key, int occ, int src, int off, StringBuilder text) {
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

    void reply(FrameInfo info, FieldStore s, Object key, int occ, int src, int off, StringBuilder text) {
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

    private void add(FieldStore s, int id, int parent, int src, int off, long value) {
        if (w.get(id)) {
            s.add(id, 1, parent, src, off, 0, value, null);
        }
    }
}
