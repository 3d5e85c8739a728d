package dev.dfq.engine.query;

import dev.dfq.engine.vm.ValueText;
import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldStore;
import dev.dfq.fields.FieldType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One occurrence's value as {@code tshark -T fields -e FIELD} prints it (4.6 formats). */
public final class FieldText {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * Byte fields Wireshark registers with a colon separator (SEP_COLON). tshark -G fields does not
     * print a byte field's separator, so the registry cannot say; these are the ones dfq dissects.
     */
    private static final java.util.Set<String> COLON_BYTES = java.util.Set.of("icmpv6.opt.linkaddr",
            "icmpv6.opt.src_linkaddr", "icmpv6.opt.target_linkaddr");

    private FieldText() {
    }

    /**
     * String values as tshark's -T fields writes them: C escapes for \a \b \f \n \r \t \v, a
     * backslash doubled; other bytes as they are (checked with samples/corner/s16_escapes.pcap).
     */
    static String escape(String v) {
        StringBuilder sb = null;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            String rep = switch (c) {
                case 7 -> "\\a";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case 11 -> "\\v";
                case '\\' -> "\\\\";
                default -> null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(v.length() + 8).append(v, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? v : sb.toString();
    }

    /** An absolute time in UTC with nanoseconds and a Z: 2023-11-14T22:13:20.001000000Z. */
    static String isoUtc(long nanos) {
        long sec = Math.floorDiv(nanos, 1_000_000_000L);
        return ISO.format(Instant.ofEpochSecond(sec)) + "." + String.format(Locale.ROOT, "%09d", Math.floorMod(nanos, 1_000_000_000L)) + "Z";
    }

    /** Bytes in lower-case hex, with colons between them or without. */
    static String hex(byte[] b, boolean colons) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        for (int i = 0; i < b.length; i++) {
            if (colons && i > 0) {
                sb.append(':');
            }
            sb.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return sb.toString();
    }

    public static String format(FieldDef def, FieldStore s, int occ) {
        return format(def, s, occ, true);
    }

    /** As {@link #format(FieldDef, FieldStore, int)}; {@code escaped} false leaves control characters in strings as they are. */
    public static String format(FieldDef def, FieldStore s, int occ, boolean escaped) {
        FieldType t = def.type();
        long v = s.num(occ);
        switch (t.kind()) {
            case UNSIGNED:
            case SIGNED: {
                String base = def.base();
                if (base.equals("BASE_HEX") || base.equals("BASE_HEX_DEC")) {
                    int digits = Math.max(1, (t.bits() + 3) / 4);
                    return "0x" + ValueText.zeroPad(Long.toHexString(v), digits);
                }
                return t.kind() == FieldType.Kind.SIGNED ? Long.toString(v) : Long.toUnsignedString(v);
            }
            case BOOLEAN:
                return v != 0 ? "True" : "False";
            case NONE:
                return "1";
            case FLOAT:
                return ValueText.formatDouble(Double.longBitsToDouble(v));
            case REL_TIME:
                return ValueText.relTime(v);
            case ABS_TIME: {
                long sec = Math.floorDiv(v, 1_000_000_000L);
                String frac = ValueText.nanos(Math.floorMod(v, 1_000_000_000L));
                if (def.abbrev().endsWith("_epoch")) {
                    return sec + "." + frac;
                }
                return def.abbrev().endsWith("_utc") ? isoUtc(v) : isoUtc(v).replace("Z", "+0000");
            }
            case IPV4:
                return ValueText.ipv4(v, -1);
            case IPV6:
                return ValueText.ipv6(s.valueBytes(occ), -1);
            case STRING: {
                String text = new String(s.valueBytes(occ), StandardCharsets.UTF_8);
                return escaped ? escape(text) : text;
            }
            case PROTOCOL:
                return "";
            default: {
                byte[] b = s.valueBytes(occ);
                if (b.length == 0 && t == FieldType.FT_BYTES) {
                    return "<none>"; // an empty byte string (an empty PadN), as tshark 4.6 writes it
                }
                return hex(b, t == FieldType.FT_ETHER || COLON_BYTES.contains(def.abbrev()));
            }
        }
    }
}
