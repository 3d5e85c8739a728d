package dev.dfq.fields;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Loads the Wireshark 4.6.9 registry from the resources generated from {@code -G fields/values}
 * (see {@link RegistryFormat}; regenerate with {@code scripts/gen-registry.sh}).
 *
 * <p>Loading inflates the abbreviations and the small per-id columns and builds a hash index over
 * the abbreviation bytes; {@link FieldDef}s are created on first access, display names are inflated
 * on the first definition asked for, and value strings are inflated one chunk at a time on demand.
 *
 * <p>Duplicate abbreviations. Wireshark 4.6.9 registers 290,315 header fields, 17,518 of which have
 * the name of an earlier one ({@code tshark -G fieldcount}); {@code -G fields} lists only the first
 * registration of a field name, so the dump (and this registry) has 272,801 entries, of which only six
 * names repeat: the protocols {@code tpkt}, {@code docsis_map} and {@code ipv6.routing.type.mipv6}
 * (registered twice) and {@code c15.tone}, {@code c15.inc_gwe}, {@code c15.out_gwe} (an FT_PROTOCOL field
 * of c15 registered before the protocol of that name). Rule: <b>the first registration wins</b> - a
 * name resolves to its first entry, whose type is the one 4.6's filter compiler uses: dftest46 typed
 * all 248,257 names it knows exactly as the dump's first entry, except 919 protocols registered "in name
 * only", which it types FT_BYTES (so does this registry). At run time Wireshark reads every
 * registration of a name; their value strings are merged in the {@code -G values} dump, which is why
 * {@link ValueStringMatcher} knows the registration boundaries it can see.
 */
final class BundledRegistry {
    private BundledRegistry() {
    }

    static final boolean DEBUG = Boolean.getBoolean("dfq.registry.debug");

    /** Nanoseconds the last {@link #load()} took (for benchmarks and the test log). */
    static volatile long lastLoadNanos;

    static FieldRegistry load() {
        long t0 = System.nanoTime();
        Columns columns = new Columns(resource(RegistryFormat.FIELDS));
        ValueStore values = new ValueStore();
        FieldRegistry registry = new FieldRegistry(columns, loadAliases(), values::lookup);
        registry.valueStore = values;
        lastLoadNanos = System.nanoTime() - t0;
        return registry;
    }

