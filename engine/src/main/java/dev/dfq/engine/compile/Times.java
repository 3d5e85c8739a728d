package dev.dfq.engine.compile;

import dev.dfq.fields.FieldType;
import dev.dfq.grammar.ast.Node;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Absolute-time literals as Wireshark 4.6 reads them: ISO 8601 ({@code "2011-07-04 12:34:56"},
 * optional {@code T}, fraction, {@code Z} or offset), the legacy {@code "Nov 12, 1999 08:55:44.123"}
 * with optional {@code UTC}, or a number of seconds since the epoch. Without a zone the local
 * time zone applies, as in Wireshark.
 */
final class Times {
    private static final String EXAMPLE = " is not a valid absolute time. Example: \"Nov 12, 1999 08:55:44.123\" or \"2011-07-04 12:34:56\"";
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?(\\.\\d+)?)?\\s*(Z|UTC|GMT|[ECMP][SD]T|[A-IK-Z]|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern LEGACY = Pattern.compile(
            "([A-Za-z]{3})\\s+(\\d{1,2}),\\s*(\\d{4})\\s+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?(\\.\\d+)?\\s*(UTC|GMT|Z|[ECMP][SD]T|[A-IK-Z]|[+-]\\d{2}:?\\d{2})?");
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private Times() {
    }

    static long absolute(Node lit, FieldType type) {
        if (lit instanceof Node.NumberLit n) {
            try {
                return new BigDecimal(n.text()).movePointRight(9).longValue();
            } catch (NumberFormatException e) {
                throw new CompileError("\"" + n.text() + "\"" + EXAMPLE, lit.span());
            }
        }
        String text = lit instanceof Node.StringLit s ? new String(s.value(), StandardCharsets.UTF_8).strip()
                : Conversions.text(lit);
        Matcher m = ISO.matcher(text);
        if (m.matches()) {
            return toNanos(lit, text, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4), m.group(5), m.group(6), m.group(7), m.group(8));
        }
        m = LEGACY.matcher(text);
        if (m.matches()) {
            int month = MONTHS.indexOf(m.group(1).toLowerCase(Locale.ROOT));
            if (month < 0 || month % 3 != 0) {
                throw new CompileError("\"" + text + "\"" + EXAMPLE, lit.span());
            }
            return toNanos(lit, text, Integer.parseInt(m.group(3)), month / 3 + 1, Integer.parseInt(m.group(2)),
                    m.group(4), m.group(5), m.group(6), m.group(7), m.group(8));
        }
        if (TRAILING.matcher(text).lookingAt()) {
            throw new CompileError("Unexpected data after time value.", lit.span());
        }
        throw new CompileError("\"" + text + "\"" + EXAMPLE, lit.span());
    }

    /** A date and time followed by something that is not a zone: strptime stops there. */
    private static final Pattern TRAILING = Pattern.compile(
            "(\\d{4}-\\d{1,2}-\\d{1,2}[T ]\\d{1,2}:\\d{1,2}|[A-Za-z]{3}\\s+\\d{1,2},\\s*\\d{4}\\s+\\d{1,2}:\\d{1,2})");

    /** Zone names Wireshark accepts: UTC/GMT/Z, US zone abbreviations, military letters, offsets. */
    private static ZoneId zone(String zone) {
        if (zone == null) {
            return ZoneId.systemDefault();
        }
        switch (zone) {
            case "Z", "UTC", "GMT": return ZoneOffset.UTC;
            case "EST": return ZoneOffset.ofHours(-5);
            case "EDT": return ZoneOffset.ofHours(-4);
            case "CST": return ZoneOffset.ofHours(-6);
            case "CDT": return ZoneOffset.ofHours(-5);
            case "MST": return ZoneOffset.ofHours(-7);
            case "MDT": return ZoneOffset.ofHours(-6);
            case "PST": return ZoneOffset.ofHours(-8);
            case "PDT": return ZoneOffset.ofHours(-7);
            default: break;
        }
        if (zone.length() == 1) {
            char c = zone.charAt(0);
            int hours = c <= 'I' ? c - 'A' + 1 : c <= 'M' ? c - 'A' : c <= 'Y' ? -(c - 'N' + 1) : 0;
            return ZoneOffset.ofHours(hours);
        }
        return ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
    }

    private static long toNanos(Node lit, String text, int y, int mo, int d, String h, String mi, String s,
                                String frac, String zone) {
        if (frac != null && s == null) {
            throw new CompileError("Subsecond precision requires a seconds field.", lit.span());
        }
        try {
            int hour = h == null ? 0 : Integer.parseInt(h);
            int minute = mi == null ? 0 : Integer.parseInt(mi);
            int second = s == null ? 0 : Integer.parseInt(s);
            if (hour > 23 || minute > 59 || second > 60) {
                throw new CompileError("Unexpected data after time value.", lit.span());
            }
            // like mktime, a day past the month's end rolls over ("Feb 30" is March 1st)
            LocalDateTime ldt = LocalDateTime.of(y, mo, 1, hour, minute, Math.min(second, 59)).plusDays(d - 1L);
            ZoneId z = zone(zone);
            ZonedDateTime zdt = ldt.atZone(z);
            long nanos = 0;
            if (frac != null) {
                String f = (frac.substring(1) + "000000000").substring(0, 9);
                nanos = Long.parseLong(f);
            }
            return zdt.toEpochSecond() * 1_000_000_000L + nanos;
        } catch (CompileError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CompileError("\"" + text + "\"" + EXAMPLE, lit.span());
        }
    }
}
