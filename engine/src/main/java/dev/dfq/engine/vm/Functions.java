package dev.dfq.engine.vm;

import dev.dfq.fields.FieldType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The display-filter functions of Wireshark 4.6.9. Argument checking is the compiler's; here is
 * what each computes over its argument registers (every value of every argument).
 */
public final class Functions {
    /** What a function is: name, arity, and its computation into an output register. */
    public record Def(String name, int minArgs, int maxArgs, Impl impl) {
    }

    @FunctionalInterface
    public interface Impl {
        /** Fills {@code out}; returns false when the function produced nothing. */
        boolean apply(List<Reg> args, Reg out);
    }

    private static final Map<String, Def> DEFS = Map.ofEntries(
            def("len", 1, 1, Functions::len),
            def("count", 1, 1, (args, out) -> {
                out.addNum(args.get(0).size);
                return true;
            }),
            def("upper", 1, 1, (args, out) -> caseMap(args.get(0), out, true)),
            def("lower", 1, 1, (args, out) -> caseMap(args.get(0), out, false)),
            def("string", 1, 1, Functions::string),
            def("max", 1, Integer.MAX_VALUE, (args, out) -> extreme(args, out, true)),
            def("min", 1, Integer.MAX_VALUE, (args, out) -> extreme(args, out, false)),
            def("abs", 1, 1, Functions::abs),
            def("dec", 1, 1, (args, out) -> base(args.get(0), out, false)),
            def("hex", 1, 1, (args, out) -> base(args.get(0), out, true)),
            def("float", 1, 1, Functions::toDouble),
            def("double", 1, 1, Functions::toDouble),
            def("ip_rfc1918", 1, 1, (args, out) -> ipTest(args.get(0), out, Functions::rfc1918)),
            def("ip_linklocal", 1, 1, (args, out) -> ipTest(args.get(0), out, Functions::linkLocal)),
            def("ip_multicast", 1, 1, (args, out) -> ipTest(args.get(0), out, Functions::multicast)),
            def("ip_ula", 1, 1, (args, out) -> ipTest(args.get(0), out, Functions::ula)),
            def("ip_special_name", 1, 1, Functions::specialName),
            def("ip_special_mask", 1, 1, Functions::specialMask));

    private Functions() {
    }

    private static Map.Entry<String, Def> def(String name, int min, int max, Impl impl) {
        return Map.entry(name, new Def(name, min, max, impl));
    }

    public static Def lookup(String name) {
        return DEFS.get(name);
    }

    private static boolean len(List<Reg> args, Reg out) {
        Reg a = args.get(0);
        for (int i = 0; i < a.size; i++) {
            out.addNum(length(a, i));
        }
        return out.size > 0;
    }

    /** len(): bytes, except for strings, whose length is in code points (4.6). */
    static long length(Reg r, int i) {
        ByteView v = r.bv[i];
        if (v == null) {
            return r.type.kind() == FieldType.Kind.IPV4 ? 4 : 0;
        }
        if (r.type.kind() != FieldType.Kind.STRING) {
            return v.len;
        }
        int n = 0;
        for (int k = 0; k < v.len; k++) {
            if ((v.at(k) & 0xC0) != 0x80) {
                n++;
            }
        }
        return n;
    }

    private static boolean caseMap(Reg a, Reg out, boolean upper) {
        for (int i = 0; i < a.size; i++) {
            ByteView v = a.bv[i];
            byte[] b = v.toArray();
            for (int k = 0; k < b.length; k++) {
                byte c = b[k];
                if (upper && c >= 'a' && c <= 'z') {
                    b[k] = (byte) (c - 32);
                } else if (!upper && c >= 'A' && c <= 'Z') {
                    b[k] = (byte) (c + 32);
                }
            }
            out.addBytes(b);
        }
        return out.size > 0;
    }

    private static boolean string(List<Reg> args, Reg out) {
        Reg a = args.get(0);
        for (int i = 0; i < a.size; i++) {
            out.addBytes(ValueText.dfilterRepr(a, i).getBytes(StandardCharsets.UTF_8));
        }
        return out.size > 0;
    }

