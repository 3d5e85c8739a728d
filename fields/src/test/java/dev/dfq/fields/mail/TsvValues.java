package dev.dfq.fields.mail;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;

/**
 * {@code tshark -T fields -E occurrence=a} value text for the field types the mail dissectors
 * produce (strings, booleans, FT_NONE, unsigned integers, frame numbers, bytes). Written here because
 * the general formatter lives on the dissect branch; replace with it once merged.
 */
final class TsvValues {
    private TsvValues() {}

    static String column(FieldRegistry reg, FieldStore st, int id) {
        if (id < 0 || !st.has(id)) {
            return "";
        }
        FieldDef def = reg.byId(id);
        StringBuilder b = new StringBuilder();
        for (int occ = st.first(id); occ >= 0; occ = st.next(occ)) {
            if (b.length() > 0 || occ != st.first(id)) {
                b.append(',');
            }
            b.append(value(def, st, occ));
        }
        return b.toString();
    }

    static String value(FieldDef def, FieldStore st, int occ) {
        switch (def.type().kind()) {
            case NONE:
                return "1";
            case BOOLEAN:
                return st.num(occ) != 0 ? "True" : "False";
            case UNSIGNED:
            case SIGNED:
                if (def.base().equals("BASE_HEX")) {
                    int digits = Math.max(1, def.type().bits() / 4);
                    return String.format("0x%0" + digits + "x", st.num(occ));
                }
                return Long.toString(st.num(occ));
            case STRING:
                return escape(st.valueBytes(occ));
            case BYTES:
            case PROTOCOL: {
                StringBuilder h = new StringBuilder();
                for (byte x : st.valueBytes(occ)) {
                    h.append(String.format("%02x", x & 0xff));
                }
                return h.toString();
            }
            default:
                return "?";
        }
    }

    /**
     * tshark's escaping of string values in -T fields output, over bytes (the result holds one char
     * per byte, ISO-8859-1, so invalid UTF-8 compares byte for byte with the golden files).
     */
    static String escape(byte[] v) {
        StringBuilder b = new StringBuilder(v.length);
        for (byte x : v) {
            int c = x & 0xff;
            switch (c) {
                case 7 -> b.append("\\a");
                case 8 -> b.append("\\b");
                case 9 -> b.append("\\t");
                case 10 -> b.append("\\n");
                case 11 -> b.append("\\v");
                case 12 -> b.append("\\f");
                case 13 -> b.append("\\r");
                case '\\' -> b.append("\\\\");
                default -> b.append((char) c);
            }
        }
        return b.toString();
    }
}
