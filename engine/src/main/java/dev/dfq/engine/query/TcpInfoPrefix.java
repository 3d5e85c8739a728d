package dev.dfq.engine.query;

import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;

/**
 * The bracketed tcp.analysis notes tshark puts in front of a TCP segment's Info (also in front of
 * the text of the protocol it carries). Wireshark prepends each note as it checks the flags, so the
 * last one checked comes first: the table below is in that reversed order.
 */
final class TcpInfoPrefix {
    private static final String[][] NOTES = {
        {"tcp.analysis.zero_window_probe_ack", "[TCP ZeroWindowProbeAck] "},
        {"tcp.analysis.zero_window", "[TCP ZeroWindow] "},
        {"tcp.analysis.zero_window_probe", "[TCP ZeroWindowProbe] "},
        {"tcp.analysis.duplicate_ack", null},
        {"tcp.analysis.keep_alive_ack", "[TCP Keep-Alive ACK] "},
        {"tcp.analysis.keep_alive", "[TCP Keep-Alive] "},
        {"tcp.analysis.window_full", "[TCP Window Full] "},
        {"tcp.analysis.window_update", "[TCP Window Update] "},
        {"tcp.analysis.ack_lost_segment", "[TCP ACKed unseen segment] "},
        {"tcp.analysis.lost_segment", "[TCP Previous segment not captured] "},
        {"tcp.analysis.out_of_order", "[TCP Out-Of-Order] "},
        {"tcp.analysis.spurious_retransmission", "[TCP Spurious Retransmission] "},
        {"tcp.analysis.fast_retransmission", "[TCP Fast Retransmission] "},
        {"tcp.analysis.retransmission", "[TCP Retransmission] "},
        {"tcp.analysis.reused_ports", "[TCP Port numbers reused] "},
    };

    private final int[] ids = new int[NOTES.length];
    private final int fast;
    private final int spurious;
    private final int retransmission;
    private final int dupAck;
    private final int dupNum;
    private final int dupFrame;
    private final int flags;

    TcpInfoPrefix(FieldRegistry r) {
        for (int i = 0; i < NOTES.length; i++) {
            ids[i] = Columns.id(r, NOTES[i][0]);
        }
        fast = Columns.id(r, "tcp.analysis.fast_retransmission");
        spurious = Columns.id(r, "tcp.analysis.spurious_retransmission");
        retransmission = Columns.id(r, "tcp.analysis.retransmission");
        dupAck = Columns.id(r, "tcp.analysis.duplicate_ack");
        dupNum = Columns.id(r, "tcp.analysis.duplicate_ack_num");
        dupFrame = Columns.id(r, "tcp.analysis.duplicate_ack_frame");
        flags = Columns.id(r, "tcp.analysis.flags");
    }

    /** The fields the notes read. */
    int[] fields() {
        int[] all = java.util.Arrays.copyOf(ids, ids.length + 3);
        all[ids.length] = dupNum;
        all[ids.length + 1] = dupFrame;
        all[ids.length + 2] = flags;
        return all;
    }

    void append(FieldStore s, StringBuilder sb) {
        if (!s.has(flags)) {
            return;
        }
        for (int i = 0; i < NOTES.length; i++) {
            int id = ids[i];
            // fast and spurious retransmissions also carry the retransmission item, but only their own note
            if (!s.has(id) || id == retransmission && (s.has(fast) || s.has(spurious))) {
                continue;
            }
            if (id == dupAck) {
                sb.append("[TCP Dup ACK ").append(s.num(s.first(dupFrame))).append('#').append(s.num(s.first(dupNum)))
                        .append("] ");
            } else {
                sb.append(NOTES[i][1]);
            }
        }
    }
}
