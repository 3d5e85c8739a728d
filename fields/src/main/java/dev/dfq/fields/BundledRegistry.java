package dev.dfq.fields;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Loads Wireshark 4.6.9's registry from the resources made by {@code scripts/gen-registry.py}:
 * {@code registry/fields.tsv.gz} (every protocol and field in registration order) and
 * {@code registry/values-NNN.tsv.gz} (deduplicated value-string tables, 64 per chunk, inflated on
 * first use so that start-up reads only the names).
 */
final class BundledRegistry {
    private static final String DIR = "registry/";
    private static final int CHUNK = 64;

    /**
     * Protocol names Wireshark 4.6.9 still accepts in filters as deprecated aliases of renamed
     * protocols (dftest prints {@code Deprecated token "bootp"}).
     */
    private static final Map<String, String> ALIASES = Map.of(
            "bootp", "dhcp",
            "ssl", "tls");

    private BundledRegistry() {
    }

    static FieldRegistry load() {
        byte[] blob;
        try (InputStream in = BundledRegistry.class.getResourceAsStream(DIR + "fields.tsv.gz")) {
            if (in == null) {
                throw new IOException("missing resource " + DIR + "fields.tsv.gz");
            }
            blob = new GZIPInputStream(in, 1 << 16).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled field registry", e);
        }
        BlobStorage storage = new BlobStorage(blob);
        ValueTables tables = new ValueTables();
        return new FieldRegistry(storage, ALIASES, def -> {
            int t = storage.tableOf(def.id());
            return t < 0 ? null : tables.table(t);
        });
    }

    /**
     * The registry kept as the resource's UTF-8 lines: one int per line and an open-addressing
     * name index, no String or record per field until one is asked for. Loading costs an inflate
     * and one scan, and the heap holds ~25 MB instead of ~270k objects graphs.
     */
    static final class BlobStorage implements FieldRegistry.Storage {
        private final byte[] blob;
        private final int[] lineStart;
        private final int[] index;
        private final int mask;
        private final FieldDef[] cache;

