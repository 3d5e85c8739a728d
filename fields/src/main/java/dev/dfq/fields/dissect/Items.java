package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldStore;
import java.util.BitSet;

/** Adding an item only when the query reads its field: the one rule every dissector follows. */
final class Items {
    private Items() {
    }

    /** Adds the occurrence if field {@code id} is wanted; returns it, or -1. */
    static int add(BitSet w, FieldStore s, int id, int layer, int parent, int src, int off, int len, long value) {
        return w.get(id) ? s.add(id, layer, parent, src, off, len, value, null) : -1;
    }

    /** The parent for a subtree's items: the subtree's item, or the enclosing one when that item was not added. */
    static int under(int item, int parent) {
        return item >= 0 ? item : parent;
    }
}
