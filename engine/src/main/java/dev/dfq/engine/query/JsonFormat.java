package dev.dfq.engine.query;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code -T json} and {@code -T ek} as tshark 4.6 writes them, one frame at a time.
 *
 * <p>json: one array of packets, each {@code {"_index": "packets-DATE", "_score": null, "_source":
 * {"layers": {...}}}} pretty-printed; ek: per packet an index line and a compact {@code
 * {"timestamp": "MILLIS", "layers": {...}}} line with dots in names turned into underscores. DATE
 * is the frame's day in local time, as tshark's localtime(). What "layers" holds is either the -e
 * fields ({@link #fields}) or the dissection tree ({@link #tree}).
 */
public final class JsonFormat {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    /** Writes the members of one frame's "layers" object. */
    private interface Layers {
        void write(JsonDumper json, FieldStore s);
    }

    private final boolean ek;
    private final Layers layers;
    private final ZoneId zone;
    private final Appendable out;
    private JsonDumper document;

    private JsonFormat(boolean ek, Layers layers, ZoneId zone, Appendable out) {
        this.ek = ek;
        this.layers = layers;
        this.zone = zone;
        this.out = out;
    }

    /**
     * {@code -T json|ek -e F ...}: each -e field present in the frame is a member (in -e order; a
     * field named twice only once, at its last place) whose value is an array of strings, one per
     * occurrence that -E occurrence selects, with the text of -T fields before its C escapes (JSON
     * escapes instead).
     *
     * @param ek true for -T ek, false for -T json
     * @param options the -E options (only occurrence matters here)
     * @param portNames -N t: protocol labels name TCP and UDP ports
     * @param zone the local time zone, for the index name's date
     */
    public static JsonFormat fields(boolean ek, List<FieldDef> defs, List<String> options, boolean portNames, ZoneId zone,
                                    Appendable out) {
        List<FieldDef> kept = lastOfEach(defs);
        FieldsFormat selection = new FieldsFormat(kept, options).portNames(portNames);
        return new JsonFormat(ek, (json, s) -> {
            for (FieldDef d : kept) {
                List<String> values = selection.values(d, s, false);
                if (values.isEmpty()) {
                    continue;
                }
                json.name(d.abbrev()).beginArray();
                for (String v : values) {
                    json.value(v);
                }
                json.endArray();
            }
        }, zone, out);
    }

    /**
     * {@code -T json -J "PROTO ..." -j "NAME ..."}: the dissection tree of the named protocols and
     * items (tshark's -J: with everything below, -j: only the item), the others as {@code
     * {"filtered": "NAME"}}, items of the same name merged with {@code noDuplicateKeys}; see {@link JsonTree}. Check the names with {@link #treeProblem} first.
     */
    public static JsonFormat tree(FieldRegistry registry, Set<String> withAll, Set<String> alone,
                                  boolean noDuplicateKeys, ZoneId zone, Appendable out) {
        Map<String, Boolean> filter = new HashMap<>();
        alone.forEach(n -> filter.put(n, false));
        withAll.forEach(n -> filter.put(n, true));
        JsonTree tree = new JsonTree(registry, filter, noDuplicateKeys);
        return new JsonFormat(false, tree::write, zone, out);
    }

    /**
     * For plain {@code -T json} (no -J, -j or -e), which writes every layer: the first layer of the
     * frame whose tree dfq does not write as tshark does, or null when it writes them all.
     */
    public static String unsupportedLayer(FieldRegistry registry, FieldStore s) {
        return new JsonTree(registry, Map.of(), false).unsupportedLayer(s);
    }

    /** The protocols whose trees dfq writes as tshark does, space-separated in name order. */
    public static String supportedTrees() {
        return String.join(" ", new TreeSet<>(JsonTree.SUPPORTED));
    }

    /** The names of a -J or -j argument (space-separated); none for null. */
    public static Set<String> names(String argument) {
        return argument == null || argument.isBlank() ? Set.of() : Set.of(argument.trim().split("\\s+"));
    }

    /**
     * Why {@code -T json|ek} without -e cannot be given as tshark would, or null if it can: dfq writes
     * the tree only for the protocols of {@link JsonTree#SUPPORTED}, named with -J, and only as json
     * (ek lays a tree's members out in the order of GLib hash tables).
     */
    public static String treeProblem(FieldRegistry registry, boolean ek, Set<String> withAll, Set<String> alone) {
        String supported = supportedTrees();
        if (ek) {
            return "\"-Tek\" needs the fields to print, with \"-e\" (the dissection tree is not supported in ek)";
        }
        if (withAll.isEmpty() && alone.isEmpty()) {
            return null; // every layer: whether dfq writes them all, only the frames can tell (unsupportedLayer)
        }
        Set<String> all = new TreeSet<>(withAll);
        all.addAll(alone);
        for (String n : all) {
            if (withAll.contains(n) && alone.contains(n)) {
                return "\"" + n + "\" is named by both -J and -j";
            }
            FieldDef def = registry.byName(n).orElse(null);
            FieldDef protocol = def == null ? null : registry.protocolOf(def);
            if (protocol == null || !JsonTree.SUPPORTED.contains(protocol.abbrev())) {
                return "\"" + n + "\": dfq does not write this tree as tshark does; it writes the trees of: " + supported;
            }
        }
        return null;
    }

    /** Opens the document (json's outer array; nothing for ek), once the capture has opened. */
    public void begin() {
        if (!ek) {
            document = new JsonDumper(out, true, false).beginArray();
        }
    }

    /** One matching frame; {@code timestampNanos} is its time since the epoch. */
    public void frame(long timestampNanos, FieldStore s) {
        long seconds = Math.floorDiv(timestampNanos, 1_000_000_000L);
        String index = "packets-" + DAY.format(Instant.ofEpochSecond(seconds).atZone(zone));
        if (ek) {
            new JsonDumper(out, false, false).beginObject().name("index").beginObject().name("_index").value(index)
                    .endObject().endObject().finish();
            long millis = Math.floorMod(timestampNanos, 1_000_000_000L) / 1_000_000;
            JsonDumper line = new JsonDumper(out, false, true).beginObject()
                    .name("timestamp").value(seconds + String.format(Locale.ROOT, "%03d", millis))
                    .name("layers").beginObject();
            layers.write(line, s);
            line.endObject().endObject().finish();
        } else {
            document.beginObject().name("_index").value(index).name("_score").literal("null")
                    .name("_source").beginObject().name("layers").beginObject();
            layers.write(document, s);
            document.endObject().endObject().endObject();
        }
    }

    /** Closes the document: after the last frame, and also when a damaged capture stops the reading. */
    public void end() {
        if (document != null) {
            document.endArray().finish();
            document = null;
        }
    }

    /** tshark keeps a field named twice with -e at its last place only. */
    private static List<FieldDef> lastOfEach(List<FieldDef> defs) {
        List<FieldDef> reversed = new ArrayList<>(defs);
        Collections.reverse(reversed);
        List<FieldDef> kept = new ArrayList<>(new LinkedHashSet<>(reversed));
        Collections.reverse(kept);
        return List.copyOf(kept);
    }
}
