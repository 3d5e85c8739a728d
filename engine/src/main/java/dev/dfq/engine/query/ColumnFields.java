package dev.dfq.engine.query;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Wireshark 4.6's column fields ({@code _ws.col.number}, {@code cls_time}, {@code def_src},
 * {@code def_dst}, {@code protocol}, {@code packet_length}, {@code info}): the default text columns as
 * string fields, so that filters and {@code -e} can read them. They are made from the columns' text
 * after the frame is dissected and only when a query reads one, since the columns need most of a
 * frame's fields.
 */
public final class ColumnFields {
    private static final String[] NAMES = {"_ws.col.number", "_ws.col.cls_time", "_ws.col.def_src", "_ws.col.def_dst",
        "_ws.col.protocol", "_ws.col.packet_length", "_ws.col.info"};

    /** Field ids by {@link Columns} index, then the protocol's ({@code _ws.col}). */
    private final int[] ids;

    private ColumnFields(int[] ids) {
        this.ids = ids;
    }

    /** The column fields, or null when none of {@code read} is one (then nothing is computed). */
    public static ColumnFields of(FieldRegistry registry, int[] read) {
        int[] ids = new int[NAMES.length + 1];
        for (int i = 0; i < NAMES.length; i++) {
            ids[i] = registry.byName(NAMES[i]).map(FieldDef::id).orElse(-1);
        }
        ids[NAMES.length] = registry.byName("_ws.col").map(FieldDef::id).orElse(-1);
        boolean any = Arrays.stream(read).anyMatch(id -> id >= 0 && Arrays.stream(ids).anyMatch(c -> c == id));
        return any ? new ColumnFields(ids) : null;
    }

    /** Adds the frame's column text, {@code cells} as {@link Columns#cells} made it. */
    public void add(FieldStore s, String[] cells) {
        int top = ids[NAMES.length] < 0 ? -1 : s.add(ids[NAMES.length], 1, -1, 0, 0, 0, 0, null);
        for (int i = 0; i < NAMES.length; i++) {
            if (ids[i] >= 0) {
                s.add(ids[i], 1, top, 0, 0, 0, 0, cells[i].getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
