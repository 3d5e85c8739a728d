package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldStore;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Map;

/**
 * tcp.completeness: which parts of a conversation were seen (1 SYN, 2 SYN-ACK, 4 ACK, 8 data,
 * 16 FIN, 32 RST). In one pass a segment shows what its conversation had before it, as tshark's
 * first pass does; with {@code -2} every segment shows the conversation's final value, which the
 * first pass records by stream. The same goes for the conversation's initial RTT (tcp.analysis.initial_rtt),
 * which the second pass shows on every segment with an analysis tree, even those before the handshake
 * completed.
 */
final class TcpCompleteness {
    private static final int SYN = 1;
    private static final int SYN_ACK = 2;
    private static final int ACK = 4;
    private static final int DATA = 8;
    private static final int FIN = 16;
    private static final int RST = 32;

    private final F f;
    private final BitSet w;
    /** Final values by stream (two passes: completeness bits, initial RTT), or null (one pass). */
    private final Map<Integer, long[]> finals;
    private final boolean secondPass;
    private final Map<Integer, Object> directions;

    /** In the first pass of -2, keeps a new stream's directions; in the second, returns the first pass's (or null). */
    Object directions(int stream, Object fresh) {
        if (directions == null) {
            return null;
        }
        if (!secondPass) {
            directions.put(stream, fresh);
            return null;
        }
        return directions.get(stream);
    }

    /**
     * @param finals null for one pass; else the map both passes share
     * @param secondPass whether this is the second of two passes (reads {@code finals}, else fills it)
     */
    TcpCompleteness(F f, BitSet wanted, Map<Integer, long[]> finals, boolean secondPass) {
        this(f, wanted, finals, secondPass, null);
    }

    /**
     * @param directions with -2, each stream's directions as the first pass left them: in the second
     *     pass Wireshark's contiguity counts already include every range the first pass saw
     */
    TcpCompleteness(F f, BitSet wanted, Map<Integer, long[]> finals, boolean secondPass, Map<Integer, Object> directions) {
        this.directions = directions;
        this.f = f;
        this.w = wanted;
        this.finals = finals;
        this.secondPass = secondPass;
        boolean any = false;
        for (int id : fields(f)) {
            any |= wanted.get(id);
        }
        this.shown = any;
        this.items = new int[] {f.TCP_COMPLETENESS_RST, f.TCP_COMPLETENESS_FIN, f.TCP_COMPLETENESS_DATA,
            f.TCP_COMPLETENESS_ACK, f.TCP_COMPLETENESS_SYN_ACK, f.TCP_COMPLETENESS_SYN};
    }

    /** Whether any tcp.completeness field is read: if not, {@link #show} is skipped (it runs per segment). */
    private final boolean shown;
    private final int[] items;

    static int[] fields(F f) {
        return new int[] {f.TCP_COMPLETENESS, f.TCP_COMPLETENESS_SYN, f.TCP_COMPLETENESS_SYN_ACK, f.TCP_COMPLETENESS_ACK,
            f.TCP_COMPLETENESS_DATA, f.TCP_COMPLETENESS_FIN, f.TCP_COMPLETENESS_RST, f.TCP_COMPLETENESS_STR};
    }

    /** The conversation's bits after a segment with TCP flags {@code flags} and {@code len} bytes of data. */
    static int update(int bits, int flags, int len) {
        boolean syn = (flags & 0x02) != 0;
        boolean ack = (flags & 0x10) != 0;
        if (syn) {
            bits |= ack ? SYN_ACK : SYN;
        } else if (ack && len == 0) {
            bits |= ACK; // a pure ACK only: data carrying the ACK flag does not count (samples/tcp/midstream)
        }
        if (len > 0) {
            bits |= DATA;
        }
        if ((flags & 0x01) != 0) {
            bits |= FIN;
        }
        if ((flags & 0x04) != 0) {
            bits |= RST;
        }
        return bits;
    }

    /** Remembers a stream's values so far (first of two passes). */
    void record(int stream, int bits, long firstRtt) {
        if (finals != null && !secondPass) {
            long[] v = finals.computeIfAbsent(stream, k -> new long[2]);
            v[0] = bits;
            v[1] = firstRtt;
        }
    }

    /** The initial RTT the second of two passes shows for a stream, else 0 (then the current one is shown). */
    long finalFirstRtt(int stream) {
        long[] v = secondPass ? finals.get(stream) : null;
        return v == null ? 0 : v[1];
    }

    /** Adds tcp.completeness and its items; {@code before} is the conversation's value before this segment. */
    void show(FieldStore s, int tcpOcc, int off, int stream, int before) {
        if (!shown) {
            return;
        }
        long[] v = secondPass ? finals.get(stream) : null;
        int bits = v == null ? before : (int) v[0];
        int c = w.get(f.TCP_COMPLETENESS) ? s.add(f.TCP_COMPLETENESS, 1, tcpOcc, 0, off, 0, bits, null) : -1;
        int p = c >= 0 ? c : tcpOcc;
        for (int i = 0; i < items.length; i++) {
            if (w.get(items[i])) {
                s.add(items[i], 1, p, 0, off, 0, bits & (RST >> i), null);
            }
        }
        if (w.get(f.TCP_COMPLETENESS_STR)) {
            s.add(f.TCP_COMPLETENESS_STR, 1, p, 0, off, 0, 0, text(bits).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** tcp.completeness.str: "R·DASS" (a middle dot for each part not seen), "[ Null ]" for none. */
    static String text(int bits) {
        if (bits == 0) {
            return "[ Null ]";
        }
        String letters = "RFDASS";
        StringBuilder sb = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            sb.append((bits & (RST >> i)) != 0 ? letters.charAt(i) : '\u00b7');
        }
        return sb.toString();
    }
}
