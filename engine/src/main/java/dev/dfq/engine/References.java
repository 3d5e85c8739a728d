package dev.dfq.engine;

import dev.dfq.fields.FieldStore;

/**
 * The values field references ({@code $f}, {@code ${f}}) read: a snapshot of some fields of the
 * selected frame ({@code tshark -2 --selected-frame=N}). Empty references make every relation
 * on a reference false, as in Wireshark when no frame is selected.
 */
public final class References {
    public static final References NONE = new References(null);

    private final FieldStore snapshot;

    private References(FieldStore snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * Captures the referenced fields of a frame. The store must not be reset afterwards: pass a
     * store dedicated to the selected frame.
     */
    public static References of(FieldStore selectedFrame) {
        return new References(selectedFrame);
    }

    /** The selected frame's store, or null. */
    public FieldStore store() {
        return snapshot;
    }
}
