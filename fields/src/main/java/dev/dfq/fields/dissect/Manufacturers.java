package dev.dfq.fields.dissect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The manufacturer of a 24-bit OUI, as Wireshark 4.6.9's table names it (its long name). Wireshark
 * shows it as {@code eth.*.oui_resolved} even when name resolution is off; the table comes from
 * {@code tshark -G manuf} (scripts/gen-manuf.sh) and is read on first use only.
 */
final class Manufacturers {
    private static final String RESOURCE = "/dev/dfq/fields/manuf.tsv.gz";

    private Manufacturers() {
    }

    /** The long name of the OUI (the address's first three bytes), or null when Wireshark knows none. */
    static String of(int oui) {
        return Table.NAMES.get(oui);
    }

    private static final class Table {
        static final Map<Integer, String> NAMES = load();

        private static Map<Integer, String> load() {
            Map<Integer, String> names = new HashMap<>(1 << 16);
            try (InputStream in = Manufacturers.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    int tab = line.indexOf('\t');
                    names.put(Integer.parseInt(line.substring(0, tab), 16), line.substring(tab + 1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return names;
        }
    }
}
