package dev.dfq.fields;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * Turns tshark 4.6.9's registry dumps ({@code tshark -G fields} and {@code -G values}, gzipped) into
 * the bundled binary resources described in {@link RegistryFormat}.
 *
 * <p>Usage: {@code RegistryGenerator REFERENCE_DIR OUTPUT_DIR} (see scripts/gen-registry.sh).
 * Blurbs are not copied. {@code E} lines of the values dump (name, size and access method of an
 * extended value_string: how Wireshark searches the table) are not stored, but each starts a new
 * registration's table in the merged values of a name registered several times, which the generator
 * records as group boundaries; the values themselves are the {@code V} lines that follow. {@code U}
 * lines (unit strings, singular and plural, for BASE_UNIT_STRING fields) are kept.
 * A line of the values dump that does not start with a record tag continues the previous record's
 * last column (a string with a newline in it).
 */
public final class RegistryGenerator {
    private static final int CHUNK_TARGET = 128 * 1024;

    record Entry(boolean protocol, String name, String abbrev, String type, String base, long mask, int parent) {}

    private RegistryGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: RegistryGenerator REFERENCE_DIR OUTPUT_DIR PROBE_DIR");
            System.exit(2);
        }
        Path ref = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path probe = Path.of(args[2]);
        Files.createDirectories(out);
        List<Entry> entries = readFields(ref.resolve("tshark-4.6.9-G-fields.txt.gz"));
        entries = nameOnlyProtocols(entries, probe.resolve("name-only-protocols.txt"));
        long protocols = entries.stream().filter(Entry::protocol).count();
        System.out.printf("fields dump: %d entries, %d protocols, %d fields%n", entries.size(), protocols,
                entries.size() - protocols);
        byte[] fields = writeFields(entries);
        Files.write(out.resolve(RegistryFormat.FIELDS), fields);
        byte[] names = writeNames(entries);
        Files.write(out.resolve(RegistryFormat.NAMES), names);
        byte[] values = writeValues(entries, ref.resolve("tshark-4.6.9-G-values.txt.gz"),
                nameList(probe.resolve("same-name-value-fields.txt")),
                nameList(probe.resolve("text-only-value-fields.txt")));
        Files.write(out.resolve(RegistryFormat.VALUES), values);
        System.out.printf("wrote %s (%d bytes), %s (%d bytes), %s (%d bytes)%n", RegistryFormat.FIELDS, fields.length,
                RegistryFormat.NAMES, names.length, RegistryFormat.VALUES, values.length);
    }

    static BufferedReader gz(Path p) throws IOException {
        // ISO-8859-1 keeps every byte as one char; strings are written back as the same bytes.
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p), 1 << 16),
                StandardCharsets.ISO_8859_1), 1 << 16);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<Entry> readFields(Path p) throws IOException {
        List<Entry> entries = new ArrayList<>(280_000);
        Map<String, Integer> protocolIds = new HashMap<>();
        List<String[]> pending = new ArrayList<>();
        try (BufferedReader br = gz(p)) {
            String line;
            while ((line = br.readLine()) != null) {
                String[] c = line.split("\t", -1);
                if (c[0].equals("P") && c.length >= 3) {
                    int id = entries.size();
                    entries.add(new Entry(true, c[1], c[2], "FT_PROTOCOL", "", 0, id));
                    protocolIds.put(c[2], id); // a later protocol of the same name owns the fields that follow
                } else if (c[0].equals("F") && c.length >= 7) {
                    Integer parent = protocolIds.get(c[4]);
                    if (parent == null) {
                        throw new IllegalStateException("field before its protocol: " + line);
                    }
                    FieldType.fromName(c[3]); // validates
                    long mask = Long.parseUnsignedLong(c[6].startsWith("0x") ? c[6].substring(2) : c[6], 16);
                    entries.add(new Entry(false, c[1], c[2], c[3], c[5], mask, parent));
                } else {
                    throw new IllegalStateException("unexpected line in fields dump: " + line);
                }
            }
        }
        return entries;
    }

    /**
     * Protocols registered "in name only" are typed FT_BYTES for filters although {@code -G fields} lists
     * them as protocols (found with dftest46, see scripts/registry/README.md).
     */
    /** A list of names, one a line; blank lines and '#' comments ignored; empty when the file is missing. */
    static java.util.Set<String> nameList(Path list) throws IOException {
        java.util.Set<String> names = new java.util.HashSet<>();
        if (!Files.exists(list)) {
            System.out.println("(no " + list + ")");
            return names;
        }
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.trim());
            }
        }
        return names;
    }

    static List<Entry> nameOnlyProtocols(List<Entry> entries, Path list) throws IOException {
        java.util.Set<String> names = nameList(list);
        List<Entry> out = new ArrayList<>(entries.size());
        int changed = 0;
        for (Entry e : entries) {
            if (e.protocol() && names.contains(e.abbrev())) {
                e = new Entry(true, e.name(), e.abbrev(), "FT_BYTES", e.base(), e.mask(), e.parent());
                changed++;
            }
            out.add(e);
        }
        System.out.printf("name-only protocols (FT_BYTES): %d of %d listed%n", changed, names.size());
        return out;
    }

    static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    static void zigzag(ByteArrayOutputStream out, long v) {
        varint(out, (v << 1) ^ (v >> 63));
    }

    static void int32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    static void string(ByteArrayOutputStream out, String s) {
        byte[] b = bytes(s);
        varint(out, b.length);
        out.write(b, 0, b.length);
    }

    static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(raw);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3 + 64);
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            int n = d.deflate(buf);
            out.write(buf, 0, n);
        }
        d.end();
        return out.toByteArray();
    }

    /** A 4-byte raw length and the raw deflate data. */
    static byte[] packed(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int32(out, raw.length);
        out.writeBytes(deflate(raw));
        return out.toByteArray();
    }

    static void frontCoded(ByteArrayOutputStream out, List<byte[]> strings) {
        long total = 0;
        for (byte[] s : strings) {
            total += s.length;
        }
        varint(out, total);
        byte[] prev = new byte[0];
        for (byte[] s : strings) {
            int shared = 0;
            int max = Math.min(prev.length, s.length);
            while (shared < max && prev[shared] == s[shared]) {
                shared++;
            }
            varint(out, shared);
            varint(out, s.length - shared);
            out.write(s, shared, s.length - shared);
            prev = s;
        }
    }

    static byte[] writeFields(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 << 20);
        int32(out, RegistryFormat.FIELDS_MAGIC);
        varint(out, RegistryFormat.VERSION);
        int n = entries.size();
        varint(out, n);
        Map<String, Integer> types = new LinkedHashMap<>();
        Map<String, Integer> bases = new LinkedHashMap<>();
        for (Entry e : entries) {
            types.putIfAbsent(e.type(), types.size());
            bases.putIfAbsent(e.base(), bases.size());
        }
        if (types.size() > 255 || bases.size() > 255) {
            throw new IllegalStateException("too many types or bases");
        }
        varint(out, types.size());
        types.keySet().forEach(t -> string(out, t));
        for (Entry e : entries) {
            out.write(types.get(e.type()));
        }
        varint(out, bases.size());
        bases.keySet().forEach(b -> string(out, b));
        for (Entry e : entries) {
            out.write(bases.get(e.base()));
        }
        for (int i = 0; i < n; i++) {
            varint(out, i - entries.get(i).parent());
        }
        int masks = (int) entries.stream().filter(e -> e.mask() != 0).count();
        varint(out, masks);
        int prev = 0;
        for (int i = 0; i < n; i++) {
            long m = entries.get(i).mask();
            if (m != 0) {
                varint(out, i - prev);
                varint(out, m);
                prev = i;
            }
        }
        List<byte[]> abbrevs = new ArrayList<>(n);
        for (Entry e : entries) {
            byte[] b = bytes(e.abbrev());
            for (byte x : b) {
                if (x < 0x20) {
                    throw new IllegalStateException("abbreviation not printable ASCII: " + e.abbrev());
                }
            }
            abbrevs.add(b);
        }
        frontCoded(out, abbrevs);
        return packed(out.toByteArray());
    }

    static byte[] writeNames(List<Entry> entries) {
        int n = entries.size();
        int size = RegistryFormat.NAME_CHUNK;
        List<byte[]> chunks = new ArrayList<>();
        List<Integer> raws = new ArrayList<>();
        for (int from = 0; from < n; from += size) {
            int to = Math.min(n, from + size);
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            varint(chunk, to - from);
            byte[] prev = new byte[0];
            for (int i = from; i < to; i++) {
                byte[] b = bytes(entries.get(i).name());
                int shared = 0;
                int max = Math.min(prev.length, b.length);
                while (shared < max && prev[shared] == b[shared]) {
                    shared++;
                }
                varint(chunk, shared);
                varint(chunk, b.length - shared);
                chunk.write(b, shared, b.length - shared);
                prev = b;
            }
            raws.add(chunk.size());
            chunks.add(deflate(chunk.toByteArray()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 << 20);
        int32(out, RegistryFormat.NAMES_MAGIC);
        varint(out, RegistryFormat.VERSION);
        varint(out, n);
        varint(out, size);
        varint(out, chunks.size());
        for (int c = 0; c < chunks.size(); c++) {
            varint(out, chunks.get(c).length);
            varint(out, raws.get(c));
        }
        chunks.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** The records of one field, in dump order. */
    static final class Table {
        final List<long[]> values = new ArrayList<>();
        final List<String> valueText = new ArrayList<>();
        final List<long[]> ranges = new ArrayList<>();
        final List<String> rangeText = new ArrayList<>();
        final List<String[]> tfs = new ArrayList<>();
        final List<String[]> units = new ArrayList<>();
        /** Indexes of the values that start another registration's table (an E line starts one). */
        final List<Integer> groupStarts = new ArrayList<>();
        int extRemaining;
        boolean afterExt;

        void extended(int count) {
            if (!values.isEmpty()) {
                groupStarts.add(values.size());
            }
            extRemaining = count;
            afterExt = true;
        }

        void value(long v, String text) {
            if (extRemaining > 0) {
                extRemaining--;
            } else if (afterExt) {
                groupStarts.add(values.size());
                afterExt = false;
            }
            values.add(new long[] {v});
            valueText.add(text);
        }

        /**
         * Splits runs of values that repeat one table several times (several registrations of a name
         * with the same plain value_string: nr-rrc.milliSeconds) into one group per repetition.
         */
        void splitRepeats() {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            starts.addAll(groupStarts);
            List<Integer> out = new ArrayList<>();
            for (int g = 0; g < starts.size(); g++) {
                int from = starts.get(g);
                int to = g + 1 < starts.size() ? starts.get(g + 1) : values.size();
                if (g > 0) {
                    out.add(from);
                }
                int len = to - from;
                for (int period = 1; period <= len / 2; period++) {
                    if (len % period != 0 || !repeats(from, to, period)) {
                        continue;
                    }
                    for (int k = from + period; k < to; k += period) {
                        out.add(k);
                    }
                    break;
                }
            }
            groupStarts.clear();
            groupStarts.addAll(out);
        }

        private boolean repeats(int from, int to, int period) {
            for (int i = from + period; i < to; i++) {
                int j = from + (i - from) % period;
                if (values.get(i)[0] != values.get(j)[0] || !valueText.get(i).equals(valueText.get(j))) {
                    return false;
                }
            }
            return true;
        }

        /** Registrations this table visibly merges: value groups, the ranges, each true/false pair. */
        int groups() {
            return (values.isEmpty() ? 0 : 1 + groupStarts.size()) + (ranges.isEmpty() ? 0 : 1) + tfs.size();
        }

        byte[] encode() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            varint(out, values.size());
            long prev = 0;
            for (int i = 0; i < values.size(); i++) {
                long v = values.get(i)[0];
                zigzag(out, v - prev);
                prev = v;
                string(out, valueText.get(i));
            }
            varint(out, ranges.size());
            prev = 0;
            for (int i = 0; i < ranges.size(); i++) {
                long[] r = ranges.get(i);
                zigzag(out, r[0] - prev);
                prev = r[0];
                varint(out, r[1] - r[0]);
                string(out, rangeText.get(i));
            }
            varint(out, tfs.size());
            for (String[] t : tfs) {
                string(out, t[0]);
                string(out, t[1]);
            }
            varint(out, units.size());
            for (String[] u : units) {
                string(out, u[0]);
                string(out, u[1]);
            }
            varint(out, groupStarts.size());
            int prevStart = 0;
            for (int g : groupStarts) {
                varint(out, g - prevStart);
                prevStart = g;
            }
            return out.toByteArray();
        }
    }

    static long number(String s) {
        s = s.trim();
        if (s.length() >= 3 && s.startsWith("'") && s.endsWith("'")) {
            return charLiteral(s.substring(1, s.length() - 1));
        }
        if (s.startsWith("0x") || s.startsWith("0X")) {
            return Long.parseUnsignedLong(s.substring(2), 16);
        }
        if (s.startsWith("-")) {
            return Long.parseLong(s);
        }
        return Long.parseUnsignedLong(s);
    }

    /** An FT_CHAR value as the dump prints it: 'A', '\\x01', '\\000', '\\n'. */
    static long charLiteral(String s) {
        if (s.length() == 1) {
            return s.charAt(0) & 0xFF;
        }
        if (s.charAt(0) != '\\') {
            throw new NumberFormatException("char literal " + s);
        }
        String rest = s.substring(1);
        return switch (rest.charAt(0)) {
            case 'x' -> Long.parseLong(rest.substring(1), 16);
            case '0', '1', '2', '3' -> Long.parseLong(rest, 8);
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'a' -> 7;
            case 'b' -> 8;
            case 'f' -> 12;
            case 'v' -> 11;
            default -> rest.charAt(0);
        };
    }

    static List<String[]> readValueRecords(Path p) throws IOException {
        List<String[]> records = new ArrayList<>(1_800_000);
        try (BufferedReader br = gz(p)) {
            String line;
            while ((line = br.readLine()) != null) {
                int tab = line.indexOf('\t');
                String tag = tab < 0 ? "" : line.substring(0, tab);
                boolean known = switch (tag) {
                    case "V", "V64", "R", "T", "E", "U" -> true;
                    default -> false;
                };
                if (known) {
                    records.add(line.split("\t", -1));
                } else if (!records.isEmpty()) {
                    String[] last = records.get(records.size() - 1);
                    last[last.length - 1] = last[last.length - 1] + "\n" + line;
                } else {
                    throw new IllegalStateException("unexpected first line in values dump: " + line);
                }
            }
        }
        return records;
    }

    static byte[] writeValues(List<Entry> entries, Path p, java.util.Set<String> sameName,
                              java.util.Set<String> textOnly) throws IOException {
        Map<String, Table> tables = new LinkedHashMap<>();
        int dropped = 0;
        for (String[] c : readValueRecords(p)) {
            String tag = c[0];
            Table t = tables.computeIfAbsent(c[1], k -> new Table());
            switch (tag) {
                case "E" -> t.extended(Integer.parseInt(c[2].trim()));
                case "V", "V64" -> t.value(number(c[2]), join(c, 3));
                case "R" -> {
                    t.ranges.add(new long[] {number(c[2]), number(c[3])});
                    t.rangeText.add(join(c, 4));
                }
                case "T" -> t.tfs.add(new String[] {c[2], c.length > 3 ? join(c, 3) : ""});
                case "U" -> t.units.add(new String[] {c[2], c.length > 3 ? join(c, 3) : ""});
                default -> dropped++;
            }
        }
        // Field ids by name: every id of a name gets the name's table.
        Map<String, List<Integer>> idsByName = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            idsByName.computeIfAbsent(entries.get(i).abbrev(), k -> new ArrayList<>(1)).add(i);
        }
        tables.values().forEach(Table::splitRepeats);
        Map<String, Integer> distinct = new HashMap<>();
        List<byte[]> encoded = new ArrayList<>();
        int[] tableOf = new int[entries.size()];
        int[] flagsOf = new int[entries.size()];
        Arrays.fill(tableOf, -1);
        int unknown = 0;
        for (Map.Entry<String, Table> e : tables.entrySet()) {
            List<Integer> ids = idsByName.get(e.getKey());
            if (ids == null) {
                unknown++;
                continue;
            }
            byte[] b = e.getValue().encode();
            String key = new String(b, StandardCharsets.ISO_8859_1);
            Integer t = distinct.get(key);
            if (t == null) {
                t = encoded.size();
                distinct.put(key, t);
                encoded.add(b);
            }
            int flags = (e.getValue().groups() > 1 || sameName.contains(e.getKey()) ? RegistryFormat.VS_SAME_NAME : 0)
                    | (textOnly.contains(e.getKey()) ? RegistryFormat.VS_SAME_NAME | RegistryFormat.VS_TEXT_ONLY : 0);
            for (int id : ids) {
                tableOf[id] = t;
                flagsOf[id] = flags;
            }
        }
        // Tables in order of first use, so a protocol's tables share chunks.
        int[] order = new int[encoded.size()];
        int[] position = new int[encoded.size()];
        Arrays.fill(position, -1);
        int placed = 0;
        for (int t : tableOf) {
            if (t >= 0 && position[t] < 0) {
                position[t] = placed;
                order[placed++] = t;
            }
        }
        int[] tableChunk = new int[encoded.size()];
        int[] tableOffset = new int[encoded.size()];
        List<byte[]> chunks = new ArrayList<>();
        List<Integer> chunkRaw = new ArrayList<>();
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        for (int k = 0; k < placed; k++) {
            int t = order[k];
            if (chunk.size() > 0 && chunk.size() + encoded.get(t).length > CHUNK_TARGET) {
                chunkRaw.add(chunk.size());
                chunks.add(deflate(chunk.toByteArray()));
                chunk.reset();
            }
            tableChunk[t] = chunks.size();
            tableOffset[t] = chunk.size();
            chunk.writeBytes(encoded.get(t));
        }
        if (chunk.size() > 0) {
            chunkRaw.add(chunk.size());
            chunks.add(deflate(chunk.toByteArray()));
        }
        ByteArrayOutputStream index = new ByteArrayOutputStream();
        int withValues = 0;
        for (int t : tableOf) {
            if (t >= 0) {
                withValues++;
            }
        }
        varint(index, withValues);
        int prev = 0;
        for (int id = 0; id < tableOf.length; id++) {
            if (tableOf[id] >= 0) {
                varint(index, id - prev);
                varint(index, ((long) tableOf[id] << 2) | flagsOf[id]);
                prev = id;
            }
        }
        varint(index, encoded.size());
        for (int t = 0; t < encoded.size(); t++) {
            varint(index, tableChunk[t]);
            varint(index, tableOffset[t]);
        }
        varint(index, chunks.size());
        for (int c = 0; c < chunks.size(); c++) {
            varint(index, chunks.get(c).length);
            varint(index, chunkRaw.get(c));
        }
        byte[] indexRaw = index.toByteArray();
        byte[] indexDeflated = deflate(indexRaw);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int32(out, RegistryFormat.VALUES_MAGIC);
        int32(out, RegistryFormat.VERSION);
        int32(out, indexRaw.length);
        int32(out, indexDeflated.length);
        out.writeBytes(indexDeflated);
        for (byte[] c : chunks) {
            out.writeBytes(c);
        }
        System.out.printf("values dump: %d names with values (%d not in the fields dump), %d ids with values, "
                + "%d distinct tables, %d chunks, %d unknown records%n", tables.size(), unknown, withValues,
                encoded.size(), chunks.size(), dropped);
        return out.toByteArray();
    }

    static String join(String[] c, int from) {
        return String.join("\t", Arrays.asList(c).subList(from, c.length));
    }
}
