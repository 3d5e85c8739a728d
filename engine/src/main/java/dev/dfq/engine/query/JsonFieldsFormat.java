package dev.dfq.engine.query;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldStore;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code -T json -e F ...} and {@code -T ek -e F ...} as tshark 4.6 writes them, one frame at a time.
 *
 * <p>json: one array of packets, each {@code {"_index": "packets-DATE", "_score": null, "_source":
 * {"layers": {...}}}} pretty-printed; ek: per packet an index line and a compact {@code
 * {"timestamp": "MILLIS", "layers": {...}}} line with dots in names turned into underscores. In
 * both, each -e field present in the frame is a member (in -e order; a field named twice only
 * once, at its last place) whose value is an array of strings, one per occurrence that -E occurrence selects, with
 * the text of -T fields before its C escapes (JSON escapes instead). DATE is the frame's day in
 * local time, as tshark's localtime().
 */
public final class JsonFieldsFormat {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final boolean ek;
    private final List<FieldDef> defs;
    private final FieldsFormat selection;
    private final ZoneId zone;
    private final Appendable out;
    private JsonDumper document;

    /**
     * @param ek true for -T ek, false for -T json
     * @param options the -E options (only occurrence matters here)
     * @param zone the local time zone, for the index name's date
     */
    public JsonFieldsFormat(boolean ek, List<FieldDef> defs, List<String> options, ZoneId zone, Appendable out) {
        this.ek = ek;
        this.defs = lastOfEach(defs);
        this.selection = new FieldsFormat(this.defs, options);
        this.zone = zone;
        this.out = out;
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
            layers(line, s);
            line.endObject().endObject().finish();
        } else {
            document.beginObject().name("_index").value(index).name("_score").literal("null")
                    .name("_source").beginObject().name("layers").beginObject();
            layers(document, s);
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

    private void layers(JsonDumper json, FieldStore s) {
        for (FieldDef d : defs) {
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
