package dev.dfq.fields;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks {@link ValueStringMatcher} against dftest46 results: a file of lines
 * {@code field TAB NUM|STR TAB text} (how 4.6.9 compiled {@code field == "text"}). A development tool,
 * not a test: the probe file lives outside the repository.
 */
public final class ValueStringProbeCheck {
    private ValueStringProbeCheck() {
    }

    public static void main(String[] args) throws Exception {
        FieldRegistry reg = FieldRegistry.wireshark();
        ValueStringMatcher m = new ValueStringMatcher(reg);
        int ok = 0;
        int bad = 0;
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String file : args) {
            lines.addAll(Files.readAllLines(Path.of(file), StandardCharsets.UTF_8));
        }
        for (String line : lines) {
            String[] c = line.split("\t", 3);
            if (!c[1].equals("NUM") && !c[1].equals("STR")) {
                continue;
            }
            FieldDef d = reg.byName(c[0]).orElseThrow();
            ValueStringMatcher.Match r = m.match(d, c[2]);
            boolean num = r instanceof ValueStringMatcher.Number || r instanceof ValueStringMatcher.Bool;
            boolean text = r instanceof ValueStringMatcher.AsText;
            if ((c[1].equals("NUM") && num) || (c[1].equals("STR") && text)) {
                ok++;
            } else {
                bad++;
                System.out.println("MISMATCH " + line + " -> " + r);
            }
        }
        System.out.println("ok " + ok + " mismatches " + bad);
    }
}
