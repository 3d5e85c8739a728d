package dev.dfq.fields.dissect;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * UDP conversations in the order they first appear, as Wireshark numbers them (udp.stream), with
 * what udp.stream.pnum and the [Timestamps] items need: the packets seen, the first and the last time.
 */
final class UdpConversations {
    /** One conversation; {@link #lastNanos} is the time of the packet before the current one until {@link #see} runs. */
    static final class Conversation {
        final int index;
        int packets;
        long firstNanos;
        long lastNanos;

        Conversation(int index) {
            this.index = index;
        }
    }

    private final Map<Long, Conversation> byKey = new HashMap<>();

    /** The conversation of a datagram (either direction), counting it; {@code src6} null for IPv4. */
    Conversation see(long src4, long dst4, byte[] src6, byte[] dst6, int sp, int dp, long timeNanos) {
        long a = src6 == null ? src4 : Arrays.hashCode(src6);
        long b = dst6 == null ? dst4 : Arrays.hashCode(dst6);
        long k1 = (a << 16) ^ sp;
        long k2 = (b << 16) ^ dp;
        long key = Math.min(k1, k2) * 1_000_003L ^ Math.max(k1, k2);
        Conversation c = byKey.computeIfAbsent(key, k -> new Conversation(byKey.size()));
        if (c.packets++ == 0) {
            c.firstNanos = timeNanos;
            c.lastNanos = timeNanos;
        }
        return c;
    }
}
