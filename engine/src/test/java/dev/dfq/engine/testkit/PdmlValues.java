package dev.dfq.engine.testkit;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns a PDML item's {@code show} (and, where needed, {@code value}) attribute into the value
 * representation {@link dev.dfq.fields.FieldStore} documents, by the field's type:
 *
 * <ul>
 *   <li>integers: {@code show} is decimal, or {@code 0x...} for hex bases (BASE_OCT shows decimal
 *       in 4.6 PDML); when {@code show} is not numeric (custom formatting), a bitmasked field falls
 *       back to {@code value}, which tshark writes as the masked, shifted value in hex;
 *   <li>booleans: {@code True}/{@code False} → 1/0;
 *   <li>FT_FLOAT: parsed as a float and widened, FT_DOUBLE as a double; stored as raw double bits;
 *   <li>absolute times: ISO 8601 ({@code ...+0000} or {@code ...Z}), epoch seconds
 *       ({@code frame.time_epoch}) or "Dec 31, 2002 13:55:31.300000000 UTC" → ns since the epoch;
 *   <li>relative times: signed seconds with a fraction → ns;
 *   <li>strings: {@code show} verbatim (tshark writes the string unescaped apart from XML
 *       entities), UTF-8 encoded;
 *   <li>ether/bytes/EUI-64/GUID/FCWWN/system id: hex digits of {@code show} with separators
 *       removed; OIDs and any unparsable byte value come from the raw {@code value} hex;
 *   <li>IPv4: dotted quad → 32-bit value; IPv6: text → 16 bytes.
 * </ul>
 */
public final class PdmlValues {
    private PdmlValues() {
    }

    /** A parsed value: {@code num} for numeric kinds, {@code ref} (byte[]) for byte-like kinds. */
    public record Value(long num, Object ref) {
    }

