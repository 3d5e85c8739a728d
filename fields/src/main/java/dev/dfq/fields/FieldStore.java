package dev.dfq.fields;

import java.util.Arrays;

/**
 * The fields one frame produced: a flat, reusable table of occurrences, as the VM reads them.
 *
 * <p>Each occurrence is (field id, layer, data source, offset, length, numeric value, object value).
 * Numeric kinds (integers, booleans, times, doubles as raw bits, IPv4) keep their value in
 * {@code num}. Byte-like kinds (strings, bytes, addresses) keep it in {@code ref} as a {@code byte[]},
 * or, when {@code ref} is null, the value is the raw bytes {@code source[offset, offset+length)}, which
 * lets dissectors add strings and byte fields without copying. A protocol occurrence's value is the
 * bytes from its offset to the end of its data source (its tvb), while {@code length} is its own
 * length: protocol {@code contains}/{@code matches} read to the tvb's end, {@code ==}, slices and
 * {@code len()} stop at the length. For a protocol whose tvb ends before its data source does,
 * {@code num} holds the tvb's end offset (0 means the end of the source).
 *
 * <p>Steady state allocates nothing: arrays grow once and are reused; {@link #reset(int)} is O(1)
 * thanks to a generation stamp on the per-field chains. Not thread-safe: one store per thread.
 */
public final class FieldStore {
    private static final int NONE = -1;
    /**
     * The field id of a text-only item: a label without a field (Wireshark's "Timestamps", "[SEQ/ACK
     * analysis]"), shown in the tree but matched by no filter, so it is on no field's chain.
     */
    public static final int TEXT = -2;

    private final int fieldCount;
    // Per-field chains of occurrences in insertion order, valid only when stamp[field] == generation.
    private final int[] stamp;
    private final int[] head;
    private final int[] tail;
    private final int[] countByField;
    private int generation = 1;

    private int size;
    private int[] field = new int[256];
    private int[] next = new int[256];
    private int[] layer = new int[256];
    private int[] parent = new int[256];
    private int[] source = new int[256];
    private int[] offset = new int[256];
    private int[] length = new int[256];
    private long[] num = new long[256];
    private Object[] ref = new Object[256];

    private byte[][] sources = new byte[4][];
    private int[] sourceLength = new int[4];
    private String[] sourceName = new String[4];
    private int sourceCount;

    private int frameNumber;

    public FieldStore(int fieldCount) {
        this.fieldCount = fieldCount;
        this.stamp = new int[fieldCount];
        this.head = new int[fieldCount];
        this.tail = new int[fieldCount];
        this.countByField = new int[fieldCount];
    }

    public FieldStore(FieldRegistry registry) {
        this(registry.size());
    }

    /**
     * An independent copy of this frame's fields and data sources (for the selected frame whose
     * values field references read while later frames reuse this store).
     */
    public FieldStore snapshot() {
        FieldStore c = new FieldStore(fieldCount);
        c.frameNumber = frameNumber;
        for (int i = 0; i < sourceCount; i++) {
            c.addSource(sourceName[i], Arrays.copyOf(sources[i], sourceLength[i]), sourceLength[i]);
        }
        for (int i = 0; i < size; i++) {
            Object r = ref[i] instanceof byte[] b ? b.clone() : ref[i];
            if (field[i] == TEXT) {
                c.addText(parent[i], (String) r);
                continue;
            }
            c.add(field[i], layer[i], parent[i], source[i], offset[i], length[i], num[i], r);
        }
        return c;
    }

    /** Forgets the previous frame's occurrences and data sources. */
    public void reset(int frameNumber) {
        this.frameNumber = frameNumber;
        // Drop object references so a big reassembled message is not kept alive by a stale slot.
        Arrays.fill(ref, 0, size, null);
        Arrays.fill(sources, 0, sourceCount, null);
        size = 0;
        sourceCount = 0;
        if (++generation == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            generation = 1;
        }
    }

    public int frameNumber() {
        return frameNumber;
    }

    /** Adds a data source (source 0 is the frame's bytes) and returns its index. */
    public int addSource(String name, byte[] data, int length) {
        if (sourceCount == sources.length) {
            sources = Arrays.copyOf(sources, sourceCount * 2);
            sourceLength = Arrays.copyOf(sourceLength, sourceCount * 2);
            sourceName = Arrays.copyOf(sourceName, sourceCount * 2);
        }
        sources[sourceCount] = data;
        sourceLength[sourceCount] = length;
        sourceName[sourceCount] = name;
        return sourceCount++;
    }

    public int sourceCount() {
        return sourceCount;
    }

