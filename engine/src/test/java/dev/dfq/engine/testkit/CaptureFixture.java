package dev.dfq.engine.testkit;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import dev.dfq.fields.FieldType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A capture as tshark 4.6.9 dissected it, rebuilt from its exports, ready to be replayed into a
 * {@link FieldStore} one frame at a time: what the VM would see had dfq dissected it itself.
 *
 * <p>Inputs ({@link #load}): {@code <base>.pdml} ({@code tshark -n -r CAP -T pdml}, the tree in
 * document order with {@code pos}, {@code size}, {@code show}, {@code value}), {@code <base>.json}
 * ({@code -T json -x --no-duplicate-keys}: the frame bytes and the data source of each item, see
 * {@link JsonExport}) and optionally {@code <cap>.columns.tsv} ({@code -T fields -E header=y
 * -e frame.number -e _ws.col.*}).
 *
 * <p>How the PDML tree becomes occurrences:
 * <ul>
 *   <li>Every {@code <proto>}/{@code <field>} whose {@code name} the registry knows becomes one
 *       occurrence, in document order, with the nearest enclosing occurrence as parent,
 *       {@code pos}/{@code size} as offset/length and the value parsed by {@link PdmlValues}.
 *   <li>Skipped: the {@code geninfo} pseudo-protocol and its children ({@code num}, {@code len},
 *       {@code caplen}, {@code timestamp}: PDML's packet summary, duplicates of {@code frame.*},
 *       no registered fields); {@code fake-field-wrapper} (PDML's wrapper around top-level items
 *       that are not protocols, e.g. the {@code data} protocol; transparent: its children are
 *       kept); items without a name (text labels; their children are kept). Any other name the
 *       registry lacks is skipped the same way and counted in {@link #skippedNames()}.
 *   <li>{@code _ws.expert} and {@code _ws.malformed} items are kept (they are registered
 *       protocols and tshark filters on them), but as pseudo-protocols: they take the layer of the
 *       protocol they sit in and do not start a layer of their own.
 *   <li>Layers: Wireshark numbers a protocol's occurrences in a frame 1, 2, ... (pinfo->layers)
 *       and gives every item the layer of the dissector that added it. PDML does not export it; it
 *       is derived by counting the {@code <proto>} elements of each name in document order (PDML
 *       lists nested dissector calls, e.g. IP in IP, as sibling or nested elements in call
 *       order), and a field takes the layer of its nearest enclosing protocol element. This
 *       reproduces the {@code ip.src#3} cases of ipoipoip.pcap.
 *   <li>Protocols: offset/length are the protocol's own range; the value runs to the end of the
 *       protocol's tvb, which PDML does not show either. It is estimated as the furthest end of
 *       the protocol and of every later item (document order) of the same data source starting at
 *       or after it: that is where the payload handed to the protocol (and to the protocols it
 *       calls) ends, e.g. IP's tvb stops before an Ethernet trailer. Stored in {@code num} as
 *       FieldStore specifies (0 when it is the end of the source). A protocol element without
 *       pos/size (the {@code data} protocol inside {@code fake-field-wrapper}) takes the range its
 *       descendants cover.
 *   <li>Data sources: source 0 is the frame ({@code frame_raw}); items the JSON export places in
 *       another source (4.6's sixth {@code _raw} element) go to that source, whose bytes are
 *       rebuilt from the JSON overlays.
 *   <li>Columns: each {@code _ws.col.*} cell becomes a string occurrence (layer 1, no range).
 * </ul>
 */
public final class CaptureFixture {
    /** PDML-only protocol elements that are not dissection items; skipped with their subtree. */
    public static final Set<String> SKIPPED_SUBTREES = Set.of("geninfo");
    /** PDML-only wrapper elements; skipped, their children kept. */
    public static final Set<String> TRANSPARENT = Set.of("fake-field-wrapper");
    /** Registered protocols that are not dissector calls: they take the enclosing layer. */
    public static final Set<String> PSEUDO_PROTOCOLS = Set.of("_ws.expert", "_ws.malformed", "_ws.short",
            "_ws.dissector_bug", "_ws.unreassembled", "_ws.lua");

    private final String name;
    private final List<Frame> frames;
    private final Map<String, Integer> skippedNames;
    private final List<String> problems;

    private CaptureFixture(String name, List<Frame> frames, Map<String, Integer> skippedNames, List<String> problems) {
        this.name = name;
        this.frames = List.copyOf(frames);
        this.skippedNames = Collections.unmodifiableMap(skippedNames);
        this.problems = List.copyOf(problems);
    }

    public String name() {
        return name;
    }

    public List<Frame> frames() {
        return frames;
    }

    /** The frame with this number (1-based), or null. */
    public Frame frame(int number) {
        for (Frame f : frames) {
            if (f.number == number) {
                return f;
            }
        }
        return null;
    }

    /** Item names met in the PDML that the registry lacks (not counting the documented ones), with counts. */
    public Map<String, Integer> skippedNames() {
        return skippedNames;
    }

    /** Values that could not be parsed (the occurrence then keeps its raw bytes); should be empty. */
    public List<String> problems() {
        return problems;
    }

    /** Loads {@code capture.pdml}, {@code capture.json} and {@code capture.columns.tsv} when present. */
    public static CaptureFixture load(FieldRegistry registry, FixtureFiles files, String capture) {
        return load(registry, files, capture, capture + ".columns.tsv");
    }

    /**
     * @param exportBase name of the exports without {@code .pdml}/{@code .json}, e.g.
     *                   {@code data-utf8.pcap.show_as_text}
     * @param columnsFile the columns TSV, or null (also ignored when absent)
     */
    public static CaptureFixture load(FieldRegistry registry, FixtureFiles files, String exportBase, String columnsFile) {
        List<Pdml.Element> packets = Pdml.packets(files.readString(exportBase + ".pdml"));
        List<JsonExport.Packet> json;
        try (InputStream in = files.open(exportBase + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("fixture file not found: " + exportBase + ".json");
            }
            json = JsonExport.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (json.size() != packets.size()) {
            throw new IllegalArgumentException(exportBase + ": " + packets.size() + " PDML packets but "
                    + json.size() + " JSON packets");
        }
        Map<Integer, List<String[]>> columns = columnsFile != null && files.exists(columnsFile)
                ? readColumns(files.readString(columnsFile)) : Map.of();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<Frame> frames = new ArrayList<>(packets.size());
        for (int i = 0; i < packets.size(); i++) {
            Builder b = new Builder(registry, json.get(i), skipped, problems);
            b.build(packets.get(i));
            int number = b.frameNumber > 0 ? b.frameNumber : i + 1;
            List<String[]> cols = columns.get(number);
            if (cols != null) {
                for (String[] c : cols) {
                    FieldDef def = registry.byName(c[0]).orElse(null);
                    if (def == null) {
                        skipped.merge(c[0], 1, Integer::sum);
                        continue;
                    }
                    b.add(def.id(), 1, -1, 0, 0, 0, 0, c[1].getBytes(StandardCharsets.UTF_8));
                }
            }
            frames.add(b.finish(number));
        }
        return new CaptureFixture(exportBase, frames, skipped, problems);
    }

    /** frame number → [field, value] pairs, from a {@code -T fields -E header=y} export. */
    static Map<Integer, List<String[]>> readColumns(String tsv) {
        Map<Integer, List<String[]>> out = new HashMap<>();
        String[] lines = tsv.split("\n", -1);
        String[] header = lines[0].split("\t", -1);
        if (!header[0].equals("frame.number")) {
            throw new IllegalArgumentException("columns TSV must start with frame.number: " + lines[0]);
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] cells = lines[i].split("\t", -1);
            int number = Integer.parseInt(cells[0]);
            List<String[]> list = new ArrayList<>();
            for (int c = 1; c < header.length && c < cells.length; c++) {
                list.add(new String[] {header[c], cells[c]});
            }
            out.put(number, list);
        }
        return out;
    }

    /** One frame's occurrences, replayable into any store of the same registry. */
    public static final class Frame {
        private final int number;
        private final byte[][] sources;
        private final String[] sourceNames;
        private final int size;
        private final int[] field;
        private final int[] layer;
        private final int[] parent;
        private final int[] source;
        private final int[] offset;
        private final int[] length;
        private final long[] num;
        private final Object[] ref;

        Frame(int number, byte[][] sources, String[] sourceNames, int size, int[] field, int[] layer, int[] parent,
              int[] source, int[] offset, int[] length, long[] num, Object[] ref) {
            this.number = number;
            this.sources = sources;
            this.sourceNames = sourceNames;
            this.size = size;
            this.field = field;
            this.layer = layer;
            this.parent = parent;
            this.source = source;
            this.offset = offset;
            this.length = length;
            this.num = num;
            this.ref = ref;
        }

        public int number() {
            return number;
        }

        public byte[] frameBytes() {
            return sources[0];
        }

        /** Number of occurrences. */
        public int size() {
            return size;
        }

        /** Resets the store to this frame and adds its data sources and occurrences. */
        public FieldStore fill(FieldStore store) {
            store.reset(number);
            for (int s = 0; s < sources.length; s++) {
                store.addSource(sourceNames[s], sources[s], sources[s].length);
            }
            for (int i = 0; i < size; i++) {
                store.add(field[i], layer[i], parent[i], source[i], offset[i], length[i], num[i], ref[i]);
            }
            return store;
        }

        /** A new store holding only this frame (e.g. the selected frame of field references). */
        public FieldStore newStore(FieldRegistry registry) {
            return fill(new FieldStore(registry));
        }
    }

    /** Builds one frame from its PDML packet element. */
    private static final class Builder {
        final FieldRegistry registry;
        final JsonExport.Packet json;
        final Map<String, Integer> skipped;
        final List<String> problems;
        final Map<String, Integer> protoCount = new HashMap<>();
        int frameNumber;

        int size;
        int[] field = new int[64];
        int[] layer = new int[64];
        int[] parent = new int[64];
        int[] source = new int[64];
        int[] offset = new int[64];
        int[] length = new int[64];
        long[] num = new long[64];
        Object[] ref = new Object[64];
        /** Occurrences that are protocols whose range must be derived from their descendants. */
        final List<Integer> rangeFromChildren = new ArrayList<>();
        /** Index one past the last descendant of each occurrence. */
        int[] subtreeEnd = new int[64];

        Builder(FieldRegistry registry, JsonExport.Packet json, Map<String, Integer> skipped, List<String> problems) {
            this.registry = registry;
            this.json = json;
            this.skipped = skipped;
            this.problems = problems;
        }

        void build(Pdml.Element packet) {
            for (Pdml.Element e : packet.children) {
                visit(e, -1, 1);
            }
        }

        void visit(Pdml.Element e, int parentOcc, int currentLayer) {
            String name = e.attr("name");
            if (name == null || name.isEmpty() || TRANSPARENT.contains(name)) {
                visitChildren(e, parentOcc, currentLayer);
                return;
            }
            if (SKIPPED_SUBTREES.contains(name) && e.tag.equals("proto")) {
                return;
            }
            FieldDef def = registry.byName(name).orElse(null);
            if (def == null) {
                skipped.merge(name, 1, Integer::sum);
                visitChildren(e, parentOcc, currentLayer);
                return;
            }
            String pos = e.attr("pos");
            String sz = e.attr("size");
            int off = pos == null ? -1 : Integer.parseInt(pos);
            int len = sz == null ? -1 : Integer.parseInt(sz);
            int src = off >= 0 && len >= 0 ? json.takeSource(name, off, len) : 0;
            boolean protocol = def.type() == FieldType.FT_PROTOCOL;
            int itemLayer = currentLayer;
            int childLayer = currentLayer;
            long n = 0;
            Object r = null;
            if (protocol) {
                if (!PSEUDO_PROTOCOLS.contains(name)) {
                    itemLayer = protoCount.merge(name, 1, Integer::sum);
                    childLayer = itemLayer;
                }
            } else {
                try {
                    PdmlValues.Value v = PdmlValues.parse(def, e.attr("show"), e.attr("value"));
                    n = v.num();
                    r = v.ref();
                } catch (PdmlValues.UnparsableValue ex) {
                    problems.add(ex.getMessage());
                }
                if (name.equals("frame.number") && parentOcc >= 0) {
                    frameNumber = (int) n;
                }
            }
            int occ = add(def.id(), itemLayer, parentOcc, src, Math.max(off, 0), Math.max(len, 0), n, r);
            if (protocol && (off < 0 || len < 0)) {
                rangeFromChildren.add(occ);
            }
            visitChildren(e, occ, childLayer);
            subtreeEnd[occ] = size;
        }

        void visitChildren(Pdml.Element e, int parentOcc, int currentLayer) {
            for (Pdml.Element c : e.children) {
                visit(c, parentOcc, currentLayer);
            }
        }

        int add(int fieldId, int lay, int par, int src, int off, int len, long n, Object r) {
            if (size == field.length) {
                int cap = size * 2;
                field = Arrays.copyOf(field, cap);
                layer = Arrays.copyOf(layer, cap);
                parent = Arrays.copyOf(parent, cap);
                source = Arrays.copyOf(source, cap);
                offset = Arrays.copyOf(offset, cap);
                length = Arrays.copyOf(length, cap);
                num = Arrays.copyOf(num, cap);
                ref = Arrays.copyOf(ref, cap);
                subtreeEnd = Arrays.copyOf(subtreeEnd, cap);
            }
            int i = size++;
            field[i] = fieldId;
            layer[i] = lay;
            parent[i] = par;
            source[i] = src;
            offset[i] = off;
            length[i] = len;
            num[i] = n;
            ref[i] = r;
            subtreeEnd[i] = i + 1;
            return i;
        }

        Frame finish(int number) {
            int nsrc = Math.max(1, json.sources.size());
            byte[][] sources = new byte[nsrc][];
            String[] names = new String[nsrc];
            sources[0] = json.frame;
            names[0] = "Frame (" + json.frame.length + " bytes)";
            for (int s = 1; s < nsrc; s++) {
                byte[] d = json.sources.get(s);
                sources[s] = d == null ? new byte[0] : d;
                names[s] = "Data source " + s;
            }
            // Protocols exported without pos/size: the range their descendants cover.
            for (int occ : rangeFromChildren) {
                int lo = Integer.MAX_VALUE;
                int hi = 0;
                for (int j = occ + 1; j < subtreeEnd[occ]; j++) {
                    if (length[j] > 0 && source[j] == source[occ]) {
                        lo = Math.min(lo, offset[j]);
                        hi = Math.max(hi, offset[j] + length[j]);
                    }
                }
                if (lo != Integer.MAX_VALUE) {
                    offset[occ] = lo;
                    length[occ] = hi - lo;
                }
            }
            // Protocol tvb ends (see the class comment).
            for (int i = 0; i < size; i++) {
                if (registry.byId(field[i]).type() != FieldType.FT_PROTOCOL) {
                    continue;
                }
                int end = offset[i] + length[i];
                for (int j = i + 1; j < size; j++) {
                    if (source[j] == source[i] && offset[j] >= offset[i] && length[j] > 0) {
                        end = Math.max(end, offset[j] + length[j]);
                    }
                }
                int srcLen = sources[source[i]].length;
                num[i] = end >= srcLen ? 0 : end;
            }
            return new Frame(number, sources, names, size, field, layer, parent, source, offset, length, num, ref);
        }
    }
}
