package dev.dfq.engine.ftypes;

import dev.dfq.fields.FieldType;
import dev.dfq.fields.FieldType.Kind;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Wireshark 4.6.9's conversions of filter literals to typed values (the ftype
 * {@code val_from_literal}, {@code val_from_string}, {@code val_from_charconst} and the
 * integer/float NUMBER conversions), with its exact error messages.
 */
public final class Literals {
    private Literals() {
    }

    // ---------------------------------------------------------------- unquoted words (literals)

    /**
     * Parses an unquoted word by the type it is compared with. {@code partial} allows byte strings of
     * any length for ether-like types (contains/matches).
     */
    public static FValue fromLiteral(FieldType t, String s, boolean partial) throws ConversionException {
        switch (t.kind()) {
            case UNSIGNED:
            case SIGNED:
                return integer(t, s);
            case BOOLEAN: {
                String l = s.toLowerCase(Locale.ROOT);
                if (l.equals("true")) {
                    return FValue.ofLong(t, 1);
                }
                if (l.equals("false")) {
                    return FValue.ofLong(t, 0);
                }
                FValue v = tryInteger(FieldType.FT_UINT64, s);
                if (v != null) {
                    return FValue.ofLong(t, v.num() != 0 ? 1 : 0);
                }
                throw cannot(s, t);
            }
            case FLOAT: {
                Double d = parseDouble(s);
                if (d == null) {
                    throw cannot(s, t);
                }
                return FValue.ofDouble(t, d);
            }
            case REL_TIME: {
                Long ns = parseRelTime(s);
                if (ns == null) {
                    throw cannot(s, t);
                }
                return FValue.ofLong(t, ns);
            }
            case ABS_TIME:
                return absTime(t, s);
            case STRING:
                return FValue.ofBytes(t, s.getBytes(StandardCharsets.UTF_8));
            case PROTOCOL: {
                byte[] b = Bytes.parse(s);
                if (b == null) {
                    throw new ConversionException("\"" + s + "\" is not a valid byte string.");
                }
                return FValue.ofBytes(t, b);
            }
            case BYTES:
                return bytesLike(t, s, partial);
            case IPV4:
                return ipv4(s);
            case IPV6:
                return ipv6(s);
            default:
                throw cannot(s, t);
        }
    }

    private static FValue bytesLike(FieldType t, String s, boolean partial) throws ConversionException {
        byte[] b = s.matches("[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}") ? Bytes.parse(s.replace(".", "")) : Bytes.parse(s);
        if (t == FieldType.FT_ETHER) {
            if (b == null) {
                throw new ConversionException("\"" + s + "\" is not a valid Ethernet address.");
            }
            if (!partial && b.length < 6) {
                throw new ConversionException("\"" + s + "\" contains too few bytes to be a valid Ethernet address.");
            }
            if (!partial && b.length > 6) {
                throw new ConversionException("\"" + s + "\" contains too many bytes to be a valid Ethernet address.");
            }
            return FValue.ofBytes(t, b);
        }
        if (b == null) {
            throw new ConversionException("\"" + s + "\" is not a valid byte string.");
        }
        return FValue.ofBytes(t, b);
    }

    static FieldType bytesLiteralType(FieldType t) {
        return t;
    }

    // ---------------------------------------------------------------- numbers

    /** An integer NUMBER token ({@code text} as written, {@code value} its magnitude). */
    public static FValue fromInteger(FieldType t, String text, BigInteger value) throws ConversionException {
        switch (t.kind()) {
            case UNSIGNED:
            case SIGNED:
                return integer(t, text);
            case BOOLEAN:
                return FValue.ofLong(t, value.signum() != 0 ? 1 : 0);
            case FLOAT:
                return FValue.ofDouble(t, value.doubleValue());
            case REL_TIME:
                return FValue.ofLong(t, value.multiply(BigInteger.valueOf(1_000_000_000L)).longValue());
            case ABS_TIME:
                return FValue.ofLong(t, value.multiply(BigInteger.valueOf(1_000_000_000L)).longValue());
            case BYTES:
                if (t == FieldType.FT_BYTES || t == FieldType.FT_UINT_BYTES) {
                    if (value.compareTo(BigInteger.valueOf(255)) > 0) {
                        throw new ConversionException(text + " is too large for a byte value");
                    }
                    return FValue.ofBytes(FieldType.FT_BYTES, new byte[] {(byte) value.intValue()});
                }
                break;
            default:
                break;
        }
        throw new ConversionException("Unsigned integer " + value + " cannot be converted to " + t.displayName() + ".");
    }