    public byte[] sourceData(int src) {
        return sources[src];
    }

    public int sourceLength(int src) {
        return sourceLength[src];
    }

    public String sourceName(int src) {
        return sourceName[src];
    }

    /**
     * Adds one occurrence and returns its index.
     *
     * @param fieldId registry id of the field or protocol
     * @param layer protocol layer number (1 for the first occurrence of its protocol in the frame)
     * @param parentOcc index of the enclosing occurrence, or -1 at the top
     */
    public int add(int fieldId, int layer, int parentOcc, int src, int off, int len, long numValue, Object refValue) {
        if (fieldId < 0 || fieldId >= fieldCount) {
            throw new IllegalArgumentException("field id out of range: " + fieldId);
        }
        if (size == field.length) {
            grow();
        }
        int i = size++;
        field[i] = fieldId;
        next[i] = NONE;
        this.layer[i] = layer;
        parent[i] = parentOcc;
        source[i] = src;
        offset[i] = off;
        length[i] = len;
        num[i] = numValue;
        ref[i] = refValue;
        if (stamp[fieldId] != generation) {
            stamp[fieldId] = generation;
            head[fieldId] = i;
            countByField[fieldId] = 1;
        } else {
            next[tail[fieldId]] = i;
            countByField[fieldId]++;
        }
        tail[fieldId] = i;
        return i;
    }

    /** Adds a text-only item under {@code parentOcc} (see {@link #TEXT}); its label is its object value. */
    public int addText(int parentOcc, String label) {
        if (size == field.length) {
            grow();
        }
        int i = size++;
        field[i] = TEXT;
        next[i] = NONE;
        layer[i] = 0;
        parent[i] = parentOcc;
        source[i] = 0;
        offset[i] = 0;
        length[i] = 0;
        num[i] = 0;
        ref[i] = label;
        return i;
    }

    private void grow() {
        int n = field.length * 2;
        field = Arrays.copyOf(field, n);
        next = Arrays.copyOf(next, n);
        layer = Arrays.copyOf(layer, n);
        parent = Arrays.copyOf(parent, n);
        source = Arrays.copyOf(source, n);
        offset = Arrays.copyOf(offset, n);
        length = Arrays.copyOf(length, n);
        num = Arrays.copyOf(num, n);
        ref = Arrays.copyOf(ref, n);
    }

    /** Replaces the values of an occurrence (for fields whose value is known only later). */
    public void setValue(int occ, long numValue, Object refValue) {
        num[occ] = numValue;
        ref[occ] = refValue;
    }

    /** Sets an occurrence's length (a protocol's length is often known only once it is dissected). */
    public void setLength(int occ, int len) {
        length[occ] = len;
    }

    /** Number of occurrences in this frame, all fields. */
    public int size() {
        return size;
    }

    /** First occurrence of a field, or -1. */
    public int first(int fieldId) {
        return stamp[fieldId] == generation ? head[fieldId] : NONE;
    }

    /** Next occurrence of the same field, or -1. */
    public int next(int occ) {
        return next[occ];
    }

    public int count(int fieldId) {
        return stamp[fieldId] == generation ? countByField[fieldId] : 0;
    }

    public boolean has(int fieldId) {
        return stamp[fieldId] == generation;
    }

    public int fieldId(int occ) {
        return field[occ];
    }

    public int layer(int occ) {
        return layer[occ];
    }

    public int parent(int occ) {
        return parent[occ];
    }

    public int source(int occ) {
        return source[occ];
    }

    public int offset(int occ) {
        return offset[occ];
    }

    public int length(int occ) {
        return length[occ];
    }

    public long num(int occ) {
        return num[occ];
    }

    public Object ref(int occ) {
        return ref[occ];
    }

    /** The bytes of an occurrence as they are on the wire (for {@code @field} and slices of raw data). */
    public byte[] rawBytes(int occ) {
        byte[] data = sources[source[occ]];
        int off = offset[occ];
        int len = Math.max(0, Math.min(length[occ], sourceLength[source[occ]] - off));
        return Arrays.copyOfRange(data, off, off + len);
    }

    /**
     * The value bytes of a byte-like occurrence: its {@code byte[]} value, or its raw bytes when the
     * dissector stored none.
     */
    public byte[] valueBytes(int occ) {
        Object r = ref[occ];
        return r instanceof byte[] b ? b : rawBytes(occ);
    }

    /** End offset of a protocol occurrence's tvb within its data source. */
    public int tvbEnd(int occ) {
        long end = num[occ];
        return end > 0 ? (int) end : sourceLength[source[occ]];
    }
}