    static byte[] resource(String name) {
        InputStream in = BundledRegistry.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource dev/dfq/fields/" + name
                    + " (run scripts/gen-registry.sh)");
        }
        return RegistryFormat.readAll(in);
    }

    /** Reads a resource made of a 4-byte raw length and raw deflate data. */
    static byte[] inflatedResource(String name) {
        byte[] packed = resource(name);
        RegistryFormat.Reader r = new RegistryFormat.Reader(packed, 0);
        int rawLength = r.int32();
        return RegistryFormat.inflate(packed, 4, packed.length - 4, rawLength);
    }

    static Map<String, String> loadAliases() {
        InputStream in = BundledRegistry.class.getResourceAsStream(RegistryFormat.ALIASES);
        Map<String, String> aliases = new LinkedHashMap<>();
        if (in == null) {
            return aliases;
        }
        try (BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = br.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    aliases.put(line.substring(0, tab).trim(), line.substring(tab + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return aliases;
    }

    /** The columnar table: ASCII abbreviations in one byte array, display names inflated lazily. */
    static final class Columns implements RegistryTable {
        final int n;
        final FieldType[] typeTable;
        final String[] baseTable;
        final byte[] type;
        final byte[] base;
        final int[] parent;
        final int[] maskIds;
        final long[] masks;
        final byte[] abbrevBytes;
        final int[] abbrevStart; // n + 1 offsets
        final int[] hashTable; // id + 1, 0 = empty
        final int hashMask;
        private final AtomicReferenceArray<FieldDef> defs;
        private final AtomicReferenceArray<String> abbrevCache;
        private volatile Names names;

        Columns(byte[] packed) {
            long t0 = System.nanoTime();
            RegistryFormat.Reader hdr = new RegistryFormat.Reader(packed, 0);
            int rawLength = hdr.int32();
            byte[] raw = RegistryFormat.inflate(packed, 4, packed.length - 4, rawLength);
            long t1 = System.nanoTime();
            RegistryFormat.Reader r = new RegistryFormat.Reader(raw, 0);
            if (r.int32() != RegistryFormat.FIELDS_MAGIC || r.varint() != RegistryFormat.VERSION) {
                throw new IllegalStateException("bad fields.bin");
            }
            n = r.varint();
            int typeCount = r.varint();
            typeTable = new FieldType[typeCount];
            for (int i = 0; i < typeCount; i++) {
                typeTable[i] = FieldType.fromName(r.string());
            }
            type = Arrays.copyOfRange(raw, r.pos, r.pos + n);
            r.pos += n;
            int baseCount = r.varint();
            baseTable = new String[baseCount];
            for (int i = 0; i < baseCount; i++) {
                baseTable[i] = r.string();
            }
            base = Arrays.copyOfRange(raw, r.pos, r.pos + n);
            r.pos += n;
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i - r.varint();
            }
            int maskCount = r.varint();
            maskIds = new int[maskCount];
            masks = new long[maskCount];
            int id = 0;
            for (int i = 0; i < maskCount; i++) {
                id += r.varint();
                maskIds[i] = id;
                masks[i] = r.varlong();
            }
            long t2 = System.nanoTime();
            int total = r.varint();
            abbrevBytes = new byte[total];
            abbrevStart = new int[n + 1];
            int cap = Integer.highestOneBit(Math.max(16, n * 2 - 1)); // load factor 0.5 to 1 (0.52 for 4.6)
            hashTable = new int[cap];
            hashMask = cap - 1;
            int out = 0;
            int prevStart = 0;
            byte[] buf = r.buf;
            // prefixHash[j]: String.hashCode of the previous abbreviation's first j characters, so each
            // abbreviation hashes only its own suffix
            int[] prefixHash = new int[256];
            for (int i = 0; i < n; i++) {
                int shared = r.varint();
                int suffix = r.varint();
                abbrevStart[i] = out;
                System.arraycopy(abbrevBytes, prevStart, abbrevBytes, out, shared);
                System.arraycopy(buf, r.pos, abbrevBytes, out + shared, suffix);
                r.pos += suffix;
                prevStart = out;
                int len = shared + suffix;
                if (len >= prefixHash.length) {
                    prefixHash = Arrays.copyOf(prefixHash, len * 2);
                }
                int h = prefixHash[shared];
                for (int j = shared; j < len; j++) {
                    h = 31 * h + abbrevBytes[out + j];
                    prefixHash[j + 1] = h;
                }
                insert(i, h, out, out + len);
                out += len;
            }
            abbrevStart[n] = out;
            if (DEBUG) {
                System.err.printf("[registry] fields.bin inflate %.1f ms, columns %.1f ms, names+hash %.1f ms%n",
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6, (System.nanoTime() - t2) / 1e6);
            }
            defs = new AtomicReferenceArray<>(n);
            abbrevCache = new AtomicReferenceArray<>(n);
        }

        private void insert(int id, int h, int start, int end) {
            int slot = spread(h) & hashMask;
            while (true) {
                int e = hashTable[slot];
                if (e == 0) {
                    hashTable[slot] = id + 1;
                    return;
                }
                int other = e - 1;
                int os = abbrevStart[other];
                int oe = abbrevStart[other + 1];
                if (oe - os == end - start && Arrays.equals(abbrevBytes, os, oe, abbrevBytes, start, end)) {
                    return; // a duplicate name: the first registered wins
                }
                slot = (slot + 1) & hashMask;
            }
        }

        private static int spread(int h) {
            return (h ^ (h >>> 16)) * 0x9E3779B1;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public int find(String abbrev) {
            int len = abbrev.length();
            int slot = spread(abbrev.hashCode()) & hashMask;
            while (true) {
                int e = hashTable[slot];
                if (e == 0) {
                    return -1;
                }
                int id = e - 1;
                int s = abbrevStart[id];
                if (abbrevStart[id + 1] - s == len && sameAscii(abbrev, s, len)) {
                    return id;
                }
                slot = (slot + 1) & hashMask;
            }
        }

        private boolean sameAscii(String abbrev, int start, int len) {
            for (int k = 0; k < len; k++) {
                if (abbrev.charAt(k) != (abbrevBytes[start + k] & 0xFF)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String abbrev(int id) {
            String s = abbrevCache.get(id);
            if (s == null) {
                int st = abbrevStart[id];
                s = new String(abbrevBytes, st, abbrevStart[id + 1] - st, StandardCharsets.ISO_8859_1);
                abbrevCache.lazySet(id, s);
            }
            return s;
        }

        @Override
        public NameBlob nameBlob() {
            return new NameBlob(abbrevBytes, abbrevStart);
        }

        @Override
        public int parentId(int id) {
            return parent[id];
        }

        @Override
        public String displayName(int id) {
            FieldDef d = defs.get(id);
            return d != null ? d.name() : names().name(id);
        }

        /** Length of an abbreviation in bytes (= chars: they are ASCII). */
        int abbrevLength(int id) {
            return abbrevStart[id + 1] - abbrevStart[id];
        }

        FieldType type(int id) {
            return typeTable[type[id]];
        }

        long mask(int id) {
            int i = Arrays.binarySearch(maskIds, id);
            return i >= 0 ? masks[i] : 0;
        }

        @Override
        public FieldDef def(int id) {
            FieldDef d = defs.get(id);
            if (d == null) {
                String abbrev = abbrev(id);
                d = new FieldDef(id, abbrev, names().name(id), typeTable[type[id]], baseTable[base[id]],
                        mask(id), parent[id]);
                defs.lazySet(id, d);
            }
            return d;
        }

        Names names() {
            Names nm = names;
            if (nm == null) {
                synchronized (this) {
                    nm = names;
                    if (nm == null) {
                        nm = new Names(resource(RegistryFormat.NAMES), n);
                        names = nm;
                    }
                }
            }
            return nm;
        }
    }

    /** Display names: deflated chunks of {@link RegistryFormat#NAME_CHUNK} ids, inflated on demand. */
    static final class Names {
        private final byte[] data;
        private final int chunkSize;
        private final int[] chunkStart;
        private final int[] chunkLength;
        private final int[] chunkRaw;
        private final AtomicReferenceArray<String[]> chunks;

        Names(byte[] data, int n) {
            this.data = data;
            RegistryFormat.Reader r = new RegistryFormat.Reader(data, 0);
            if (r.int32() != RegistryFormat.NAMES_MAGIC || r.varint() != RegistryFormat.VERSION || r.varint() != n) {
                throw new IllegalStateException("bad names.bin");
            }
            chunkSize = r.varint();
            int nc = r.varint();
            chunkStart = new int[nc];
            chunkLength = new int[nc];
            chunkRaw = new int[nc];
            for (int i = 0; i < nc; i++) {
                chunkLength[i] = r.varint();
                chunkRaw[i] = r.varint();
            }
            int pos = r.pos;
            for (int i = 0; i < nc; i++) {
                chunkStart[i] = pos;
                pos += chunkLength[i];
            }
            chunks = new AtomicReferenceArray<>(nc);
        }

        String name(int id) {
            int c = id / chunkSize;
            String[] names = chunks.get(c);
            if (names == null) {
                byte[] raw = RegistryFormat.inflate(data, chunkStart[c], chunkLength[c], chunkRaw[c]);
                RegistryFormat.Reader r = new RegistryFormat.Reader(raw, 0);
                int count = r.varint();
                names = new String[count];
                byte[] prev = new byte[0];
                int prevLen = 0;
                byte[] buf = new byte[256];
                for (int i = 0; i < count; i++) {
                    int shared = r.varint();
                    int suffix = r.varint();
                    int len = shared + suffix;
                    if (buf.length < len) {
                        buf = java.util.Arrays.copyOf(buf, len * 2);
                    }
                    System.arraycopy(prev, 0, buf, 0, shared);
                    System.arraycopy(raw, r.pos, buf, shared, suffix);
                    r.pos += suffix;
                    names[i] = new String(buf, 0, len, StandardCharsets.UTF_8);
                    byte[] t = prev;
                    prev = buf;
                    buf = t.length >= len ? t : new byte[Math.max(256, len)];
                    prevLen = len;
                }
                chunks.set(c, names);
            }
            return names[id - c * chunkSize];
        }
    }

    /** Value strings: an index read on first use and deflated chunks inflated on demand. */
    static final class ValueStore {
        private volatile Index index;

        private static final class Index {
            final byte[] data;
            final int[] fieldIds;
            final int[] fieldTable;
            final int[] tableChunk;
            final int[] tableOffset;
            final int[] chunkStart;
            final int[] chunkLength;
            final int[] chunkRaw;
            final AtomicReferenceArray<byte[]> chunks;

            Index(byte[] data) {
                this.data = data;
                RegistryFormat.Reader h = new RegistryFormat.Reader(data, 0);
                if (h.int32() != RegistryFormat.VALUES_MAGIC || h.int32() != RegistryFormat.VERSION) {
                    throw new IllegalStateException("bad values.bin");
                }
                int rawLen = h.int32();
                int defLen = h.int32();
                byte[] idx = RegistryFormat.inflate(data, h.pos, defLen, rawLen);
                int pos = h.pos + defLen;
                RegistryFormat.Reader r = new RegistryFormat.Reader(idx, 0);
                int nf = r.varint();
                fieldIds = new int[nf];
                fieldTable = new int[nf];
                int id = 0;
                for (int i = 0; i < nf; i++) {
                    id += r.varint();
                    fieldIds[i] = id;
                    fieldTable[i] = r.varint(); // table << 2 | flags
                }
                int nt = r.varint();
                tableChunk = new int[nt];
                tableOffset = new int[nt];
                for (int i = 0; i < nt; i++) {
                    tableChunk[i] = r.varint();
                    tableOffset[i] = r.varint();
                }
                int nc = r.varint();
                chunkStart = new int[nc];
                chunkLength = new int[nc];
                chunkRaw = new int[nc];
                for (int i = 0; i < nc; i++) {
                    chunkStart[i] = pos;
                    chunkLength[i] = r.varint();
                    chunkRaw[i] = r.varint();
                    pos += chunkLength[i];
                }
                chunks = new AtomicReferenceArray<>(nc);
            }

            byte[] chunk(int c) {
                byte[] b = chunks.get(c);
                if (b == null) {
                    b = RegistryFormat.inflate(data, chunkStart[c], chunkLength[c], chunkRaw[c]);
                    chunks.set(c, b);
                }
                return b;
            }
        }

        private Index index() {
            Index ix = index;
            if (ix == null) {
                synchronized (this) {
                    ix = index;
                    if (ix == null) {
                        ix = new Index(resource(RegistryFormat.VALUES));
                        index = ix;
                    }
                }
            }
            return ix;
        }

        /** The position of a field's table, or null. */
        RegistryFormat.Reader table(int fieldId) {
            Index ix = index();
            int i = Arrays.binarySearch(ix.fieldIds, fieldId);
            if (i < 0) {
                return null;
            }
            int t = ix.fieldTable[i] >>> 2;
            return new RegistryFormat.Reader(ix.chunk(ix.tableChunk[t]), ix.tableOffset[t]);
        }

        /** The VS_* flags of a field's value table, 0 when it has none. */
        int flags(int fieldId) {
            Index ix = index();
            int i = Arrays.binarySearch(ix.fieldIds, fieldId);
            return i < 0 ? 0 : ix.fieldTable[i] & 3;
        }

        ValueStrings lookup(FieldDef def) {
            RegistryFormat.Reader r = table(def.id());
            return r == null ? null : ValueTable.read(r).toValueStrings();
        }

        ValueTable rawTable(int fieldId) {
            RegistryFormat.Reader r = table(fieldId);
            return r == null ? null : ValueTable.read(r);
        }
    }

    /**
     * One decoded value table, with everything the dump had: all true/false pairs, unit strings, and the
     * indexes of the values that start another registration's table (for a name registered several times).
     */
    record ValueTable(List<ValueStrings.Entry> values, List<ValueStrings.Range> ranges,
                      List<ValueStrings.TrueFalse> trueFalse, List<String[]> units, int[] groupStarts) {
        static ValueTable read(RegistryFormat.Reader r) {
            int nv = r.varint();
            ValueStrings.Entry[] vs = new ValueStrings.Entry[nv];
            long prev = 0;
            for (int i = 0; i < nv; i++) {
                prev += r.zigzag();
                vs[i] = new ValueStrings.Entry(prev, r.string());
            }
            int nr = r.varint();
            ValueStrings.Range[] rs = new ValueStrings.Range[nr];
            prev = 0;
            for (int i = 0; i < nr; i++) {
                prev += r.zigzag();
                long high = prev + r.varlong();
                rs[i] = new ValueStrings.Range(prev, high, r.string());
            }
            int nt = r.varint();
            ValueStrings.TrueFalse[] ts = new ValueStrings.TrueFalse[nt];
            for (int i = 0; i < nt; i++) {
                ts[i] = new ValueStrings.TrueFalse(r.string(), r.string());
            }
            int nu = r.varint();
            String[][] us = new String[nu][];
            for (int i = 0; i < nu; i++) {
                us[i] = new String[] {r.string(), r.string()};
            }
            int ng = r.varint();
            int[] gs = new int[ng];
            int g = 0;
            for (int i = 0; i < ng; i++) {
                g += r.varint();
                gs[i] = g;
            }
            return new ValueTable(List.of(vs), List.of(rs), List.of(ts), List.of(us), gs);
        }

        ValueStrings toValueStrings() {
            if (values.isEmpty() && ranges.isEmpty() && trueFalse.isEmpty()) {
                return null;
            }
            return new ValueStrings(values, ranges, trueFalse.isEmpty() ? null : trueFalse.get(0));
        }
    }
}
