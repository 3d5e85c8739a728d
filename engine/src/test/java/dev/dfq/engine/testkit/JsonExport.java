package dev.dfq.engine.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the PDML export lacks, read from tshark 4.6's {@code -T json -x --no-duplicate-keys} export
 * of the same capture: the frame bytes ({@code frame_raw}) and the data source of every item.
 *
 * <p>4.6 adds a sixth element to each {@code _raw} array: {@code [hex, offset, length, bitmask,
 * ftype, data_source_index]}; 0 is the frame, 1.. are extra sources ("Reassembled SMTP", ...).
 * The JSON export does not carry the extra sources' bytes or names, so their bytes are rebuilt by
 * overlaying every {@code _raw} hex string that lies in them (a protocol spanning the whole
 * reassembled tvb yields all of it); bytes no item covers stay 0, and the name is
 * {@code "Data source N"}.
 */
public final class JsonExport {
    /** One packet's raw material. */
    public static final class Packet {
        public byte[] frame = new byte[0];
        /** Extra data sources (index 1..), rebuilt from the _raw overlays; index 0 unused. */
        public final List<byte[]> sources = new ArrayList<>();
        /**
         * For items outside the frame: abbreviation + offset + length → data source indexes, in
         * document order (consumed as PDML items with the same key are met).
         */
        public final Map<String, ArrayDeque<Integer>> sourceOf = new HashMap<>();

        /** Source index of the next item with this name and range; 0 (the frame) when unknown. */
        public int takeSource(String abbrev, int offset, int length) {
            if (sourceOf.isEmpty()) {
                return 0;
            }
            ArrayDeque<Integer> q = sourceOf.get(abbrev + "@" + offset + "+" + length);
            if (q == null || q.isEmpty()) {
                return 0;
            }
            return q.poll();
        }
    }

    private JsonExport() {
    }

    public static List<Packet> read(InputStream in) {
        List<Packet> packets = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("JSON export: top level is not an array");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Packet pkt = new Packet();
                Map<Integer, TreeMap<Integer, byte[]>> overlays = new HashMap<>();
                walkObject(p, pkt, overlays);
                for (Map.Entry<Integer, TreeMap<Integer, byte[]>> e : overlays.entrySet()) {
                    int idx = e.getKey();
                    int len = 0;
                    for (Map.Entry<Integer, byte[]> o : e.getValue().entrySet()) {
                        len = Math.max(len, o.getKey() + o.getValue().length);
                    }
                    byte[] data = new byte[len];
                    for (Map.Entry<Integer, byte[]> o : e.getValue().entrySet()) {
                        System.arraycopy(o.getValue(), 0, data, o.getKey(), o.getValue().length);
                    }
                    while (pkt.sources.size() <= idx) {
                        pkt.sources.add(null);
                    }
                    pkt.sources.set(idx, data);
                }
                packets.add(pkt);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packets;
    }

    /** Walks the object the parser is at (START_OBJECT consumed), recording _raw arrays. */
    private static void walkObject(JsonParser p, Packet pkt, Map<Integer, TreeMap<Integer, byte[]>> overlays)
            throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (key.endsWith("_raw") && v == JsonToken.START_ARRAY) {
                String abbrev = key.substring(0, key.length() - 4);
                for (List<Object> raw : rawArrays(p)) {
                    record(abbrev, raw, pkt, overlays);
                }
            } else if (v == JsonToken.START_OBJECT) {
                walkObject(p, pkt, overlays);
            } else if (v == JsonToken.START_ARRAY) {
                walkArray(p, pkt, overlays);
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IllegalArgumentException("JSON export: unexpected " + t);
        }
    }

    private static void walkArray(JsonParser p, Packet pkt, Map<Integer, TreeMap<Integer, byte[]>> overlays)
            throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                walkObject(p, pkt, overlays);
            } else if (t == JsonToken.START_ARRAY) {
                walkArray(p, pkt, overlays);
            }
        }
    }

    /** Reads a _raw value: one [hex, off, len, mask, ftype, src] array or an array of them. */
    private static List<List<Object>> rawArrays(JsonParser p) throws IOException {
        List<List<Object>> out = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_ARRAY) {
                List<Object> one = new ArrayList<>();
                JsonToken u;
                while ((u = p.nextToken()) != JsonToken.END_ARRAY) {
                    one.add(u == JsonToken.VALUE_STRING ? p.getText() : (Object) p.getLongValue());
                }
                out.add(one);
            } else if (t == JsonToken.VALUE_STRING) {
                current.add(p.getText());
            } else if (t == JsonToken.VALUE_NUMBER_INT) {
                current.add(p.getLongValue());
            } else if (t == JsonToken.START_OBJECT) {
                p.skipChildren();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static void record(String abbrev, List<Object> raw, Packet pkt,
                               Map<Integer, TreeMap<Integer, byte[]>> overlays) {
        if (raw.size() < 3 || !(raw.get(0) instanceof String hex)) {
            return;
        }
        int offset = ((Number) raw.get(1)).intValue();
        int length = ((Number) raw.get(2)).intValue();
        int src = raw.size() >= 6 ? ((Number) raw.get(5)).intValue() : 0;
        if (abbrev.equals("frame")) {
            pkt.frame = HexFormat.of().parseHex(hex);
            return;
        }
        if (src == 0) {
            return;
        }
        pkt.sourceOf.computeIfAbsent(abbrev + "@" + offset + "+" + length, k -> new ArrayDeque<>()).add(src);
        long mask = raw.size() >= 4 ? ((Number) raw.get(3)).longValue() : 0;
        if (mask == 0 && hex.length() == 2 * length && offset >= 0) {
            overlays.computeIfAbsent(src, k -> new TreeMap<>()).merge(offset, HexFormat.of().parseHex(hex),
                    (a, b) -> a.length >= b.length ? a : b);
        }
    }
}
