package dev.dfq.engine.query;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import dev.dfq.fields.FieldType;
import java.util.Map;
import java.util.Set;

/**
 * The "layers" of {@code -T json -J "PROTO ..."} / {@code -j "NAME ..."}: each top-level item of the
 * frame's tree in order, as an object of its items in tree order (a value per item, an item with
 * items of its own followed by {@code NAME_tree}) when the filter lets it open, else as {@code
 * {"filtered": "NAME"}}. A name given with -J opens its item and everything below it; a name given
 * with -j opens only its own item, so the subtrees under it open only when named too.
 *
 * <p>The tree is the one the field store records, each occurrence with its parent. Only protocols
 * whose dfq tree is item for item Wireshark's may be named: {@link #SUPPORTED}. For the others dfq
 * lacks items that Wireshark shows (text-only items, expert info, subtrees such as ip.flags_tree,
 * resolved names), so their tree would not be tshark's.
 */
final class JsonTree {
    /** Protocols whose full tree dfq writes as tshark does (checked by the json goldens; ip without options or fragments). */
    static final Set<String> SUPPORTED = Set.of("frame", "null", "sll", "ip");

    private final FieldRegistry registry;
    /** Name -> true when it opens everything below it (-J), false when only itself (-j). */
    private final Map<String, Boolean> filter;

    JsonTree(FieldRegistry registry, Map<String, Boolean> filter) {
        this.registry = registry;
        this.filter = Map.copyOf(filter);
    }

    /** Per occurrence of the current frame: how many occurrences it is the parent of. */
    private int[] childCount = new int[256];

    void write(JsonDumper json, FieldStore s) {
        int n = s.size();
        if (childCount.length < n) {
            childCount = new int[Math.max(n, childCount.length * 2)];
        }
        java.util.Arrays.fill(childCount, 0, n, 0);
        for (int occ = 0; occ < n; occ++) {
            if (s.parent(occ) >= 0) {
                childCount[s.parent(occ)]++;
            }
        }
        for (int occ = 0; occ < n; occ++) {
            if (s.parent(occ) >= 0) {
                continue;
            }
            FieldDef def = registry.byId(s.fieldId(occ));
            if (childCount[occ] == 0) {
                // an item with nothing under it is written as its label, filtered or not; a
                // protocol's item added as a whole (as smtp's, imf's) is labelled with the protocol's name
                json.name(def.abbrev()).value(def.name());
                continue;
            }
            json.name(def.abbrev());
            subtree(json, s, occ, def, false);
        }
    }

    /** The object under an item: its items if the filter opens it, else {"filtered": NAME}. */
    private void subtree(JsonDumper json, FieldStore s, int occ, FieldDef def, boolean open) {
        json.beginObject();
        Boolean named = filter.get(def.abbrev());
        if (open || named != null) {
            children(json, s, occ, open || named);
        } else {
            json.name("filtered").value(def.abbrev());
        }
        json.endObject();
    }

    private void children(JsonDumper json, FieldStore s, int parent, boolean open) {
        for (int occ = 0; occ < s.size(); occ++) {
            if (s.parent(occ) != parent) {
                continue;
            }
            FieldDef def = registry.byId(s.fieldId(occ));
            json.name(def.abbrev()).value(show(def, s, occ));
            if (childCount[occ] > 0) {
                json.name(def.abbrev() + "_tree");
                subtree(json, s, occ, def, open);
            }
        }
    }

    /**
     * A value as the json tree shows it: booleans as 1/0, absolute times in UTC with a Z, byte
     * strings with colons between bytes (-T fields writes them without), else as -e.
     */
    static String show(FieldDef def, FieldStore s, int occ) {
        return switch (def.type().kind()) {
            case BOOLEAN -> s.num(occ) != 0 ? "1" : "0";
            case ABS_TIME -> FieldText.isoUtc(s.num(occ));
            case BYTES -> FieldText.hex(s.valueBytes(occ), true);
            default -> FieldText.format(def, s, occ, false);
        };
    }
}
