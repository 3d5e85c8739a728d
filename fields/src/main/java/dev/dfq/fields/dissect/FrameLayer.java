package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldStore;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * The {@code frame} pseudo-protocol, its fields in Wireshark's tree order: number, lengths, times
 * (4.6: no time_delta on the first frame, no time_delta_displayed before a frame was shown), encapsulation, interface, and frame.protocols once the layers are known.
 */
final class FrameLayer {
    private final F f;
    private final BitSet w;
    private long firstTime = Long.MIN_VALUE;
    private long previousTime;

    FrameLayer(F f, BitSet wanted) {
        this.f = f;
        this.w = wanted;
    }

    int dissect(FrameInfo info, FieldStore s) {
        int frame = s.add(f.FRAME, 1, -1, 0, 0, info.caplen, 0, null);
        boolean first = firstTime == Long.MIN_VALUE;
        if (first) {
            firstTime = info.timeNanos;
        }
        if (info.interfaceId >= 0) {
            add(s, f.FRAME_INTERFACE_ID, frame, info.interfaceId);
        }
        add(s, f.FRAME_ENCAP_TYPE, frame, Encapsulations.wtapEncap(info.linkType));
        add(s, f.FRAME_TIME, frame, info.timeNanos);
        add(s, f.FRAME_TIME_UTC, frame, info.timeNanos);
        add(s, f.FRAME_TIME_EPOCH, frame, info.timeNanos);
        add(s, f.FRAME_OFFSET_SHIFT, frame, 0);
        // in tree order (the json output shows it): the deltas follow the offset shift
        if (!first) {
            add(s, f.FRAME_TIME_DELTA, frame, info.timeNanos - previousTime);
        }
        previousTime = info.timeNanos;
        if (info.previousDisplayedNanos != Long.MIN_VALUE) {
            add(s, f.FRAME_TIME_DELTA_DISPLAYED, frame, info.timeNanos - info.previousDisplayedNanos);
        }
        add(s, f.FRAME_TIME_RELATIVE, frame, info.timeNanos - firstTime);
        add(s, f.FRAME_NUMBER, frame, info.number);
        add(s, f.FRAME_LEN, frame, info.originalLength);
        add(s, f.FRAME_CAP_LEN, frame, info.caplen);
        add(s, f.FRAME_MARKED, frame, 0);
        add(s, f.FRAME_IGNORED, frame, 0);
        return frame;
    }

    void finish(FrameInfo info, FieldStore s, int frame, PacketDissector.Layers layers) {
        if (w.get(f.FRAME_PROTOCOLS)) {
            s.add(f.FRAME_PROTOCOLS, 1, frame, 0, 0, 0, 0, layers.names.toString().getBytes(StandardCharsets.US_ASCII));
        }
        add(s, f.FRAME_ENCODING, frame, 0);
    }

    private void add(FieldStore s, int id, int parent, long value) {
        if (w.get(id)) {
            s.add(id, 1, parent, 0, 0, 0, value, null);
        }
    }
}
