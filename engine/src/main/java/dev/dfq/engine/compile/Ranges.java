package dev.dfq.engine.compile;

import dev.dfq.grammar.ast.Node.RangeKind;
import dev.dfq.grammar.ast.Node.RangeNode;

import java.util.List;

/** drange text and resolution (slices and layers). */
public final class Ranges {
    private Ranges() {
    }

    /** As Wireshark's drange_tostr prints it: {@code 37:1}, {@code 0:}, {@code 2-3}. */
    public static String toText(List<RangeNode> ranges) {
        StringBuilder sb = new StringBuilder();
        for (RangeNode r : ranges) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            switch (r.kind()) {
                case START_LENGTH -> sb.append(r.start()).append(':').append(r.lengthOrEnd());
                case SINGLE -> sb.append(r.start()).append(":1");
                case TO_END -> sb.append(r.start()).append(':');
                case START_END -> sb.append(r.start()).append('-').append(r.lengthOrEnd());
                default -> throw new IllegalStateException();
            }
        }
        return sb.toString();
    }

    /**
     * Resolves a range against a sequence of {@code total} elements into {@code out[0]=start,
     * out[1]=length}; returns false if it selects nothing (start out of range).
     */
    public static boolean resolve(RangeNode r, int total, int[] out) {
        long start = r.start();
        if (start < 0) {
            start += total;
            if (start < 0) {
                return false;
            }
        }
        if (start > total) {
            return false;
        }
        long len;
        switch (r.kind()) {
            case START_LENGTH -> len = r.lengthOrEnd();
            case SINGLE -> len = 1;
            case TO_END -> len = total - start;
            case START_END -> {
                long end = r.lengthOrEnd();
                if (end < 0) {
                    end += total;
                }
                len = end - start + 1;
            }
            default -> throw new IllegalStateException();
        }
        if (len < 0) {
            return false;
        }
        if (start + len > total) {
            len = total - start;
        }
        out[0] = (int) start;
        out[1] = (int) len;
        return true;
    }

    /** The layer-list form: a single {@code #n} is {@code n:1}. */
    public static boolean isSingle(RangeNode r) {
        return r.kind() == RangeKind.SINGLE;
    }
}
