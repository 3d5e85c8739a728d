package dev.dfq.engine.query;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import java.util.ArrayList;
import java.util.List;

/** {@code -T fields}: one line per frame, the -e fields with tshark's -E options (header, separator, occurrence, aggregator, quote). */
public final class FieldsFormat {
    private final List<FieldDef> defs;
    private boolean header;
    private String separator = "\t";
    private char occurrence = 'a';
    private String aggregator = ",";
    private char quote = 'n';
    private boolean portNames;

    /** -N t: protocol labels name TCP and UDP ports ("Src Port: smtp (25)"). */
    public FieldsFormat portNames(boolean on) {
        this.portNames = on;
        return this;
    }

    public FieldsFormat(List<FieldDef> defs, List<String> options) {
        this.defs = defs;
        for (String o : options) {
            int eq = o.indexOf('=');
            String k = eq < 0 ? o : o.substring(0, eq);
            String v = eq < 0 ? "" : o.substring(eq + 1);
            switch (k) {
                case "header" -> header = v.equals("y");
                case "separator" -> separator = v.equals("/t") ? "\t" : v.equals("/s") ? " " : v;
                case "occurrence" -> occurrence = v.isEmpty() ? 'a' : v.charAt(0);
                case "aggregator" -> aggregator = v.equals("/s") ? " " : v;
                case "quote" -> quote = v.isEmpty() ? 'n' : v.charAt(0);
                default -> {
                }
            }
        }
    }

    /** The fields the dissector must produce to print {@code defs}: each, and what a protocol's label is made of. */
    public static int[] neededFields(FieldRegistry registry, List<FieldDef> defs) {
        return defs.stream().flatMapToInt(d -> java.util.stream.IntStream.concat(java.util.stream.IntStream.of(d.id()),
                d.type().kind() == dev.dfq.fields.FieldType.Kind.PROTOCOL
                        ? java.util.Arrays.stream(ProtocolLabel.ingredients(registry, d))
                        : java.util.stream.IntStream.empty())).distinct().toArray();
    }

    public boolean header() {
        return header;
    }

    public String headerLine() {
        List<String> names = new ArrayList<>();
        for (FieldDef d : defs) {
            names.add(quoted(d.abbrev()));
        }
        return String.join(separator, names);
    }

    public String line(FieldStore s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < defs.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            List<String> values = values(defs.get(i), s, true);
            if (!values.isEmpty()) {
                sb.append(quoted(String.join(aggregator, values)));
            }
        }
        return sb.toString();
    }

    /**
     * The occurrences of one field that -E occurrence selects (all, the first or the last), each as
     * tshark prints it; {@code escaped} applies -T fields' C escapes to strings (json and ek take
     * the raw text and escape it as JSON).
     */
    List<String> values(FieldDef d, FieldStore s, boolean escaped) {
        List<String> values = new ArrayList<>();
        boolean protocol = d.type().kind() == dev.dfq.fields.FieldType.Kind.PROTOCOL;
        for (int occ = s.first(d.id()); occ >= 0; occ = s.next(occ)) {
            // protocols were resolved against Wireshark's registry, whose names the label reads
            values.add(protocol ? ProtocolLabel.of(FieldRegistry.wireshark(), d, s, occ, portNames) : FieldText.format(d, s, occ, escaped));
        }
        if (values.size() > 1 && occurrence == 'f') {
            return values.subList(0, 1);
        }
        if (values.size() > 1 && occurrence == 'l') {
            return values.subList(values.size() - 1, values.size());
        }
        return values;
    }

    private String quoted(String v) {
        return switch (quote) {
            case 'd' -> '"' + v + '"';
            case 's' -> '\'' + v + '\'';
            default -> v;
        };
    }
}
