package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldStore;
import java.util.BitSet;

/** Wireshark's "data" protocol: payload no dissector took, as its bytes and their length. */
final class DataLayer {
    private DataLayer() {
    }

    static void add(F f, BitSet w, FieldStore s, int off, int len) {
        int occ = s.add(f.DATA, 1, -1, 0, off, len, 0, null);
        if (w.get(f.DATA_DATA)) {
            s.add(f.DATA_DATA, 1, occ, 0, off, len, 0, null);
        }
        if (w.get(f.DATA_LEN)) {
            s.add(f.DATA_LEN, 1, occ, 0, off, 0, len, null);
        }
    }
}
