package dev.dfq.engine.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads golden files recorded from Wireshark 4.6.9 (see scripts/record-*-goldens.py). */
public final class Goldens {
    /** One recorded filter: its text, the tool's output, and its exit status. */
    public record Case(String filter, String expected, int exitStatus) {
    }

    private Goldens() {
    }

    public static String resource(String name) {
        try (InputStream in = Goldens.class.getResourceAsStream("/goldens/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing golden resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Blocks "### filter", output lines, "### rc=N". */
    public static List<Case> blocks(String name) {
        List<Case> cases = new ArrayList<>();
        String filter = null;
        StringBuilder body = new StringBuilder();
        for (String line : resource(name).split("\n", -1)) {
            if (filter == null) {
                if (line.startsWith("### ")) {
                    filter = line.substring(4);
                    body.setLength(0);
                }
            } else if (line.startsWith("### rc=")) {
                cases.add(new Case(filter, body.toString(), Integer.parseInt(line.substring(7))));
                filter = null;
            } else {
                body.append(line).append('\n');
            }
        }
        return cases;
    }

    /** Filters listed as known to differ, one per line ("filter<TAB>reason"); '#' comments. */
    public static Set<String> knownFailures(String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : resource(name).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int tab = line.indexOf('\t');
                out.add(tab < 0 ? line : line.substring(0, tab));
            }
        }
        return out;
    }
}
