package dev.dfq.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How Wireshark 4.6 reads a string compared with an integer or boolean field: {@code ip.proto == "tcp"},
 * {@code ip.proto == TCP} (a bare word, deprecated, same lookup), {@code ip.flags.df == "not set"}.
 * Found with dftest46:
 *
 * <ul>
 *   <li>Text is matched against the field's value strings ignoring ASCII case ({@code "tcp"} is "TCP").</li>
 *   <li>Booleans use their true/false strings, or "True"/"False" when they have none. Nothing else
 *       is accepted ({@code "1"}, {@code "TRUE"} for Set/Not set): error
 *       {@code expected "Set" or "Not set", not "x" for ip.flags.df.}</li>
 *   <li>When the text names exactly one value, the literal is that number ({@link Number}, {@link Bool}).</li>
 *   <li>When it names several values ({@code ip.proto == "Unassigned"}), or a range of more than one
 *       value ({@code bpv7.eid.scheme == "Unassigned"}, 1-254), the filter compares the field's value
 *       string instead: {@code ip.proto::value_string == "Unassigned"} ({@link AsText}). Order comparisons
 *       then fail: {@code Cannot use order comparisons with ""Unassigned"" because the value string cannot
 *       be uniquely converted to an integer.}</li>
 *   <li>A name registered several times (its dump table merges several registrations' strings): the text
 *       must name the same single value in every registration to become a number
 *       ({@code l2tp.result_code == "Reserved"} is 0); when only some registrations know it, it is
 *       {@link AsText} ({@code dns.flags.conflict == "None"}).</li>
 *   <li>No match: {@code "x" cannot be found among the possible values for ip.proto.} ({@link NotFound}).
 *       For a boolean the message names the last registration's strings.</li>
 *   <li>An integer field without value strings: {@link NoValueStrings}; 4.6 then converts the string as
 *       such: {@code Unsigned integer (16 bits) cannot be converted from a string ("http").}</li>
 * </ul>
 */
public final class ValueStringMatcher {
    private final FieldRegistry registry;

    public ValueStringMatcher(FieldRegistry registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    /** The outcome of matching a text. */
    public sealed interface Match permits Number, Bool, AsText, NotFound, NoValueStrings {}

    /** The text names one value: compare with this number. */
    public record Number(long value) implements Match {}

    /** A boolean's true or false string. */
    public record Bool(boolean value) implements Match {}

    /**
     * The text names several values: compare the field's value string ({@code field::value_string}, an
     * FT_STRING) with the text. {@code values} and {@code ranges} are the entries whose string equals the
     * text ignoring case (at run time 4.6 compares the shown string with the text exactly).
     */
    public record AsText(String text, List<Long> values, List<ValueStrings.Range> ranges) implements Match {}

    /** No value string matches; {@code message} is 4.6's error message. */
    public record NotFound(String message) implements Match {}

    /** The field has no value strings (or is not an integer or boolean field). */
    public record NoValueStrings() implements Match {}

    /** Matches a text (the contents of a string literal, or a bare word) against a field's value strings. */
    public Match match(FieldDef field, String text) {
        Objects.requireNonNull(text, "text");
        FieldType type = field.type();
        if (type == FieldType.FT_BOOLEAN) {
            return matchBoolean(field, text);
        }
        if (!type.isInteger() && type != FieldType.FT_FRAMENUM) {
            return new NoValueStrings();
        }
        Table t = table(field);
        if (t == null || (t.values.isEmpty() && t.ranges.isEmpty())) {
            return new NoValueStrings();
        }
        // Matches per registration: value groups, then all ranges as one more registration.
        List<List<Long>> perGroup = new ArrayList<>();
        boolean ambiguous = false;
        boolean any = false;
        List<Long> matchedValues = new ArrayList<>();
        List<ValueStrings.Range> matchedRanges = new ArrayList<>();
        int g = 0;
        List<Long> cur = new ArrayList<>();
        for (int i = 0; i < t.values.size(); i++) {
            if (g < t.groupStarts.length && i == t.groupStarts[g]) {
                perGroup.add(cur);
                cur = new ArrayList<>();
                g++;
            }
            ValueStrings.Entry e = t.values.get(i);
            if (equalsAsciiIgnoreCase(e.text(), text)) {
                cur.add(e.value());
                matchedValues.add(e.value());
                any = true;
            }
        }
        if (!t.values.isEmpty()) {
            perGroup.add(cur);
        }
        if (!t.ranges.isEmpty()) {
            List<Long> rs = new ArrayList<>();
            for (ValueStrings.Range r : t.ranges) {
                if (equalsAsciiIgnoreCase(r.text(), text)) {
                    any = true;
                    matchedRanges.add(r);
                    if (r.low() == r.high()) {
                        rs.add(r.low());
                    } else {
                        ambiguous = true;
                    }
                }
            }
            perGroup.add(rs);
        }
        if (!any) {
            return new NotFound("\"" + text + "\" cannot be found among the possible values for " + field.abbrev() + ".");
        }
        if (ambiguous || t.forceText) {
            return new AsText(text, matchedValues, matchedRanges);
        }
        if (!t.sameName) {
            List<Long> union = new ArrayList<>();
            perGroup.forEach(union::addAll);
            perGroup = List.of(union);
        }
        Long only = null;
        for (List<Long> s : perGroup) {
            // each registration must have exactly one entry with the text (a repeated entry, even of the
            // same value, is not unique: elf.machine "Cyan Technology eCOG1X family"), all the same value
            if (s.size() != 1 || (only != null && !only.equals(s.get(0)))) {
                return new AsText(text, matchedValues, matchedRanges);
            }
            only = s.get(0);
        }
        return new Number(only);
    }

    private Match matchBoolean(FieldDef field, String text) {
        Table t = table(field);
        List<ValueStrings.TrueFalse> tfs = t == null || t.trueFalse.isEmpty()
                ? List.of(new ValueStrings.TrueFalse("True", "False")) : t.trueFalse;
        Boolean only = null;
        boolean any = false;
        boolean consistent = true;
        for (ValueStrings.TrueFalse tf : tfs) {
            Boolean b = equalsAsciiIgnoreCase(tf.trueText(), text) ? Boolean.TRUE
                    : equalsAsciiIgnoreCase(tf.falseText(), text) ? Boolean.FALSE : null;
            if (b == null) {
                consistent = false;
                continue;
            }
            any = true;
            if (only != null && !only.equals(b)) {
                consistent = false;
            }
            only = b;
        }
        if (!any) {
            ValueStrings.TrueFalse last = tfs.get(tfs.size() - 1);
            return new NotFound("expected \"" + last.trueText() + "\" or \"" + last.falseText() + "\", not \"" + text
                    + "\" for " + field.abbrev() + ".");
        }
        if (!consistent || (t != null && t.forceText)) {
            List<Long> vals = new ArrayList<>();
            for (ValueStrings.TrueFalse tf : tfs) {
                if (equalsAsciiIgnoreCase(tf.trueText(), text)) {
                    vals.add(1L);
                } else if (equalsAsciiIgnoreCase(tf.falseText(), text)) {
                    vals.add(0L);
                }
            }
            return new AsText(text, vals, List.of());
        }
        return new Bool(only);
    }

    /**
     * All values whose string equals the text ignoring ASCII case (exact entries, and single-value
     * ranges); for booleans 1 and/or 0.
     */
    public List<Long> valuesNamed(FieldDef field, String text) {
        Match m = match(field, text);
        if (m instanceof Number n) {
            return List.of(n.value());
        }
        if (m instanceof Bool b) {
            return List.of(b.value() ? 1L : 0L);
        }
        if (m instanceof AsText a) {
            TreeSet<Long> all = new TreeSet<>(a.values());
            for (ValueStrings.Range r : a.ranges()) {
                if (r.low() == r.high()) {
                    all.add(r.low());
                }
            }
            return List.copyOf(all);
        }
        return List.of();
    }

    /** The true/false strings a boolean field shows: its own, or "True"/"False". */
    public ValueStrings.TrueFalse trueFalse(FieldDef field) {
        Table t = table(field);
        return t == null || t.trueFalse.isEmpty() ? new ValueStrings.TrueFalse("True", "False") : t.trueFalse.get(0);
    }

    /**
     * The unit strings of a field shown with a unit ({@code BASE_UNIT_STRING}), singular and plural
     * ({@code " byte"}, {@code " bytes"}; the plural is "(no plural)" when there is none), or null.
     */
    public String[] units(FieldDef field) {
        if (registry.valueStore == null) {
            return null;
        }
        BundledRegistry.ValueTable vt = registry.valueStore.rawTable(field.id());
        return vt == null || vt.units().isEmpty() ? null : vt.units().get(0).clone();
    }

    /** g_ascii_strcasecmp: only ASCII letters fold. */
    static boolean equalsAsciiIgnoreCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= 'A' && x <= 'Z') {
                    x += 32;
                }
                if (y >= 'A' && y <= 'Z') {
                    y += 32;
                }
                if (x != y) {
                    return false;
                }
            }
        }
        return true;
    }

    private record Table(List<ValueStrings.Entry> values, List<ValueStrings.Range> ranges,
                         List<ValueStrings.TrueFalse> trueFalse, int[] groupStarts, boolean sameName,
                         boolean forceText) {}

    private Table table(FieldDef field) {
        BundledRegistry.ValueStore store = registry.valueStore;
        if (store != null && field.id() < registry.size() && registry.byId(field.id()).equals(field)) {
            BundledRegistry.ValueTable vt = store.rawTable(field.id());
            if (vt == null) {
                return null;
            }
            int flags = store.flags(field.id());
            boolean sameName = (flags & RegistryFormat.VS_SAME_NAME) != 0;
            boolean force = (flags & RegistryFormat.VS_TEXT_ONLY) != 0 && !Boolean.getBoolean("dfq.vs.noTextOnly");
            int[] starts = sameName ? vt.groupStarts() : new int[0];
            List<ValueStrings.TrueFalse> tfs = sameName || vt.trueFalse().isEmpty()
                    ? vt.trueFalse() : vt.trueFalse().subList(0, 1);
            return new Table(vt.values(), vt.ranges(), tfs, starts, sameName, force);
        }
        ValueStrings vs = registry.valueStrings(field);
        if (vs == null) {
            return null;
        }
        return new Table(vs.values(), vs.ranges(), vs.trueFalse() == null ? List.of() : List.of(vs.trueFalse()),
                new int[0], false, false);
    }
}
