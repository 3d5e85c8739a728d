package dev.dfq.engine.vm;

import dev.dfq.engine.compile.Ranges;
import dev.dfq.fields.FieldType;
import dev.dfq.fields.FieldType.Kind;
import dev.dfq.grammar.ast.Node.RangeNode;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * SLICE and LENGTH. Byte-like values slice by byte (protocols within their own length), strings by
 * code point (4.6); addresses slice their network-order bytes. One range is a zero-copy window;
 * several are concatenated. Out-of-range parts yield what was gathered (possibly nothing).
 */
final class Slices {
    private Slices() {
    }

    static void slice(Reg in, List<RangeNode> ranges, Reg out, int[] tmp) {
        out.clear();
        boolean string = in.type.kind() == Kind.STRING;
        out.type = string ? FieldType.FT_STRING : FieldType.FT_BYTES;
        for (int i = 0; i < in.n; i++) {
            byte[] data;
            int off;
            int len;
            switch (in.type.kind()) {
                case IPV4 -> {
                    long v = in.num[i];
                    data = new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
                    off = 0;
                    len = 4;
                }
                default -> {
                    data = in.obj[i];
                    off = in.off[i];
                    len = in.len[i];
                }
            }
            if (string) {
                sliceString(data, off, len, ranges, out, tmp);
                continue;
            }
            if (ranges.size() == 1) {
                if (Ranges.resolve(ranges.get(0), len, tmp)) {
                    out.addBytes(data, off + tmp[0], tmp[1], tmp[1]);
                } else {
                    out.addBytes(data, off, 0, 0);
                }
                continue;
            }
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            for (RangeNode rn : ranges) {
                if (!Ranges.resolve(rn, len, tmp)) {
                    break;
                }
                bo.write(data, off + tmp[0], tmp[1]);
            }
            byte[] b = bo.toByteArray();
            out.addBytes(b, 0, b.length, b.length);
        }
    }

    private static void sliceString(byte[] data, int off, int len, List<RangeNode> ranges, Reg out, int[] tmp) {
        int cps = codePoints(data, off, len);
        if (ranges.size() == 1 && cps == len) {
            if (Ranges.resolve(ranges.get(0), len, tmp)) {
                out.addBytes(data, off + tmp[0], tmp[1], tmp[1]);
            } else {
                out.addBytes(data, off, 0, 0);
            }
            return;
        }
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        for (RangeNode rn : ranges) {
            if (!Ranges.resolve(rn, cps, tmp)) {
                break;
            }
            int s = byteOffset(data, off, len, tmp[0]);
            int e = byteOffset(data, off, len, tmp[0] + tmp[1]);
            bo.write(data, s, e - s);
        }
        byte[] b = bo.toByteArray();
        out.addBytes(b, 0, b.length, b.length);
    }

    static int codePoints(byte[] d, int off, int len) {
        int n = 0;
        for (int i = off; i < off + len; i++) {
            if ((d[i] & 0xc0) != 0x80) {
                n++;
            }
        }
        return n;
    }

    private static int byteOffset(byte[] d, int off, int len, int cp) {
        int n = 0;
        for (int i = off; i < off + len; i++) {
            if ((d[i] & 0xc0) != 0x80) {
                if (n == cp) {
                    return i;
                }
                n++;
            }
        }
        return off + len;
    }

    static void length(Reg in, Reg out) {
        out.clear();
        out.type = FieldType.FT_UINT32;
        for (int i = 0; i < in.n; i++) {
            int l = switch (in.type.kind()) {
                case IPV4 -> 4;
                case IPV6 -> 16;
                case STRING -> codePoints(in.obj[i], in.off[i], in.len[i]);
                default -> in.len[i];
            };
            out.addNum(l, 0);
        }
    }
}
