package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldStore;
import java.util.BitSet;

/** Wireshark's "data" protocol: payload no dissector took, as its bytes and their length. */
final class DataLayer {
    private DataLayer() {
    }

    /** A top-level data item over {@code len} bytes of data source {@code src} at {@code off}. */
    static void add(F f, BitSet w, FieldStore s, int src, int off, int len) {
        add(f, w, s, -1, src, off, len);
    }

    /** A data item under {@code parent} (-1: top level), as ICMP's echo data. */
    static void add(F f, BitSet w, FieldStore s, int parent, int src, int off, int len) {
        int occ = s.add(f.DATA, 1, parent, src, off, len, 0, null);
        if (w.get(f.DATA_DATA)) {
            s.add(f.DATA_DATA, 1, occ, src, off, len, 0, null);
        }
        if (w.get(f.DATA_LEN)) {
            s.add(f.DATA_LEN, 1, occ, src, off, 0, len, null);
        }
    }
}
