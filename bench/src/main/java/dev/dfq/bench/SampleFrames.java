package dev.dfq.bench;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;

/** Hand-built field stores for the benchmarks: the fields a TCP/IPv4 segment produces. */
final class SampleFrames {
    private SampleFrames() {
    }

    static void tcpSegment(FieldRegistry registry, FieldStore store, int serverPort, int payloadLength) {
        byte[] frame = new byte[54 + payloadLength];
        store.reset(1);
        store.addSource("Frame", frame, frame.length);
        int ip = add(registry, store, "ip", 1, -1, 14, 20, 0);
        add(registry, store, "ip.src", 1, ip, 26, 4, 0x0a0c1365L);
        add(registry, store, "ip.addr", 1, ip, 26, 4, 0x0a0c1365L);
        add(registry, store, "ip.dst", 1, ip, 30, 4, 0xadc2421bL);
        add(registry, store, "ip.addr", 1, ip, 30, 4, 0xadc2421bL);
        int tcp = add(registry, store, "tcp", 1, -1, 34, 20, 0);
        add(registry, store, "tcp.srcport", 1, tcp, 34, 2, 46560);
        add(registry, store, "tcp.dstport", 1, tcp, 36, 2, serverPort);
        add(registry, store, "tcp.port", 1, tcp, 34, 2, 46560);
        add(registry, store, "tcp.port", 1, tcp, 36, 2, serverPort);
        add(registry, store, "tcp.len", 1, tcp, 34, 0, payloadLength);
        add(registry, store, "tcp.flags", 1, tcp, 46, 2, 0x018);
        add(registry, store, "tcp.flags.syn", 1, tcp, 46, 2, 0);
        add(registry, store, "tcp.flags.ack", 1, tcp, 46, 2, 0x010);
    }

    private static int add(FieldRegistry registry, FieldStore store, String name, int layer, int parent,
                           int offset, int length, long value) {
        FieldDef def = registry.byName(name).orElseThrow(() -> new IllegalStateException("no field " + name));
        return store.add(def.id(), layer, parent, 0, offset, length, value, null);
    }
}