    private static boolean extreme(List<Reg> args, Reg out, boolean max) {
        Reg best = null;
        int bi = -1;
        for (Reg a : args) {
            for (int i = 0; i < a.size; i++) {
                if (best == null) {
                    best = a;
                    bi = i;
                    continue;
                }
                int c = Compare.compare(a, i, best, bi);
                if (c != Compare.ERROR && (max ? c > 0 : c < 0)) {
                    best = a;
                    bi = i;
                }
            }
        }
        if (best == null) {
            return false;
        }
        out.addFrom(best, bi);
        return true;
    }

    private static boolean abs(List<Reg> args, Reg out) {
        Reg a = args.get(0);
        for (int i = 0; i < a.size; i++) {
            if (a.type.kind() == FieldType.Kind.FLOAT) {
                out.addNum(Double.doubleToRawLongBits(Math.abs(Double.longBitsToDouble(a.num[i]))));
            } else if (a.type.kind() == FieldType.Kind.SIGNED || a.type.kind() == FieldType.Kind.REL_TIME) {
                if (a.num[i] != Long.MIN_VALUE) {
                    out.addNum(Math.abs(a.num[i]));
                }
            } else {
                out.addNum(a.num[i]);
            }
        }
        return out.size > 0;
    }

    private static boolean base(Reg a, Reg out, boolean hex) {
        for (int i = 0; i < a.size; i++) {
            String s;
            if (hex) {
                int digits = Math.max(2, (a.type.bits() + 3) / 4);
                s = "0x" + String.format(Locale.ROOT, "%0" + digits + "x", a.num[i]);
            } else {
                s = Long.toUnsignedString(a.num[i]);
            }
            out.addBytes(s.getBytes(StandardCharsets.US_ASCII));
        }
        return out.size > 0;
    }

    private static boolean toDouble(List<Reg> args, Reg out) {
        Reg a = args.get(0);
        for (int i = 0; i < a.size; i++) {
            double d = switch (a.type.kind()) {
                case FLOAT -> Double.longBitsToDouble(a.num[i]);
                case UNSIGNED -> a.num[i] >= 0 ? a.num[i] : Long.parseUnsignedLong(Long.toUnsignedString(a.num[i])) * 1.0;
                case ABS_TIME, REL_TIME -> a.num[i] / 1e9;
                case BOOLEAN -> a.num[i] != 0 ? 1 : 0;
                default -> a.num[i];
            };
            out.addNum(Double.doubleToRawLongBits(d));
        }
        return out.size > 0;
    }

    private interface IpPredicate {
        boolean test(Reg r, int i);
    }

    /** ip_special_name(): the IANA special-purpose registry name of each address that has one. */
    private static boolean specialName(List<Reg> args, Reg out) {
        Reg a = args.get(0);
        for (int i = 0; i < a.size; i++) {
            String n = IpSpecial.name(a, i);
            if (n != null) {
                out.addBytes(n.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out.size > 0;
    }

    /** ip_special_mask(): the registry's flags as bits S D F G R (source, destination, forwardable, global, reserved). */
    private static boolean specialMask(List<Reg> args, Reg out) {
        Reg a = args.get(0);
        for (int i = 0; i < a.size; i++) {
            int m = IpSpecial.mask(a, i);
            if (m >= 0) {
                out.addNum(m);
            }
        }
        return out.size > 0;
    }

    private static boolean ipTest(Reg a, Reg out, IpPredicate p) {
        boolean any = false;
        for (int i = 0; i < a.size; i++) {
            boolean t = p.test(a, i);
            out.addNum(t ? 1 : 0);
            any |= t;
        }
        return any;
    }

    private static boolean rfc1918(Reg r, int i) {
        long v = r.num[i];
        return (v >>> 24) == 10 || (v >>> 20) == 0xAC1 || (v >>> 16) == 0xC0A8;
    }

    private static boolean linkLocal(Reg r, int i) {
        if (r.type.kind() == FieldType.Kind.IPV4) {
            return (r.num[i] >>> 16) == 0xA9FE;
        }
        ByteView v = r.bv[i];
        return (v.at(0) & 0xff) == 0xfe && (v.at(1) & 0xc0) == 0x80;
    }

    private static boolean multicast(Reg r, int i) {
        if (r.type.kind() == FieldType.Kind.IPV4) {
            return (r.num[i] >>> 28) == 0xE;
        }
        return (r.bv[i].at(0) & 0xff) == 0xff;
    }

    private static boolean ula(Reg r, int i) {
        return (r.bv[i].at(0) & 0xfe) == 0xfc;
    }
}
