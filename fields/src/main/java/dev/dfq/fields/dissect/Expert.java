package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldStore;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * Expert info as Wireshark adds it to the tree: an {@code _ws.expert} item holding the expert
 * field, its message, severity and group. When the query does not read {@code _ws.expert}, only
 * the expert field is added, under the given parent.
 */
final class Expert {
    /** Wireshark's severities (PI_CHAT, PI_NOTE, PI_WARN, PI_ERROR). */
    static final int CHAT = 0x00200000;
    static final int NOTE = 0x00400000;
    static final int WARN = 0x00600000;
    static final int ERROR = 0x00800000;
    /** Wireshark's groups (PI_CHECKSUM, PI_SEQUENCE, PI_RESPONSE_CODE, PI_MALFORMED, PI_PROTOCOL, PI_DEPRECATED). */
    static final int CHECKSUM = 0x01000000;
    static final int SEQUENCE = 0x02000000;
    static final int RESPONSE_CODE = 0x03000000;
    static final int MALFORMED = 0x07000000;
    static final int PROTOCOL = 0x09000000;
    static final int DEPRECATED = 0x0e000000;

    private final F f;
    private final BitSet w;

    Expert(F f, BitSet wanted) {
        this.f = f;
        this.w = wanted;
    }

    /** Whether a query reads any of these fields or any expert item (then a subtree is worth building). */
    static boolean anyWanted(F f, BitSet w, int... ids) {
        if (w.get(f.EXPERT) || w.get(f.EXPERT_MESSAGE) || w.get(f.EXPERT_SEVERITY) || w.get(f.EXPERT_GROUP)) {
            return true;
        }
        for (int id : ids) {
            if (w.get(id)) {
                return true;
            }
        }
        return false;
    }

    /** A malformed-packet error: the expert item, then Wireshark's "Malformed Packet" item beside it. */
    void malformed(FieldStore s, int layer, int parent, int off, int len, int field, String message) {
        add(s, layer, parent, off, len, field, message, ERROR, MALFORMED);
        if (w.get(f.WS_MALFORMED) || w.get(f.EXPERT)) { // json trees read _ws.expert, and show this with it
            s.add(f.WS_MALFORMED, layer, parent, 0, off, len, 0, null);
        }
    }

    /** A bad checksum's expert item (2 bytes at {@code off}), naming the value it should have. */
    void badChecksum(FieldStore s, int layer, int parent, int off, int field, int shouldBe) {
        add(s, layer, parent, off, 2, field, String.format("Bad checksum [should be 0x%04x]", shouldBe), ERROR, CHECKSUM);
    }

    void add(FieldStore s, int layer, int parent, int off, int len, int field, String message, int severity, int group) {
        if (!w.get(f.EXPERT) && !w.get(f.EXPERT_MESSAGE) && !w.get(f.EXPERT_SEVERITY) && !w.get(f.EXPERT_GROUP)) {
            if (w.get(field)) {
                s.add(field, layer, parent, 0, off, len, 0, null);
            }
            return;
        }
        int expert = s.add(f.EXPERT, layer, parent, 0, off, len, 0, null);
        s.add(field, layer, expert, 0, off, len, 0, null);
        s.add(f.EXPERT_MESSAGE, layer, expert, 0, off, len, 0, message.getBytes(StandardCharsets.UTF_8));
        s.add(f.EXPERT_SEVERITY, layer, expert, 0, off, len, severity, null);
        s.add(f.EXPERT_GROUP, layer, expert, 0, off, len, group, null);
    }
}
