package dev.dfq.fields.mail;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;

/**
 * TLS record layer after an accepted STARTTLS (RFC 3207), not decrypted: the record headers only,
 * as tshark shows them without keys.
 *
 * <pre>
 *   TLSPlaintext = ContentType type (1) | ProtocolVersion version (2) | uint16 length | fragment
 *   (RFC 8446 5.1; after a TLS 1.3 ServerHello, type 23 records are shown as opaque_type)
 * </pre>
 *
 * <p>A record that continues in a later segment is held back and shown, whole, in the frame that
 * completes it (TCP reassembly), so earlier frames carry no record fields.
 */
public final class TlsRecordDissector {
    /** Per direction: the start of a record still waiting for bytes. Bounded by one record (18 KiB + 5). */
    public static final class Direction {
        byte[] pending = new byte[0];
        boolean tls13;
        boolean seenRecord;
        /** The connection's TLS stream index (tls.stream), shared by both directions; -1 until TLS is seen. */
        int stream = -1;
    }

    private static final int MAX_RECORD = 5 + (1 << 14) + 2048;

    private final int tls;
    private final int contentType;
    private final int opaqueType;
    private final int version;
    private final int length;
    private final int streamField;
    private final int segmentData;
    /** TLS conversations numbered so far, in the order their first TLS bytes came (tls.stream). */
    private int streams;

    public TlsRecordDissector(FieldRegistry r) {
        tls = id(r, "tls");
        contentType = id(r, "tls.record.content_type");
        opaqueType = id(r, "tls.record.opaque_type");
        version = id(r, "tls.record.version");
        length = id(r, "tls.record.length");
        streamField = id(r, "tls.stream");
        segmentData = id(r, "tls.segment.data");
    }

    private static int id(FieldRegistry r, String n) {
        return r.byName(n).map(FieldDef::id).orElse(-1);
    }

    /**
     * Dissects one in-order payload of a TLS direction. {@code peer} is the other direction (a TLS
     * 1.3 ServerHello switches both). Returns false, adding nothing, when no record has been seen
     * on the connection and the bytes are not one: the caller hands them to the application
     * protocol instead.
     */
    /** Whether the last segment's bytes went into a reassembly (joined to earlier ones, or kept for later). */
    private boolean reassembly;

    public boolean reassembly() {
        return reassembly;
    }

    public boolean dissect(MailContext ctx, Direction dir, Direction peer, int src, int off, int len) {
        reassembly = false;
        FieldStore st = ctx.store();
        if (dir.stream < 0) {
            // Wireshark numbers the TLS session when its dissector first runs on the connection
            dir.stream = peer.stream >= 0 ? peer.stream : streams++;
            peer.stream = dir.stream;
        }
        if (!dir.seenRecord && !peer.seenRecord && dir.pending.length == 0 && len > 0) {
            int t = st.sourceData(src)[off] & 0xff;
            if (t < 20 || t > 24) {
                // No handshake yet and not a record: tshark gives it back to the application
                // protocol (a STARTTLS that was accepted but never started).
                return false;
            }
        }
        byte[] frame = st.sourceData(src);
        reassembly = dir.pending.length > 0;
        byte[] d;
        int s;
        int end;
        int dsrc = src;
        if (dir.pending.length > 0) {
            d = new byte[dir.pending.length + len];
            System.arraycopy(dir.pending, 0, d, 0, dir.pending.length);
            System.arraycopy(frame, off, d, dir.pending.length, len);
            dsrc = st.addSource("Reassembled TCP (" + d.length + " bytes)", d, d.length);
            s = 0;
            end = d.length;
        } else {
            d = frame;
            s = off;
            end = off + len;
        }
        dir.pending = new byte[0];
        int top = -1;
        while (s < end) {
            int type = d[s] & 0xff;
            if (type < 20 || type > 24) {
                return true;
            }
            if (end - s < 5) {
                reassembly = true;
                dir.pending = java.util.Arrays.copyOfRange(d, s, end);
                waiting(ctx, dir, top, dsrc, s, end);
                return true;
            }
            int ver = ((d[s + 1] & 0xff) << 8) | (d[s + 2] & 0xff);
            int rlen = ((d[s + 3] & 0xff) << 8) | (d[s + 4] & 0xff);
            if (end - s < 5 + rlen) {
                reassembly = true;
                if (5 + rlen <= MAX_RECORD) {
                    dir.pending = java.util.Arrays.copyOfRange(d, s, end);
                }
                waiting(ctx, dir, top, dsrc, s, end);
                return true;
            }
            dir.seenRecord = true;
            if (top < 0) {
                int layer = ctx.enter(MailContext.P_TLS, "tls");
                top = Emit.raw(st, tls, layer, -1, dsrc, s, end - s);
                Emit.uint(st, streamField, layer, top, dsrc, s, 0, dir.stream);
                ctx.setProtocolColumn("TLS");
            }
            int layer = 1;
            if (type == 23 && dir.tls13) {
                Emit.uint(st, opaqueType, layer, top, dsrc, s, 1, type);
            } else {
                Emit.uint(st, contentType, layer, top, dsrc, s, 1, type);
            }
            Emit.uint(st, version, layer, top, dsrc, s + 1, 2, ver);
            Emit.uint(st, length, layer, top, dsrc, s + 3, 2, rlen);
            if (type == 22 && rlen >= 4 && (d[s + 5] & 0xff) == 2 && serverHelloIs13(d, s + 5, s + 5 + rlen)) {
                dir.tls13 = true;
                peer.tls13 = true;
            }
            s += 5 + rlen;
        }
        return true;
    }

    /**
     * A frame whose only bytes start a record that needs more data: in its first pass tshark 4.6.9
     * keeps a "tls" item (so {@code tls} matches), with the stream index and the segment's bytes, but leaves it out of frame.protocols, shows
     * Protocol "SSL" and an empty Info; with -2 there is nothing.
     */
    private void waiting(MailContext ctx, Direction dir, int top, int src, int s, int end) {
        if (top >= 0 || !ctx.firstPass() || tls < 0) {
            return;
        }
        int item = ctx.store().add(tls, 1, -1, src, s, end - s, 0, null);
        // under it, the stream index and the bytes so far as "TLS segment data"
        Emit.uint(ctx.store(), streamField, 1, item, src, s, 0, dir.stream);
        Emit.raw(ctx.store(), segmentData, 1, item, src, s, end - s);
        ctx.setProtocolColumn("SSL");
        ctx.clearInfo();
    }

    /** ServerHello (RFC 8446 4.1.3) with supported_versions selecting 0x0304. */
    private static boolean serverHelloIs13(byte[] d, int hs, int end) {
        int p = hs + 4 + 2 + 32;
        if (p >= end) {
            return false;
        }
        p += 1 + (d[p] & 0xff);
        p += 2 + 1;
        if (p + 2 > end) {
            return false;
        }
        int extEnd = Math.min(end, p + 2 + (((d[p] & 0xff) << 8) | (d[p + 1] & 0xff)));
        p += 2;
        while (p + 4 <= extEnd) {
            int et = ((d[p] & 0xff) << 8) | (d[p + 1] & 0xff);
            int el = ((d[p + 2] & 0xff) << 8) | (d[p + 3] & 0xff);
            if (et == 43 && el == 2 && p + 6 <= extEnd) {
                return d[p + 4] == 3 && d[p + 5] == 4;
            }
            p += 4 + el;
        }
        return false;
    }
}
