package dev.dfq.engine.ftypes;

import dev.dfq.fields.FieldType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * A typed constant (Wireshark's fvalue_t) as the checker produces it. Numeric kinds (integers,
 * booleans, times in ns, doubles as raw bits, IPv4) live in {@code num}; byte-like kinds (strings,
 * bytes, protocols, IPv6) in {@code bytes}. {@code prefix} is the CIDR prefix of an address (32 or
 * 128 for a plain address). Immutable.
 */
public final class FValue {
    private final FieldType type;
    private final long num;
    private final byte[] bytes;
    private final int prefix;

    private FValue(FieldType type, long num, byte[] bytes, int prefix) {
        this.type = type;
        this.num = num;
        this.bytes = bytes;
        this.prefix = prefix;
    }

    public static FValue ofLong(FieldType type, long v) {
        return new FValue(type, v, null, type == FieldType.FT_IPv4 ? 32 : 0);
    }

    public static FValue ofDouble(FieldType type, double v) {
        return new FValue(type, Double.doubleToRawLongBits(v), null, 0);
    }

    public static FValue ofBytes(FieldType type, byte[] b) {
        return new FValue(type, 0, b.clone(), type == FieldType.FT_IPv6 ? 128 : 0);
    }

    public static FValue ofString(String s) {
        return new FValue(FieldType.FT_STRING, 0, s.getBytes(StandardCharsets.UTF_8), 0);
    }

    public static FValue ofIpv4(long addr, int prefix) {
        return new FValue(FieldType.FT_IPv4, addr & 0xffffffffL, null, prefix);
    }

    public static FValue ofIpv6(byte[] addr, int prefix) {
        return new FValue(FieldType.FT_IPv6, 0, addr.clone(), prefix);
    }

    public FieldType type() {
        return type;
    }

    public long num() {
        return num;
    }

    public double asDouble() {
        return Double.longBitsToDouble(num);
    }

    /** The value bytes (not a copy: callers must not modify). */
    public byte[] bytes() {
        return bytes;
    }

    public int prefix() {
        return prefix;
    }

    /** The same value relabelled with another type of the same representation. */
    public FValue withType(FieldType t) {
        return new FValue(t, num, bytes, prefix);
    }

    /** The textual representation dftest prints inside {@code FVALUE(...)} (without the type). */
    public String repr() {
        switch (type.kind()) {
            case BOOLEAN:
                return num != 0 ? "True" : "False";
            case UNSIGNED:
                return Long.toUnsignedString(num);
            case SIGNED:
                return Long.toString(num);
            case FLOAT:
                return formatDouble(asDouble());
            case ABS_TIME:
                return "\"" + formatAbsTime(num) + "\"";
            case REL_TIME:
                return formatRelTime(num);
            case STRING:
                return quote(bytes);
            case BYTES:
            case PROTOCOL:
                return hex(bytes, 0, bytes.length, ':');
            case IPV4:
                return ipv4(num) + (prefix < 32 ? "/" + prefix : "");
            case IPV6:
                return Ipv6.format(bytes) + (prefix < 128 ? "/" + prefix : "");
            default:
                return type.name();
        }
    }

    public static String ipv4(long a) {
        return ((a >>> 24) & 255) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
    }

    public static String hex(byte[] b, int off, int len, char sep) {
        StringBuilder sb = new StringBuilder(len * 3);
        for (int i = 0; i < len; i++) {
            if (i > 0 && sep != 0) {
                sb.append(sep);
            }
            int v = b[off + i] & 0xff;
            sb.append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 15, 16));
        }
        return sb.toString();
    }

    /** A string in double quotes with C escapes for quotes, backslashes and control bytes. */
    public static String quote(byte[] b) {
        StringBuilder sb = new StringBuilder("\"");
        String s = new String(b, StandardCharsets.UTF_8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 0 -> sb.append("\\0");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** printf("%.15g")-like shortest form as Wireshark prints doubles in dftest. */
    public static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = Double.toString(d);
        if (s.contains("E")) {
            java.math.BigDecimal bd = new java.math.BigDecimal(s);
            double abs = Math.abs(d);
            if (abs >= 1e-4 && abs < 1e15) {
                return bd.toPlainString();
            }
            int exp = Integer.parseInt(s.substring(s.indexOf('E') + 1));
            String mant = s.substring(0, s.indexOf('E'));
            if (mant.endsWith(".0")) {
                mant = mant.substring(0, mant.length() - 2);
            }
            return mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
        }
        return s;
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    public static String formatAbsTime(long ns) {
        long sec = Math.floorDiv(ns, 1_000_000_000L);
        long frac = Math.floorMod(ns, 1_000_000_000L);
        return ISO.format(Instant.ofEpochSecond(sec)) + String.format(".%09d+0000", frac);
    }

    public static String formatRelTime(long ns) {
        String sign = ns < 0 ? "-" : "";
        long a = Math.abs(ns);
        return sign + (a / 1_000_000_000L) + String.format(".%09d", a % 1_000_000_000L);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FValue f && f.type == type && f.num == num && f.prefix == prefix && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(num) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return repr() + " <" + type.name() + ">";
    }
}
