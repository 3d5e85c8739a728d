package dev.dfq.fields;

import java.util.List;
import java.util.Objects;

/**
 * The value strings of one integer or boolean field: the names Wireshark shows for its values
 * ({@code ip.proto} 6 is "TCP"), from {@code tshark -G values}. Exactly one of the three shapes
 * is used by a field, as in Wireshark: a plain value table, a range table, or true/false strings.
 *
 * @param values exact values ("V"/"V64" lines); empty if none
 * @param ranges ranges ("R" lines); empty if none
 * @param trueFalse true/false strings ("T" lines), or null
 */
public record ValueStrings(List<Entry> values, List<Range> ranges, TrueFalse trueFalse) {
    public ValueStrings {
        values = List.copyOf(Objects.requireNonNull(values, "values is null"));
        ranges = List.copyOf(Objects.requireNonNull(ranges, "ranges is null"));
    }

    public record Entry(long value, String text) {}

    public record Range(long low, long high, String text) {}

    public record TrueFalse(String trueText, String falseText) {}

    /** The name of a value, or null when the table has none. */
    public String lookup(long value) {
        for (Entry e : values) {
            if (e.value() == value) {
                return e.text();
            }
        }
        for (Range r : ranges) {
            if (Long.compareUnsigned(value, r.low()) >= 0 && Long.compareUnsigned(value, r.high()) <= 0) {
                return r.text();
            }
        }
        if (trueFalse != null) {
            return value != 0 ? trueFalse.trueText() : trueFalse.falseText();
        }
        return null;
    }
}
