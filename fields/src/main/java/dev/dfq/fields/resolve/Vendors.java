package dev.dfq.fields.resolve;

import java.util.Arrays;

/**
 * The IEEE MAC address blocks as Wireshark 4.6 knows them (wsutil/manuf.c): 24-bit MA-L blocks, and
 * 24-bit blocks the IEEE split into /28 (MA-M) or /36 (MA-S) ones. A 24-bit prefix belongs to one
 * registry only, so an address in an MA-M block is looked up only among the /28 entries. Kept compact:
 * the table's text stays one byte array, and each registry is a sorted array of prefixes pointing into it.
 */
final class Vendors {
    /** A vendor: its short and long names and the length of its prefix. */
    record Vendor(String shortName, String longName, int bits) {
    }

    private final byte[] text;
    private final Registry ma24 = new Registry();
    private final Registry ma28 = new Registry();
    private final Registry ma36 = new Registry();
    /** The 24-bit prefixes split into /28 or /36 blocks. */
    private final int[] split28;
    private final int[] split36;

    Vendors(byte[] text) {
        this.text = text;
        for (int line = 0; line < text.length; ) {
            int bitsAt = Tables.nextField(text, line);
            long prefix = Tables.number(text, line, 16);
            int bits = (int) Tables.number(text, bitsAt, 10);
            switch (bits) {
                case 24 -> ma24.add(prefix, line);
                case 28 -> ma28.add(prefix, line);
                case 36 -> ma36.add(prefix, line);
                default -> throw new IllegalStateException("manuf table: bad prefix length " + bits);
            }
            while (line < text.length && text[line] != '\n') {
                line++;
            }
            line++;
        }
        split28 = ma28.prefixes24(4);
        split36 = ma36.prefixes24(12);
    }

    /**
     * ws_manuf_lookup: the vendor of a 48-bit address, with the group (multicast) bit ignored, from the
     * registry its 24-bit prefix belongs to; null when none.
     */
    Vendor lookup(long mac) {
        long m = mac & ~(1L << 40);
        int oui = (int) (m >>> 24);
        if (Arrays.binarySearch(split36, oui) >= 0) {
            return ma36.find(m >>> 12, text, 36);
        }
        if (Arrays.binarySearch(split28, oui) >= 0) {
            return ma28.find(m >>> 20, text, 28);
        }
        return ma24.find(oui, text, 24);
    }

    /** ws_manuf_lookup_oui24: the MA-L vendor of a 24-bit prefix (group bit ignored); null for MA-M/MA-S blocks. */
    Vendor oui24(int oui) {
        Vendor v = lookup(((long) oui) << 24);
        return v != null && v.bits() == 24 ? v : null;
    }

    /**
     * The table as {@code tshark -G manuf} prints it (C's "%-17s\t%-12s\t%s"): the block
     * ("00:1B:C5:00:10/36"), the short name and the long name, blocks in ascending order across the
     * registries as the table keeps them. C pads by bytes, so a short name is padded by its UTF-8 length.
     */
    void report(Appendable out) throws java.io.IOException {
        StringBuilder line = new StringBuilder(128);
        for (int at = 0; at < text.length; ) {
            int bitsAt = Tables.nextField(text, at);
            int shortAt = Tables.nextField(text, bitsAt);
            int longAt = Tables.nextField(text, shortAt);
            String digits = Tables.field(text, at);
            String bits = Tables.field(text, bitsAt);
            String shortName = Tables.field(text, shortAt);
            line.setLength(0);
            String whole = digits.length() % 2 == 0 ? digits : digits + "0";
            for (int i = 0; i < whole.length(); i += 2) {
                line.append(i == 0 ? "" : ":").append(whole, i, i + 2);
            }
            if (!bits.equals("24")) {
                line.append('/').append(bits);
            }
            line.append(" ".repeat(Math.max(0, 17 - line.length()))).append('\t').append(shortName);
            int shortBytes = shortName.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            line.append(" ".repeat(Math.max(0, 12 - shortBytes))).append('\t').append(Tables.field(text, longAt)).append('\n');
            out.append(line);
            at = Tables.fieldEnd(text, longAt) + 1;
        }
    }

    /** One registry: ascending prefixes and where their lines start. */
    private static final class Registry {
        private long[] prefixes = new long[1024];
        private int[] lines = new int[1024];
        private int size;

        void add(long prefix, int line) {
            if (size > 0 && prefixes[size - 1] >= prefix) {
                throw new IllegalStateException("manuf table not in ascending order at " + Long.toHexString(prefix));
            }
            if (size == prefixes.length) {
                prefixes = Arrays.copyOf(prefixes, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
            }
            prefixes[size] = prefix;
            lines[size++] = line;
        }

        Vendor find(long prefix, byte[] text, int bits) {
            int i = Arrays.binarySearch(prefixes, 0, size, prefix);
            if (i < 0) {
                return null;
            }
            int shortAt = Tables.nextField(text, Tables.nextField(text, lines[i]));
            return new Vendor(Tables.field(text, shortAt), Tables.field(text, Tables.nextField(text, shortAt)), bits);
        }

        /** The distinct 24-bit blocks of these prefixes ({@code extra} bits longer than 24). */
        int[] prefixes24(int extra) {
            return Arrays.stream(prefixes, 0, size).mapToInt(p -> (int) (p >>> extra)).distinct().sorted().toArray();
        }
    }
}
