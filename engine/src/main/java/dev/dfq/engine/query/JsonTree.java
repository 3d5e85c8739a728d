package dev.dfq.engine.query;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import dev.dfq.fields.FieldType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
    /**
     * Protocols whose full tree dfq writes as tshark does (checked by the json goldens), and the
     * expert info objects inside them.
     */
    static final Set<String> SUPPORTED = Set.of("frame", "null", "sll", "ip", "eth", "vlan", "ieee8021ad", "arp", "udp", "data", "ipv6",
            "tcp", "tcp.segments", "icmp", "icmpv6", "smtp", "data-text-lines", "imf", "mime_multipart", "media",
            "_ws.expert");

    private final FieldRegistry registry;
    /** Name -> true when it opens everything below it (-J), false when only itself (-j). */
    private final Map<String, Boolean> filter;
    /** No -J or -j: tshark's plain -T json, every item open. */
    private final boolean everything;

    JsonTree(FieldRegistry registry, Map<String, Boolean> filter, boolean noDuplicateKeys) {
        this.registry = registry;
        this.filter = Map.copyOf(filter);
        this.everything = filter.isEmpty();
        this.noDuplicateKeys = noDuplicateKeys;
    }

    /**
     * tshark's --no-duplicate-keys: the items of one object with the same name become one member
     * whose value is an array (of values, of subtrees), at the place of the first.
     */
    private final boolean noDuplicateKeys;

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
        for (List<Integer> group : groups(s, -1)) {
            FieldDef def = registry.byId(s.fieldId(group.get(0)));
            json.name(def.abbrev());
            many(json, group.size(), true);
            for (int occ : group) {
                if (childCount[occ] == 0) {
                    // an item with nothing under it is written as its label, filtered or not; a
                    // protocol's item added as a whole (as smtp's, imf's) is labelled with the protocol's name
                    json.value(def.name());
                } else {
                    subtree(json, s, occ, def, everything);
                }
            }
            many(json, group.size(), false);
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
        for (List<Integer> group : groups(s, parent)) {
            int first = group.get(0);
            if (s.fieldId(first) == FieldStore.TEXT) {
                json.name((String) s.ref(first));
                many(json, group.size(), true);
                for (int occ : group) {
                    text(json, s, occ, open);
                }
                many(json, group.size(), false);
                continue;
            }
            FieldDef def = registry.byId(s.fieldId(first));
            // a protocol inside a tree (as _ws.expert) is, like a layer, its items alone, without a value
            // as does an item without a value of its own (FT_NONE) that has items under it (tcp.analysis)
            boolean valued = def.type().kind() != FieldType.Kind.PROTOCOL
                    && !(def.type().kind() == FieldType.Kind.NONE && childCount[first] > 0);
            if (valued) {
                json.name(def.abbrev());
                many(json, group.size(), true);
                for (int occ : group) {
                    json.value(show(def, s, occ));
                }
                many(json, group.size(), false);
            } else if (childCount[first] == 0 && def.type().kind() == FieldType.Kind.PROTOCOL) {
                // a protocol with nothing under it (_ws.malformed) is written as its name, as at top level
                json.name(def.abbrev());
                many(json, group.size(), true);
                for (int ignored : group) {
                    json.value(def.name());
                }
                many(json, group.size(), false);
            }
            if (childCount[first] > 0) {
                json.name(valued ? def.abbrev() + "_tree" : def.abbrev());
                many(json, group.size(), true);
                for (int occ : group) {
                    subtree(json, s, occ, def, open);
                }
                many(json, group.size(), false);
            }
        }
    }

    /**
     * A text-only item is keyed by its label: the object of its items (opened only with the item
     * above it under -J: no -j name selects a text item), or "" when it has none.
     */
    private void text(JsonDumper json, FieldStore s, int occ, boolean open) {
        String label = (String) s.ref(occ);
        if (childCount[occ] == 0) {
            json.value("");
            return;
        }
        json.beginObject();
        if (open) {
            children(json, s, occ, true);
        } else {
            json.name("filtered").value(label);
        }
        json.endObject();
    }

    /** Opens or closes the array that holds a merged member's values; nothing for one value. */
    private static void many(JsonDumper json, int size, boolean open) {
        if (size > 1) {
            if (open) {
                json.beginArray();
            } else {
                json.endArray();
            }
        }
    }

    /**
     * The items under {@code parent} (-1: the top) in tree order, each alone or, with no duplicate
     * keys, by name (a text-only item's label).
     */
    private Collection<List<Integer>> groups(FieldStore s, int parent) {
        Map<Object, List<Integer>> byName = new LinkedHashMap<>();
        for (int occ = 0; occ < s.size(); occ++) {
            if (s.parent(occ) == parent) {
                // a text-only item's name is its label
                Object name = s.fieldId(occ) == FieldStore.TEXT ? s.ref(occ) : s.fieldId(occ);
                byName.computeIfAbsent(noDuplicateKeys ? name : occ, k -> new ArrayList<>(1)).add(occ);
            }
        }
        return byName.values();
    }

    /**
     * The first top-level item of the frame whose tree dfq does not write as tshark does (not in
     * {@link #SUPPORTED}, or with items dfq cannot write yet), or null: plain -T json writes every layer, so it
     * needs all of them.
     */
    String unsupportedLayer(FieldStore s) {
        for (int occ = 0; occ < s.size(); occ++) {
            if (s.parent(occ) < 0) {
                String abbrev = s.fieldId(occ) == FieldStore.TEXT ? (String) s.ref(occ) : registry.abbrevOf(s.fieldId(occ));
                if (!SUPPORTED.contains(abbrev) && !(abbrev.equals("tls") && waitingRecord(s, occ))) {
                    return abbrev;
                }
                String within = unsupportedWithin(s, occ, abbrev);
                if (within != null) {
                    return within;
                }
            }
        }
        return null;
    }

    /**
     * Items under a supported protocol whose json dfq does not write as tshark yet: a TCP header an
     * ICMP error quotes (tshark takes it apart, dfq does not).
     */
    private String unsupportedWithin(FieldStore s, int protocol, String abbrev) {
        if (!abbrev.equals("icmp") && !abbrev.equals("icmpv6")) {
            return null;
        }
        for (String name : List.of("ip.proto", "ipv6.nxt")) {
            int id = registry.byName(name).orElseThrow().id();
            for (int occ = s.first(id); occ >= 0; occ = s.next(occ)) {
                if (s.num(occ) == 6 && below(s, occ, protocol)) {
                    return "a TCP header quoted by an ICMP error";
                }
            }
        }
        return null;
    }

    /**
     * Whether the tls item {@code tls} only holds bytes of a record still waiting for more (its
     * stream index and segment data): that tree is tshark's, while a whole record's lacks the
     * handshake and alert items tshark shows below the record header.
     */
    private boolean waitingRecord(FieldStore s, int tls) {
        int stream = registry.byName("tls.stream").orElseThrow().id();
        int segment = registry.byName("tls.segment.data").orElseThrow().id();
        for (int occ = tls + 1; occ < s.size(); occ++) {
            if (s.parent(occ) == tls && s.fieldId(occ) != stream && s.fieldId(occ) != segment) {
                return false;
            }
        }
        return true;
    }

    private static boolean below(FieldStore s, int occ, int protocol) {
        for (int p = s.parent(occ); p >= 0; p = s.parent(p)) {
            if (p == protocol) {
                return true;
            }
        }
        return false;
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
            case NONE -> "";
            default -> FieldText.format(def, s, occ, false);
        };
    }
}