        BlobStorage(byte[] blob) {
            this.blob = blob;
            int lines = 0;
            for (byte b : blob) {
                if (b == '\n') {
                    lines++;
                }
            }
            lineStart = new int[lines + 1];
            int k = 0;
            lineStart[0] = 0;
            for (int i = 0; i < blob.length; i++) {
                if (blob[i] == '\n') {
                    lineStart[++k] = i + 1;
                }
            }
            int cap = Integer.highestOneBit(lines * 2) << 1;
            index = new int[cap];
            mask = cap - 1;
            cache = new FieldDef[lines];
            for (int id = 0; id < lines; id++) {
                int from = column(id, 1);
                int to = columnEnd(from);
                int slot = hash(blob, from, to) & mask;
                boolean seen = false;
                while (index[slot] != 0) {
                    int other = index[slot] - 1;
                    int of = column(other, 1);
                    if (equalRange(blob, of, columnEnd(of), blob, from, to)) {
                        seen = true; // first registration wins, as in Wireshark's lookup
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
                if (!seen) {
                    index[slot] = id + 1;
                }
            }
        }

        @Override
        public int size() {
            return cache.length;
        }

        @Override
        public int find(String abbrev) {
            byte[] key = abbrev.getBytes(StandardCharsets.UTF_8);
            int slot = hash(key, 0, key.length) & mask;
            while (index[slot] != 0) {
                int id = index[slot] - 1;
                int from = column(id, 1);
                if (equalRange(blob, from, columnEnd(from), key, 0, key.length)) {
                    return id;
                }
                slot = (slot + 1) & mask;
            }
            return -1;
        }

        @Override
        public FieldDef get(int id) {
            FieldDef d = cache[id];
            if (d == null) {
                d = parse(id);
                cache[id] = d; // benign race: FieldDef is immutable
            }
            return d;
        }

        /** The value-string table id of a field, or -1. */
        int tableOf(int id) {
            if (blob[lineStart[id]] == 'P') {
                return -1;
            }
            return Integer.parseInt(text(column(id, 7)));
        }

        private FieldDef parse(int id) {
            String abbrev = text(column(id, 1));
            String name = text(column(id, 2));
            if (blob[lineStart[id]] == 'P') {
                return new FieldDef(id, abbrev, name, FieldType.FT_PROTOCOL, "", 0, id);
            }
            FieldType type = FieldType.fromName(text(column(id, 3)));
            int parent = find(text(column(id, 4)));
            String base = text(column(id, 5));
            long bitmask = parseUnsigned(text(column(id, 6)));
            return new FieldDef(id, abbrev, name, type, base, bitmask, parent < 0 ? id : parent);
        }

        private int column(int line, int col) {
            int p = lineStart[line];
            for (int c = 0; c < col; c++) {
                while (blob[p] != '\t') {
                    p++;
                }
                p++;
            }
            return p;
        }

        private int columnEnd(int from) {
            int p = from;
            while (p < blob.length && blob[p] != '\t' && blob[p] != '\n') {
                p++;
            }
            return p;
        }

        private String text(int from) {
            return new String(blob, from, columnEnd(from) - from, StandardCharsets.UTF_8);
        }

        private static int hash(byte[] b, int from, int to) {
            int h = 0x811c9dc5;
            for (int i = from; i < to; i++) {
                h = (h ^ b[i]) * 0x01000193;
            }
            return h ^ (h >>> 16);
        }

        private static boolean equalRange(byte[] a, int af, int at, byte[] b, int bf, int bt) {
            return java.util.Arrays.equals(a, af, at, b, bf, bt);
        }
    }

    /** Value-string tables, read chunk by chunk on demand. */
    private static final class ValueTables {
        private final Map<Integer, Map<Integer, ValueStrings>> chunks = new ConcurrentHashMap<>();

        ValueStrings table(int id) {
            return chunks.computeIfAbsent(id / CHUNK, ValueTables::readChunk).get(id);
        }

        private static Map<Integer, ValueStrings> readChunk(int chunk) {
            Map<Integer, List<ValueStrings.Entry>> values = new HashMap<>();
            Map<Integer, List<ValueStrings.Range>> ranges = new HashMap<>();
            Map<Integer, ValueStrings.TrueFalse> tfs = new HashMap<>();
            try (BufferedReader r = open(DIR + String.format("values-%03d.tsv.gz", chunk))) {
                for (String line; (line = r.readLine()) != null; ) {
                    String[] p = split(line);
                    int id = Integer.parseInt(p[0]);
                    switch (p[1]) {
                        case "V" -> values.computeIfAbsent(id, k -> new ArrayList<>())
                                .add(new ValueStrings.Entry(parseSigned(p[2]), p[3]));
                        case "R" -> ranges.computeIfAbsent(id, k -> new ArrayList<>())
                                .add(new ValueStrings.Range(parseUnsigned(p[2]), parseUnsigned(p[3]), p[4]));
                        case "T" -> tfs.put(id, new ValueStrings.TrueFalse(p[2], p[3]));
                        default -> throw new IllegalStateException("bad value line " + line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read value strings chunk " + chunk, e);
            }
            Map<Integer, ValueStrings> result = new HashMap<>();
            java.util.Set<Integer> ids = new java.util.HashSet<>(values.keySet());
            ids.addAll(ranges.keySet());
            ids.addAll(tfs.keySet());
            for (int id : ids) {
                result.put(id, new ValueStrings(values.getOrDefault(id, List.of()),
                        ranges.getOrDefault(id, List.of()), tfs.get(id)));
            }
            return result;
        }
    }

    private static BufferedReader open(String resource) throws IOException {
        InputStream in = BundledRegistry.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing resource " + resource);
        }
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
    }

    /** Splits on tabs, keeping empty columns (String.split would drop trailing ones). */
    private static String[] split(String line) {
        int n = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\t') {
                n++;
            }
        }
        String[] out = new String[n];
        int start = 0;
        int k = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\t') {
                out[k++] = line.substring(start, i);
                start = i + 1;
            }
        }
        out[k] = line.substring(start);
        return out;
    }

    static long parseUnsigned(String s) {
        String t = s.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            return Long.parseUnsignedLong(t.substring(2), 16);
        }
        if (t.startsWith("-")) {
            return Long.parseLong(t);
        }
        return Long.parseUnsignedLong(t);
    }

    /** A value-string key: decimal, hex, or a character constant such as 'B' or '\x00' (FT_CHAR). */
    static long parseSigned(String s) {
        if (s.length() >= 3 && s.charAt(0) == '\'' && s.charAt(s.length() - 1) == '\'') {
            String body = s.substring(1, s.length() - 1);
            if (body.startsWith("\\x")) {
                return Long.parseLong(body.substring(2), 16);
            }
            if (body.length() > 1 && body.charAt(0) == '\\' && Character.isDigit(body.charAt(1))) {
                return Long.parseLong(body.substring(1), 8);
            }
            if (body.startsWith("\\") && body.length() == 2) {
                return switch (body.charAt(1)) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case '0' -> 0;
                    default -> body.charAt(1);
                };
            }
            return body.charAt(0);
        }
        return parseUnsigned(s);
    }
}
