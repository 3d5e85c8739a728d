package dev.dfq.fields;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The storage behind a {@link FieldRegistry}: ids to definitions and names to ids. The bundled
 * registry uses a compact columnar table that materializes {@link FieldDef}s on demand; registries
 * built with {@link FieldRegistry.Builder} use a plain list.
 */
interface RegistryTable {
    int size();

    FieldDef def(int id);

    /** Id of the first registered entry with this exact abbreviation, or -1. */
    int find(String abbrev);

    /** The id of an entry's protocol (its own id for a protocol). */
    default int parentId(int id) {
        return def(id).parentId();
    }

    /** The display name of an id, without materializing its definition when the table can. */
    default String displayName(int id) {
        return def(id).name();
    }

    /** The abbreviation of an id, without materializing its definition when the table can. */
    default String abbrev(int id) {
        return def(id).abbrev();
    }

    /**
     * All abbreviations as bytes: abbreviation {@code id} is {@code bytes[start[id], start[id + 1])}
     * (ASCII, as Wireshark requires of filter names).
     */
    record NameBlob(byte[] bytes, int[] start) {
        int length(int id) {
            return start[id + 1] - start[id];
        }
    }

    default NameBlob nameBlob() {
        int n = size();
        int[] start = new int[n + 1];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            start[i] = out.size();
            out.writeBytes(abbrev(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        start[n] = out.size();
        return new NameBlob(out.toByteArray(), start);
    }

    /** A plain in-memory table. */
    final class ListTable implements RegistryTable {
        private final List<FieldDef> defs;
        private final Map<String, Integer> ids;
        private volatile NameBlob blob;

        ListTable(List<FieldDef> defs) {
            this.defs = List.copyOf(defs);
            this.ids = new HashMap<>(defs.size() * 2);
            for (FieldDef d : defs) {
                ids.putIfAbsent(d.abbrev(), d.id());
            }
        }

        @Override
        public int size() {
            return defs.size();
        }

        @Override
        public FieldDef def(int id) {
            return defs.get(id);
        }

        @Override
        public int find(String abbrev) {
            Integer id = ids.get(abbrev);
            return id == null ? -1 : id;
        }

        @Override
        public NameBlob nameBlob() {
            NameBlob b = blob;
            if (b == null) {
                b = RegistryTable.super.nameBlob();
                blob = b;
            }
            return b;
        }
    }
}
