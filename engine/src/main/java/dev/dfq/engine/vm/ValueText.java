package dev.dfq.engine.vm;

import dev.dfq.fields.FieldType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Text forms of values: as dftest shows constants, and as {@code string()} renders values. */
public final class ValueText {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ValueText() {
    }

    /** The value as a filter would write it (Wireshark's FTREPR_DFILTER), used by string(). */
    public static String dfilterRepr(Reg r, int i) {
        FieldType t = r.type;
        switch (t.kind()) {
            case UNSIGNED:
                return Long.toUnsignedString(r.num[i]);
            case SIGNED:
                return Long.toString(r.num[i]);
            case BOOLEAN:
                return r.num[i] != 0 ? "1" : "0";
            case FLOAT:
                return formatDouble(Double.longBitsToDouble(r.num[i]));
            case REL_TIME:
                return relTime(r.num[i]);
            case ABS_TIME:
                return "\"" + absTime(r.num[i]) + "\"";
            case IPV4:
                return ipv4(r.num[i], r.prefix[i]);
            case IPV6:
                return ipv6(r.bv[i].toArray(), r.prefix[i]);
            case STRING:
                return r.bv[i].utf8();
            default:
                return r.bv[i] == null ? "" : bytes(r.bv[i], t == FieldType.FT_ETHER ? ':' : ':', false);
        }
    }

    /** A constant as dftest prints it inside FVALUE(...), without the type. */
    public static String dftestRepr(Reg r, int i) {
        FieldType t = r.type;
        return switch (t.kind()) {
            case STRING -> "\"" + escape(r.bv[i].utf8()) + "\"";
            case BYTES, PROTOCOL, OTHER -> t == FieldType.FT_ETHER ? bytes(r.bv[i], ':', false) : bytes(r.bv[i], ':', true);
            case ABS_TIME -> "\"" + absTime(r.num[i]) + "\"";
            case BOOLEAN -> r.num[i] != 0 ? "True" : "False";
            default -> dfilterRepr(r, i);
        };
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\0' -> sb.append("\\0");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Hex bytes joined by sep; a single byte keeps a trailing separator as Wireshark prints it. */
    public static String bytes(ByteView v, char sep, boolean trailingForOne) {
        StringBuilder sb = new StringBuilder(v.len * 3);
        for (int k = 0; k < v.len; k++) {
            if (k > 0) {
                sb.append(sep);
            }
            sb.append(Character.forDigit((v.at(k) >> 4) & 0xf, 16)).append(Character.forDigit(v.at(k) & 0xf, 16));
        }
        if (v.len == 1 && trailingForOne) {
            sb.append(sep);
        }
        return sb.toString();
    }

    public static String relTime(long ns) {
        String sign = ns < 0 ? "-" : "";
        long a = Math.abs(ns);
        return sign + (a / 1_000_000_000L) + "." + nanos(a % 1_000_000_000L);
    }

    /** Nine digits, as "%09d" (by hand: String.format was most of the time of -T fields output). */
    public static String nanos(long n) {
        return n < 0 ? String.format(Locale.ROOT, "%09d", n) : zeroPad(Long.toString(n), 9);
    }

    /** {@code digits} left-padded with zeros to {@code width}. */
    public static String zeroPad(String digits, int width) {
        if (digits.length() >= width) {
            return digits;
        }
        StringBuilder b = new StringBuilder(width);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    public static String absTime(long ns) {
        long sec = Math.floorDiv(ns, 1_000_000_000L);
        long frac = Math.floorMod(ns, 1_000_000_000L);
        return ISO.format(Instant.ofEpochSecond(sec)) + "." + nanos(frac) + "+0000";
    }

    public static String ipv4(long v, int prefix) {
        String s = ((v >>> 24) & 0xff) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
        return prefix >= 0 && prefix < 32 ? s + "/" + prefix : s;
    }

    public static String ipv6(byte[] a, int prefix) {
        String s = dev.dfq.fields.Ipv6Text.format(a);
        return prefix >= 0 && prefix < 128 ? s + "/" + prefix : s;
    }

    /** Like C's %g with enough digits to round-trip (Wireshark prints doubles with %.15g-ish). */
    public static String formatDouble(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = String.format(Locale.ROOT, "%.15g", d);
        if (s.contains("e")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
