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
        for (int i = 0; i < src.size; i++) {
            ByteView v = src.bv[i];
            if (v == null) {
                continue;
            }
            int[] cps = string ? codePointStarts(v) : null;
            int units = string ? cps.length - 1 : v.len;
            if (ranges.size() == 1) {
                int[] se = bounds(ranges.get(0), units);
                int s = string ? cps[se[0]] : se[0];
                int e = string ? cps[se[1]] : se[1];
                out.addBytes(v.a, v.off + s, e - s, v.off + e, -1);
            } else {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                for (RangeNode r : ranges) {
                    int[] se = bounds(r, units);
                    int s = string ? cps[se[0]] : se[0];
                    int e = string ? cps[se[1]] : se[1];
                    b.write(v.a, v.off + s, e - s);
                }
                out.addBytes(b.toByteArray());
            }
        }
    }

    /** [start, end) of a range within {@code n} units, clipped. */
    private static int[] bounds(RangeNode r, int n) {
        long start = r.start() < 0 ? n + r.start() : r.start();
        long end = switch (r.kind()) {
            case SINGLE -> start + 1;
            case START_LENGTH -> start + r.lengthOrEnd();
            case START_END -> (r.lengthOrEnd() < 0 ? n + r.lengthOrEnd() : r.lengthOrEnd()) + 1;
            case TO_END -> n;
        };
        start = Math.max(0, Math.min(start, n));
        end = Math.max(start, Math.min(end, n));
        return new int[] {(int) start, (int) end};
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