    /** A float NUMBER token. */
    public static FValue fromFloat(FieldType t, String text, double value) throws ConversionException {
        switch (t.kind()) {
            case FLOAT:
                return FValue.ofDouble(t, value);
            case REL_TIME:
            case ABS_TIME:
                return FValue.ofLong(t, Math.round(value * 1e9));
            default:
                throw new ConversionException("Double " + FValue.formatDouble(value) + " cannot be converted to "
                        + t.displayName() + ".");
        }
    }

    /** Integer literal text (dec, octal, hex, binary) checked against the type's range. */
    public static FValue integer(FieldType t, String s) throws ConversionException {
        BigInteger v = parseBigInteger(s);
        String low = s.toLowerCase(Locale.ROOT);
        if (v == null && (low.equals("nan") || low.equals("inf") || low.equals("infinity"))) {
            throw new ConversionException("Double " + (low.equals("nan") ? "nan" : "inf") + " cannot be converted to "
                    + t.displayName() + ".");
        }
        if (v != null && v.bitLength() > 64) {
            throw cannot(s, t);
        }
        if (v == null) {
            throw cannot(s, t);
        }
        if (t.kind() == Kind.UNSIGNED) {
            if (v.signum() < 0) {
                throw cannot(s, t);
            }
            BigInteger max = BigInteger.ONE.shiftLeft(t.bits()).subtract(BigInteger.ONE);
            if (v.compareTo(max) > 0) {
                if (t.bits() == 64) {
                    throw cannot(s, t);
                }
                throw new ConversionException("\"" + s + "\" too big for this field, maximum " + max + ".");
            }
            return FValue.ofLong(t, v.longValue());
        }
        BigInteger max = BigInteger.ONE.shiftLeft(t.bits() - 1).subtract(BigInteger.ONE);
        BigInteger min = BigInteger.ONE.shiftLeft(t.bits() - 1).negate();
        if (v.compareTo(max) > 0) {
            if (t.bits() == 64) {
                throw cannot(s, t);
            }
            throw new ConversionException("\"" + s + "\" too big for this field, maximum " + max + ".");
        }
        if (v.compareTo(min) < 0) {
            if (t.bits() == 64) {
                throw cannot(s, t);
            }
            throw new ConversionException("\"" + s + "\" too small for this field, minimum " + min + ".");
        }
        return FValue.ofLong(t, v.longValue());
    }

    private static FValue tryInteger(FieldType t, String s) {
        try {
            return integer(t, s);
        } catch (ConversionException e) {
            return null;
        }
    }

