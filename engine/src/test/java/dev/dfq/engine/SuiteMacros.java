package dev.dfq.engine;

import dev.dfq.grammar.Macros;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The suite's dmacros file ({@code "name" body} lines). */
final class SuiteMacros {
    private SuiteMacros() {
    }

    static Macros load() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        Pattern p = Pattern.compile("^\"([^\"]*)\"\\s+(.*)$");
        for (String line : DftestGoldenTest.read("/suite/test_dmacros").lines().toList()) {
            Matcher x = p.matcher(line.trim());
            if (x.matches()) {
                m.put(x.group(1), x.group(2));
            }
        }
        return Macros.of(m);
    }
}
