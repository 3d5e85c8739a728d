package dev.dfq.engine.query;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldStore;
import java.util.ArrayList;
import java.util.List;

/** {@code -T fields}: one line per frame, the -e fields with tshark's -E options (header, separator, occurrence, aggregator, quote). */
/** -T fields with -E options: header, separator, occurrence, aggregator, quote. */
public final class FieldsFormat {
    private final List<FieldDef> defs;
    private boolean header;
    private String separator = "\t";
    private char occurrence = 'a';
    private String aggregator = ",";
    private char quote = 'n';

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
            FieldDef d = defs.get(i);
            List<String> values = new ArrayList<>();
            for (int occ = s.first(d.id()); occ >= 0; occ = s.next(occ)) {
                values.add(FieldText.format(d, s, occ));
            }
            if (values.isEmpty()) {
                continue;
            }
            String v = switch (occurrence) {
                case 'f' -> values.get(0);
                case 'l' -> values.get(values.size() - 1);
                default -> String.join(aggregator, values);
            };
            sb.append(quoted(v));
        }
        return sb.toString();
    }

    private String quoted(String v) {
        return switch (quote) {
            case 'd' -> '"' + v + '"';
            case 's' -> '\'' + v + '\'';
            default -> v;
        };
    }
}