    /** strtoull base 0 plus 0b; null if not entirely a number. */
    public static BigInteger parseBigInteger(String s) {
        String t = s;
        boolean neg = false;
        if (t.startsWith("-")) {
            neg = true;
            t = t.substring(1);
        } else if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return null;
        }
        int radix = 10;
        if (t.length() > 2 && (t.startsWith("0x") || t.startsWith("0X"))) {
            radix = 16;
            t = t.substring(2);
        } else if (t.length() > 2 && (t.startsWith("0b") || t.startsWith("0B"))) {
            radix = 2;
            t = t.substring(2);
        } else if (t.length() > 1 && t.startsWith("0")) {
            radix = 8;
            t = t.substring(1);
        }
        for (int i = 0; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), radix) < 0) {
                return null;
            }
        }
        BigInteger v = new BigInteger(t, radix);
        return neg ? v.negate() : v;
    }

    public static Double parseDouble(String s) {
        if (s.isEmpty() || !(Character.isDigit(s.charAt(0)) || s.charAt(0) == '-' || s.charAt(0) == '+' || s.charAt(0) == '.')) {
            String l = s.toLowerCase(Locale.ROOT);
            if (l.equals("inf") || l.equals("infinity")) {
                return Double.POSITIVE_INFINITY;
            }
            if (l.equals("nan")) {
                return Double.NaN;
            }
            return null;
        }
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                if (s.contains("p") || s.contains("P")) {
                    return Double.parseDouble(s);
                }
                BigInteger b = parseBigInteger(s);
                return b == null ? null : b.doubleValue();
            }
            if (s.endsWith("d") || s.endsWith("f") || s.endsWith("D") || s.endsWith("F")) {
                return null;
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** [-]sec[.frac] or a float; nanoseconds. */
    public static Long parseRelTime(String s) {
        Double d = parseDouble(s);
        if (d == null || d.isNaN() || d.isInfinite()) {
            return null;
        }
        if (s.matches("-?[0-9]+(\\.[0-9]*)?")) {
            boolean neg = s.startsWith("-");
            String a = neg ? s.substring(1) : s;
            int dot = a.indexOf('.');
            long sec = Long.parseLong(dot < 0 ? a : a.substring(0, dot));
            String frac = dot < 0 ? "" : a.substring(dot + 1);
            frac = (frac + "000000000").substring(0, 9);
            long ns = sec * 1_000_000_000L + Long.parseLong(frac);
            return neg ? -ns : ns;
        }
        return Math.round(d * 1e9);
    }

    // ---------------------------------------------------------------- time

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private static final java.util.Map<String, Integer> ZONES = java.util.Map.of("UTC", 0, "GMT", 0,
            "EST", -5, "EDT", -4, "CST", -6, "CDT", -5, "MST", -7, "MDT", -6, "PST", -8, "PDT", -7);

    /** Named or military time zone offset in hours, or null. */
    static Integer zoneHours(String z) {
        Integer h = ZONES.get(z.toUpperCase(Locale.ROOT));
        if (h != null || z.length() != 1) {
            return h;
        }
        char c = Character.toUpperCase(z.charAt(0));
        if (c >= 'A' && c <= 'I') {
            return c - 'A' + 1;
        }
        if (c >= 'K' && c <= 'M') {
            return c - 'K' + 10;
        }
        if (c >= 'N' && c <= 'Y') {
            return -(c - 'N' + 1);
        }
        return null;
    }

    public static FValue absTime(FieldType t, String s) throws ConversionException {
        if (s.trim().matches("\\d{4}-\\d{1,2}-\\d{1,2}[T ]\\d{1,2}:\\d{2}\\.\\d+.*")) {
            throw new ConversionException("Subsecond precision requires a seconds field.");
        }
        java.util.regex.Matcher zm = java.util.regex.Pattern.compile("(.*\\d)\\s+([A-Za-z]{1,3})").matcher(s.trim());
        if (zm.matches() && zoneHours(zm.group(2)) != null && !zm.group(2).equalsIgnoreCase("UTC")) {
            Long base = parseAbsTime(zm.group(1));
            if (base != null) {
                return FValue.ofLong(t, base - zoneHours(zm.group(2)) * 3600L * 1_000_000_000L);
            }
        }
        Long ns = parseAbsTime(s.trim());
        if (ns == null) {
            throw new ConversionException("\"" + s + "\" is not a valid absolute time. Example: \"Nov 12, 1999 08:55:44.123\" or \"2011-07-04 12:34:56\"");
        }
        return FValue.ofLong(t, ns);
    }

    static Long parseAbsTime(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?)?\\s*(Z|UTC|[+-]\\d{2}(?::?\\d{2})?)?")
                .matcher(s);
        if (m.matches()) {
            return build(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4), m.group(5), m.group(6), m.group(7), m.group(8));
        }
        m = java.util.regex.Pattern.compile(
                "([A-Za-z]{3})\\s+(\\d{1,2}),\\s*(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?)?\\s*(UTC|Z)?")
                .matcher(s);
        if (m.matches()) {
            int mon = -1;
            for (int i = 0; i < 12; i++) {
                if (MONTHS[i].equalsIgnoreCase(m.group(1))) {
                    mon = i + 1;
                }
            }
            if (mon < 0) {
                return null;
            }
            return build(Integer.parseInt(m.group(3)), mon, Integer.parseInt(m.group(2)),
                    m.group(4), m.group(5), m.group(6), m.group(7), m.group(8));
        }
        BigInteger i = parseBigInteger(s);
        if (i != null && !s.startsWith("0x")) {
            return i.longValue() * 1_000_000_000L;
        }
        Double d = s.matches("[0-9]+\\.[0-9]*") ? parseDouble(s) : null;
        if (d != null) {
            return parseRelTime(s);
        }
        return null;
    }

    private static Long build(int y, int mo, int d, String h, String mi, String sec, String frac, String zone) {
        try {
            LocalDateTime t = LocalDateTime.of(y, mo, d, h == null ? 0 : Integer.parseInt(h),
                    mi == null ? 0 : Integer.parseInt(mi), sec == null ? 0 : Integer.parseInt(sec));
            long epoch = t.toEpochSecond(ZoneOffset.UTC);
            if (zone != null && (zone.startsWith("+") || zone.startsWith("-"))) {
                String z = zone.replace(":", "");
                int hh = Integer.parseInt(z.substring(1, 3));
                int mm = z.length() >= 5 ? Integer.parseInt(z.substring(3, 5)) : 0;
                int off = (hh * 3600 + mm * 60) * (zone.startsWith("-") ? -1 : 1);
                epoch -= off;
            }
            long ns = 0;
            if (frac != null) {
                String f = (frac + "000000000").substring(0, 9);
                ns = Long.parseLong(f);
            }
            return epoch * 1_000_000_000L + ns;
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- addresses

    /** Dotted quad to a 32-bit value, or -1. */
    public static long parseDottedQuad(String s) {
        String[] p = s.split("\\.", -1);
        if (p.length != 4) {
            return -1;
        }
        long v = 0;
        for (String x : p) {
            if (x.isEmpty() || x.length() > 3 || !x.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int o = Integer.parseInt(x);
            if (o > 255) {
                return -1;
            }
            v = (v << 8) | o;
        }
        return v;
    }

    public static FValue ipv4(String s) throws ConversionException {
        String addr = s;
        int prefix = 32;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            addr = s.substring(0, slash);
            String p = s.substring(slash + 1);
            if (p.isEmpty() || !p.chars().allMatch(Character::isDigit) || p.length() > 9) {
                throw new ConversionException("\"" + p + "\" is not a valid number.");
            }
            prefix = Integer.parseInt(p);
            if (prefix > 32) {
                throw new ConversionException("Netmask bits in a CIDR IPv4 address should be <= 32, not " + prefix);
            }
        }
        long v = parseDottedQuad(addr);
        if (v < 0) {
            throw new ConversionException("\"" + addr + "\" is not a valid hostname or IPv4 address.");
        }
        long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        return FValue.ofIpv4(v & mask, prefix);
    }

    public static FValue ipv6(String s) throws ConversionException {
        String addr = s;
        int prefix = 128;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            addr = s.substring(0, slash);
            String p = s.substring(slash + 1);
            if (p.isEmpty() || !p.chars().allMatch(Character::isDigit) || p.length() > 9) {
                throw new ConversionException("\"" + p + "\" is not a valid number.");
            }
            prefix = Integer.parseInt(p);
            if (prefix > 128) {
                throw new ConversionException("Prefix in a IPv6 address should be <= 128, not " + prefix);
            }
        }
        byte[] b = Ipv6.parse(addr);
        if (b == null) {
            throw new ConversionException("\"" + addr + "\" is not a valid hostname or IPv6 address.");
        }
        return FValue.ofIpv6(b, prefix);
    }

    // ---------------------------------------------------------------- quoted strings, chars

    /** A double-quoted string compared with a value of type t. */
    public static FValue fromString(FieldType t, byte[] value) throws ConversionException {
        switch (t.kind()) {
            case STRING:
                return FValue.ofBytes(t, value);
            case PROTOCOL:
                return FValue.ofBytes(t, value);
            case BYTES:
                return FValue.ofBytes(t == FieldType.FT_ETHER ? FieldType.FT_BYTES : t, value);
            case ABS_TIME:
                return absTime(t, new String(value, StandardCharsets.UTF_8));
            default:
                throw new ConversionException(t.displayName() + " cannot be converted from a string (\""
                        + new String(value, StandardCharsets.UTF_8) + "\").");
        }
    }

    public static FValue fromChar(FieldType t, long c, String source) throws ConversionException {
        switch (t.kind()) {
            case UNSIGNED:
            case SIGNED:
                if (c > t.maxValue() && t.kind() == Kind.SIGNED || t.kind() == Kind.UNSIGNED && t.bits() < 64 && c > t.maxValue()) {
                    throw new ConversionException("\"" + c + "\" too big for this field, maximum " + t.maxValue() + ".");
                }
                return FValue.ofLong(t, c);
            case STRING:
                return FValue.ofBytes(t, new String(Character.toChars((int) c)).getBytes(StandardCharsets.UTF_8));
            case BYTES:
            case PROTOCOL:
                if (c <= 255) {
                    return FValue.ofBytes(t == FieldType.FT_ETHER ? FieldType.FT_BYTES : t, new byte[] {(byte) c});
                }
                break;
            default:
                break;
        }
        throw new ConversionException("Character constant " + source + " (0x" + Long.toHexString(c)
                + ") cannot be converted to " + t.displayName() + ".");
    }

    public static ConversionException cannot(String s, FieldType t) {
        return new ConversionException("\"" + s + "\" cannot be converted to " + t.displayName() + ".");
    }
}
