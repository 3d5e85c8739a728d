package dev.dfq.engine.vm;

import dev.dfq.engine.ftypes.FValue;
import dev.dfq.engine.ftypes.Ipv6;
import dev.dfq.fields.FieldType;
import dev.dfq.fields.FieldType.Kind;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The run-time side of the filter functions: arguments are registers on the stack. */
final class FunctionsRuntime {
    private FunctionsRuntime() {
    }

    static boolean call(Insn in, Reg[] stack, int base, int n, Reg out, Program p) {
        out.clear();
        String name = in.func.name();
        Reg a = stack[base];
        out.type = in.type;
        switch (name) {
            case "count" -> {
                out.addNum(a.n, 0);
                return true;
            }
            case "upper", "lower" -> {
                for (int i = 0; i < a.n; i++) {
                    byte[] b = new byte[a.len[i]];
                    for (int k = 0; k < b.length; k++) {
                        byte c = a.obj[i][a.off[i] + k];
                        if (name.equals("upper") && c >= 'a' && c <= 'z') {
                            c -= 32;
                        } else if (name.equals("lower") && c >= 'A' && c <= 'Z') {
                            c += 32;
                        }
                        b[k] = c;
                    }
                    out.addBytes(b, 0, b.length, b.length);
                }
            }
            case "string" -> {
                for (int i = 0; i < a.n; i++) {
                    addString(out, toText(a, i));
                }
            }
            case "dec" -> {
                for (int i = 0; i < a.n; i++) {
                    addString(out, Long.toUnsignedString(a.num[i]));
                }
            }
            case "hex" -> {
                int digits = Math.max(1, (a.type.bits() + 3) / 4);
                for (int i = 0; i < a.n; i++) {
                    String h = Long.toHexString(a.num[i]);
                    while (h.length() < digits) {
                        h = "0" + h;
                    }
                    addString(out, "0x" + h);
                }
            }
            case "float", "double" -> {
                out.type = FieldType.FT_DOUBLE;
                for (int i = 0; i < a.n; i++) {
                    double d = switch (a.type.kind()) {
                        case FLOAT -> Double.longBitsToDouble(a.num[i]);
                        case SIGNED -> (double) a.num[i];
                        case REL_TIME, ABS_TIME -> a.num[i] / 1e9;
                        case BOOLEAN -> a.num[i] != 0 ? 1 : 0;
                        default -> a.aux[i] != 0 ? (double) a.num[i] : unsignedToDouble(a.num[i]);
                    };
                    out.addNum(Double.doubleToRawLongBits(d), 0);
                }
            }
            case "abs" -> {
                out.type = a.type;
                for (int i = 0; i < a.n; i++) {
                    switch (a.type.kind()) {
                        case FLOAT -> out.addNum(Double.doubleToRawLongBits(Math.abs(Double.longBitsToDouble(a.num[i]))), 0);
                        case SIGNED, REL_TIME -> {
                            if (a.num[i] != Long.MIN_VALUE) {
                                out.addNum(Math.abs(a.num[i]), a.aux[i]);
                            }
                        }
                        default -> {
                            if (a.aux[i] != 0 && a.num[i] < 0) {
                                if (a.num[i] != Long.MIN_VALUE) {
                                    out.addNum(-a.num[i], 1);
                                }
                            } else {
                                out.addNum(a.num[i], a.aux[i]);
                            }
                        }
                    }
                }
            }
            case "max", "min" -> {
                boolean max = name.equals("max");
                Reg best = null;
                int bi = 0;
                for (int k = 0; k < n; k++) {
                    Reg r = stack[base + k];
                    for (int i = 0; i < r.n; i++) {
                        if (best == null) {
                            best = r;
                            bi = i;
                            continue;
                        }
                        int c = Compare.compare(r, i, best, bi);
                        if (c != Compare.ERROR && (max ? c > 0 : c < 0)) {
                            best = r;
                            bi = i;
                        }
                    }
                }
                if (best == null) {
                    return false;
                }
                out.type = stack[base].type;
                out.addFrom(best, bi);
            }
            case "ip_rfc1918", "ip_ula", "ip_linklocal", "ip_multicast" -> {
                for (int i = 0; i < a.n; i++) {
                    out.addNum(ipTest(name, a, i) ? 1 : 0, 0);
                }
            }
            case "ip_special_name" -> {
                for (int i = 0; i < a.n; i++) {
                    String s = IpSpecial.name(a, i);
                    if (s != null) {
                        addString(out, s);
                    }
                }
            }
            case "ip_special_mask" -> {
                for (int i = 0; i < a.n; i++) {
                    int m = IpSpecial.mask(a, i);
                    if (m >= 0) {
                        out.addNum(m, 0);
                    }
                }
            }
            default -> throw new IllegalStateException(name);
        }
        return out.n > 0;
    }

    private static double unsignedToDouble(long v) {
        double d = (double) (v >>> 1) * 2.0;
        return d + (v & 1);
    }

    private static void addString(Reg out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.addBytes(b, 0, b.length, b.length);
    }

    static String toText(Reg a, int i) {
        FieldType t = a.type;
        return switch (t.kind()) {
            case UNSIGNED -> Long.toUnsignedString(a.num[i]);
            case SIGNED -> Long.toString(a.num[i]);
            case BOOLEAN -> a.num[i] != 0 ? "1" : "0";
            case FLOAT -> FValue.formatDouble(Double.longBitsToDouble(a.num[i]));
            case IPV4 -> FValue.ipv4(a.num[i]);
            case IPV6 -> Ipv6.format(java.util.Arrays.copyOfRange(a.obj[i], a.off[i], a.off[i] + 16));
            case REL_TIME -> FValue.formatRelTime(a.num[i]);
            case ABS_TIME -> FValue.formatAbsTime(a.num[i]);
            default -> FValue.hex(a.obj[i], a.off[i], a.len[i], ':').toLowerCase(Locale.ROOT);
        };
    }

    private static boolean ipTest(String name, Reg a, int i) {
        if (a.type.kind() == Kind.IPV4) {
            long v = a.num[i];
            return switch (name) {
                case "ip_rfc1918" -> (v >>> 24) == 10 || (v >>> 20) == (172 << 4 | 1) || (v >>> 16) == (192 << 8 | 168);
                case "ip_linklocal" -> (v >>> 16) == (169 << 8 | 254);
                case "ip_multicast" -> (v >>> 28) == 0xe;
                default -> false;
            };
        }
        byte[] b = a.obj[i];
        int o = a.off[i];
        return switch (name) {
            case "ip_ula" -> (b[o] & 0xfe) == 0xfc;
            case "ip_linklocal" -> (b[o] & 0xff) == 0xfe && (b[o + 1] & 0xc0) == 0x80;
            case "ip_multicast" -> (b[o] & 0xff) == 0xff;
            default -> false;
        };
    }
}