    /** Thrown when a show/value pair cannot be read for the field's type. */
    public static final class UnparsableValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnparsableValue(String msg) {
            super(msg);
        }
    }

    public static Value parse(FieldDef def, String show, String value) {
        FieldType t = def.type();
        try {
            return switch (t.kind()) {
                case NONE, PROTOCOL -> new Value(0, null);
                case BOOLEAN -> new Value(parseBoolean(show, value), null);
                case UNSIGNED, SIGNED -> new Value(parseInteger(def, show, value), null);
                case FLOAT -> new Value(Double.doubleToRawLongBits(parseFloating(t, show)), null);
                case ABS_TIME -> new Value(parseAbsTime(show), null);
                case REL_TIME -> new Value(parseRelTime(show), null);
                case STRING -> new Value(0, show == null ? new byte[0] : show.getBytes(StandardCharsets.UTF_8));
                case BYTES -> new Value(0, parseBytes(t, show, value));
                case IPV4 -> new Value(parseIpv4(show), null);
                case IPV6 -> new Value(0, parseIpv6(show));
                case OTHER -> new Value(0, value == null ? null : HexFormat.of().parseHex(value));
            };
        } catch (RuntimeException e) {
            if (e instanceof UnparsableValue u) {
                throw u;
            }
            throw new UnparsableValue(def.abbrev() + " (" + t + "): cannot read show=\"" + show
                    + "\" value=\"" + value + "\": " + e);
        }
    }

    static long parseBoolean(String show, String value) {
        if ("True".equals(show)) {
            return 1;
        }
        if ("False".equals(show)) {
            return 0;
        }
        if (show != null && !show.isEmpty()) {
            return Long.parseUnsignedLong(show.trim()) != 0 ? 1 : 0;
        }
        throw new UnparsableValue("boolean show=\"" + show + "\"");
    }

    static long parseInteger(FieldDef def, String show, String value) {
        FieldType t = def.type();
        Long v = show == null ? null : integerText(show.trim());
        if (v == null && t == FieldType.FT_CHAR && show != null) {
            v = charText(show);
        }
        if (v == null && def.bitmask() != 0 && value != null && !value.isEmpty()) {
            v = Long.parseUnsignedLong(value, 16);
        }
        if (v == null) {
            throw new UnparsableValue(def.abbrev() + ": integer show=\"" + show + "\" value=\"" + value + "\"");
        }
        long x = v;
        int bits = t.bits();
        if (t.kind() == FieldType.Kind.SIGNED && bits < 64) {
            // Hex shows and %X values of negative numbers carry the type's two's complement.
            x = (x << (64 - bits)) >> (64 - bits);
        } else if (t.kind() == FieldType.Kind.UNSIGNED && bits < 64) {
            x &= (1L << bits) - 1;
        }
        return x;
    }

    private static Long integerText(String s) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            if (s.startsWith("-")) {
                return Long.parseLong(s);
            }
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** FT_CHAR shows the character, possibly quoted or as a C escape. */
    private static Long charText(String s) {
        String c = s;
        if (c.length() >= 2 && c.startsWith("'") && c.endsWith("'")) {
            c = c.substring(1, c.length() - 1);
        }
        if (c.length() == 1) {
            return (long) c.charAt(0);
        }
        if (c.startsWith("\\x") && c.length() == 4) {
            return Long.parseLong(c.substring(2), 16);
        }
        if (c.length() == 2 && c.charAt(0) == '\\') {
            return switch (c.charAt(1)) {
                case 'a' -> 7L;
                case 'b' -> 8L;
                case 'f' -> 12L;
                case 'n' -> 10L;
                case 'r' -> 13L;
                case 't' -> 9L;
                case 'v' -> 11L;
                case '0' -> 0L;
                case '\\' -> 92L;
                case '\'' -> 39L;
                default -> null;
            };
        }
        return null;
    }

    static double parseFloating(FieldType t, String show) {
        String s = show.trim();
        double d = switch (s.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            case "nan", "-nan" -> Double.NaN;
            default -> t == FieldType.FT_FLOAT ? (double) Float.parseFloat(s) : Double.parseDouble(s);
        };
        return d;
    }

    private static final DateTimeFormatter CTIME = new DateTimeFormatterBuilder()
            .appendPattern("MMM d, yyyy HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    static long parseAbsTime(String show) {
        String s = show.trim();
        if (s.matches("-?\\d+(\\.\\d+)?")) {
            return secondsToNanos(s);
        }
        if (s.endsWith(" UTC")) {
            LocalDateTime ldt = LocalDateTime.parse(s.substring(0, s.length() - 4), CTIME);
            return toNanos(ldt.toEpochSecond(ZoneOffset.UTC), ldt.getNano());
        }
        // 2002-12-31T13:55:31.300000000+0000 or ...Z
        String iso = s;
        if (iso.matches(".*[+-]\\d{4}$")) {
            iso = iso.substring(0, iso.length() - 2) + ":" + iso.substring(iso.length() - 2);
        }
        OffsetDateTime odt = OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return toNanos(odt.toEpochSecond(), odt.getNano());
    }

    private static long toNanos(long seconds, int nanos) {
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
    }

    static long parseRelTime(String show) {
        return secondsToNanos(show.trim());
    }

    private static long secondsToNanos(String s) {
        return new BigDecimal(s).movePointRight(9).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    static byte[] parseBytes(FieldType t, String show, String value) {
        if (t == FieldType.FT_OID || t == FieldType.FT_REL_OID || t == FieldType.FT_AX25
                || t == FieldType.FT_VINES) {
            if (value == null) {
                throw new UnparsableValue(t + " without a raw value");
            }
            return HexFormat.of().parseHex(value);
        }
        if (show != null) {
            String hex = show.replaceAll("[:.\\- ]", "");
            if (hex.length() % 2 == 0 && hex.matches("[0-9a-fA-F]*")) {
                return HexFormat.of().parseHex(hex);
            }
        }
        if (value != null && value.matches("([0-9a-fA-F]{2})*")) {
            return HexFormat.of().parseHex(value);
        }
        throw new UnparsableValue(t + " show=\"" + show + "\"");
    }

    static long parseIpv4(String show) {
        String[] parts = show.trim().split("\\.");
        if (parts.length != 4) {
            throw new UnparsableValue("IPv4 \"" + show + "\"");
        }
        long v = 0;
        for (String p : parts) {
            int b = Integer.parseInt(p);
            if (b < 0 || b > 255) {
                throw new UnparsableValue("IPv4 \"" + show + "\"");
            }
            v = (v << 8) | b;
        }
        return v;
    }

    /** Parses IPv6 text (with {@code ::} and an optional dotted IPv4 tail) without any lookup. */
    public static byte[] parseIpv6(String show) {
        String s = show.trim();
        int pct = s.indexOf('%');
        if (pct >= 0) {
            s = s.substring(0, pct);
        }
        byte[] out = new byte[16];
        int dbl = s.indexOf("::");
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        int[] h = groups(head);
        int[] tl = groups(tail);
        if (dbl < 0 && h.length != 8 || dbl >= 0 && h.length + tl.length > 7) {
            throw new UnparsableValue("IPv6 \"" + show + "\"");
        }
        for (int i = 0; i < h.length; i++) {
            out[2 * i] = (byte) (h[i] >> 8);
            out[2 * i + 1] = (byte) h[i];
        }
        for (int i = 0; i < tl.length; i++) {
            int g = 8 - tl.length + i;
            out[2 * g] = (byte) (tl[i] >> 8);
            out[2 * g + 1] = (byte) tl[i];
        }
        return out;
    }

    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        boolean v4 = parts[parts.length - 1].contains(".");
        int[] g = new int[parts.length + (v4 ? 1 : 0)];
        for (int i = 0; i < parts.length - (v4 ? 1 : 0); i++) {
            g[i] = Integer.parseInt(parts[i], 16);
            if (g[i] < 0 || g[i] > 0xffff || parts[i].length() > 4) {
                throw new UnparsableValue("IPv6 group \"" + parts[i] + "\"");
            }
        }
        if (v4) {
            long a = parseIpv4(parts[parts.length - 1]);
            g[parts.length - 1] = (int) (a >>> 16);
            g[parts.length] = (int) (a & 0xffff);
        }
        return g;
    }
}
