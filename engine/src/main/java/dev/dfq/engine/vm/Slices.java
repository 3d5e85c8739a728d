package dev.dfq.engine.vm;

import dev.dfq.fields.FieldType;
import dev.dfq.grammar.ast.Node.RangeNode;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Slicing as Wireshark's drange: offsets may be negative (from the end), ranges are clipped to
 * the value (never an error), several ranges are concatenated. Strings slice by code point (4.6),
 * everything else by byte; a protocol slices its own bytes, not the rest of its tvb.
 */
final class Slices {
    private Slices() {
    }

    static void slice(Reg src, List<RangeNode> ranges, Reg out) {
        boolean string = src.type.kind() == FieldType.Kind.STRING;
        boolean ipv4 = src.type.kind() == FieldType.Kind.IPV4;
        for (int i = 0; i < src.size; i++) {
            ByteView v = ipv4 ? new ByteView(new byte[] {(byte) (src.num[i] >>> 24), (byte) (src.num[i] >>> 16),
                    (byte) (src.num[i] >>> 8), (byte) src.num[i]}) : src.bv[i];
            if (v == null) {
                continue;
            }
            int[] cps = string ? codePointStarts(v) : null;
            int units = string ? cps.length - 1 : v.len;
            ByteArrayOutputStream joined = ranges.size() == 1 ? null : new ByteArrayOutputStream();
            boolean ok = true;
            int s0 = 0;
            int e0 = 0;
            for (int k = 0, nr = ranges.size(); k < nr; k++) {
                RangeNode r = ranges.get(k);
                long start = start(r, units);
                long end = end(r, units, start);
                if (start < 0 || start > units || end > units || end < start) {
                    ok = false;
                    break;
                }
                s0 = string ? cps[(int) start] : (int) start;
                e0 = string ? cps[(int) end] : (int) end;
                if (joined != null) {
                    joined.write(v.a, v.off + s0, e0 - s0);
                }
            }
            if (!ok) {
                continue; // a range outside the value yields no value at all
            }
            if (joined == null) {
                out.addBytes(v.a, v.off + s0, e0 - s0, v.off + e0, -1);
            } else {
                out.addBytes(joined.toByteArray());
            }
        }
    }

    /** First unit of a range within {@code n} units (negative offsets count from the end). */
    private static long start(RangeNode r, int n) {
        return r.start() < 0 ? n + r.start() : r.start();
    }

    /** End (exclusive) of a range; the caller rejects ranges reaching outside the value. No allocation. */
    private static long end(RangeNode r, int n, long start) {
        return switch (r.kind()) {
            case SINGLE -> start + 1;
            case START_LENGTH -> start + r.lengthOrEnd();
            case START_END -> (r.lengthOrEnd() < 0 ? n + r.lengthOrEnd() : r.lengthOrEnd()) + 1;
            case TO_END -> n;
        };
    }

    private static int[] codePointStarts(ByteView v) {
        int[] tmp = new int[v.len + 1];
        int n = 0;
        for (int k = 0; k < v.len; k++) {
            if ((v.at(k) & 0xC0) != 0x80) {
                tmp[n++] = k;
            }
        }
        tmp[n] = v.len;
        return java.util.Arrays.copyOf(tmp, n + 1);
    }
}
