package dev.dfq.fields.dissect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * TCP conversations: a stream keeps its index after RST or FIN until a SYN reuses its ports (as in
 * tshark), and closed conversations are dropped once idle for 2 MSL, so memory follows the streams
 * open or recently closed rather than the length of the capture.
 */
class TcpConversationsTest {
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;
    private static final int FIN = 0x01;
    private static final int RST = 0x04;
    private static final long SECOND = 1_000_000_000L;

    private final FieldRegistry registry = FieldRegistry.wireshark();
    private final int stream = registry.byName("tcp.stream").orElseThrow().id();
    private final PacketDissector dissector = new PacketDissector(registry, new int[] {stream});
    private final FieldStore store = new FieldStore(registry);
    private final FrameInfo info = new FrameInfo();
    private int number;

    /** An Ethernet/IPv4/TCP frame (checksums zero: not verified by default). */
    private static byte[] frame(int srcHost, int sport, int dstHost, int dport, long seq, long ack, int flags) {
        ByteBuffer b = ByteBuffer.allocate(54);
        b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) 40).putShort((short) 1).putShort((short) 0)
                .put((byte) 64).put((byte) 6).putShort((short) 0).putInt(0x0a000000 | srcHost).putInt(0x0a000000 | dstHost);
        b.putShort((short) sport).putShort((short) dport).putInt((int) seq).putInt((int) ack)
                .put((byte) 0x50).put((byte) flags).putShort((short) 65535).putShort((short) 0).putShort((short) 0);
        return b.array();
    }

    private long streamOf(long time, int srcHost, int sport, int dstHost, int dport, long seq, long ack, int flags) {
        byte[] f = frame(srcHost, sport, dstHost, dport, seq, ack, flags);
        dissector.dissect(info.set(++number, time, f, 0, f.length, f.length, 1, -1), store);
        return store.num(store.first(stream));
    }

    /** Handshake, then FIN both ways and the last ACK, at time t (seconds). */
    private long openAndClose(long t, int client, int port) {
        long s = streamOf(t * SECOND, client, port, 1, 25, 100, 0, SYN);
        streamOf(t * SECOND, 1, 25, client, port, 500, 101, SYN | ACK);
        streamOf(t * SECOND, client, port, 1, 25, 101, 501, ACK);
        streamOf(t * SECOND, client, port, 1, 25, 101, 501, FIN | ACK);
        streamOf(t * SECOND, 1, 25, client, port, 501, 102, FIN | ACK);
        streamOf(t * SECOND, client, port, 1, 25, 102, 502, ACK);
        return s;
    }

    @Test
    void segmentsAfterRstKeepTheStream_aSynStartsANewOne() {
        long s0 = streamOf(0, 2, 40000, 1, 80, 100, 0, SYN);
        streamOf(0, 1, 80, 2, 40000, 500, 101, SYN | ACK);
        assertThat(streamOf(1, 1, 80, 2, 40000, 501, 0, RST)).isEqualTo(s0);
        assertThat(streamOf(2, 2, 40000, 1, 80, 101, 501, ACK)).isEqualTo(s0);
        long s1 = streamOf(3, 2, 40000, 1, 80, 9000, 0, SYN);
        assertThat(s1).isEqualTo(s0 + 1);
    }

    @Test
    void lateSegmentWithinTwoMslFindsItsStream_afterwardsTheStateIsGone() {
        long s = openAndClose(0, 2, 40001);
        assertThat(streamOf(200 * SECOND, 2, 40001, 1, 25, 102, 502, ACK)).isEqualTo(s);
        // idle for more than 240 s after its last segment: dropped (tshark would still say s)
        openAndClose(500, 3, 40002); // any later segment triggers the sweep
        assertThat(streamOf(501 * SECOND, 2, 40001, 1, 25, 102, 502, ACK)).isNotEqualTo(s);
    }

    @Test
    void closedConversationsDoNotAccumulate() {
        for (int i = 0; i < 5000; i++) {
            openAndClose(i, 2 + i % 200, 1024 + i);
        }
        // one stream closes per second, kept for 240 s after its last segment
        assertThat(dissector.conversationCount()).isBetween(240, 245);
    }

    @Test
    void tableAgreesWithAMapUnderRandomUse() {
        ConversationTable<Integer> t = new ConversationTable<>();
        Map<String, Integer> ref = new HashMap<>();
        Random r = new Random(1);
        for (int i = 0; i < 200_000; i++) {
            byte[] a = {10, 0, 0, (byte) r.nextInt(8)};
            byte[] b = {10, 0, 0, (byte) r.nextInt(8)};
            int pa = r.nextInt(16);
            int pb = r.nextInt(16);
            String key = ConversationTable.forward(a, pa, b, pb)
                    ? a[3] + ":" + pa + "-" + b[3] + ":" + pb : b[3] + ":" + pb + "-" + a[3] + ":" + pa;
            switch (r.nextInt(3)) {
                case 0 -> {
                    Integer v = i; // one object: remove() compares by identity
                    t.put(a, pa, b, pb, v);
                    ref.put(key, v);
                }
                case 1 -> {
                    Integer v = ref.get(key);
                    t.remove(b, pb, a, pa, v); // either direction removes it
                    ref.remove(key);
                }
                default -> assertThat(t.get(b, pb, a, pa)).isEqualTo(ref.get(key));
            }
        }
        assertThat(t.size()).isEqualTo(ref.size());
    }
}
