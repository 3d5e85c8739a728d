package dev.dfq.engine;

import dev.dfq.fields.FieldRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden test: every filter recorded from dftest46 (scripts/record-dftest-goldens.sh) compiles to
 * byte-identical dftest output, or fails with the identical message and caret. Filters listed in
 * known-failures.txt are reported as skipped (the known gaps), not hidden.
 */
class EngineDftestGoldenTest {
    record Golden(String filter, int rc, String stdout) {
    }

    static List<Golden> load() throws IOException {
        String all = read("/goldens/dftest/dftest.golden");
        List<Golden> out = new ArrayList<>();
        String[] parts = all.split("(?m)^=== FILTER\n", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            int nl = p.indexOf('\n');
            String filter = p.substring(0, nl);
            String rest = p.substring(nl + 1);
            int nl2 = rest.indexOf('\n');
            int rc = Integer.parseInt(rest.substring("--- RC ".length(), nl2));
            out.add(new Golden(filter, rc, rest.substring(nl2 + 1)));
        }
        return out;
    }

    static String read(String res) throws IOException {
        try (InputStream in = EngineDftestGoldenTest.class.getResourceAsStream(res)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** What our compiler prints for a filter, in dftest46's stdout shape. */
    static String actual(FilterCompiler fc, String filter) {
        CompileResult r = fc.compile(filter);
        if (r.ok()) {
            return r.filter().dftest();
        }
        return "Filter:\n " + filter + "\n\ndftest: " + DiagnosticRenderer.render(r.expandedText(),
                new Diagnostic(r.error().message(), r.error().span())); // dfq's hints are not dftest's
    }

    @TestFactory
    List<DynamicTest> goldens() throws IOException {
        FilterCompiler fc = new FilterCompiler(FieldRegistry.wireshark());
        Set<String> known = new HashSet<>();
        for (String line : read("/goldens/dftest/known-failures.txt").lines().toList()) {
            if (!line.startsWith("#") && !line.isBlank()) {
                known.add(line.split("\t", 2)[0]);
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Golden g : load()) {
            tests.add(DynamicTest.dynamicTest(g.filter(), () -> {
                Assumptions.assumeFalse(known.contains(g.filter()), "known gap");
                assertThat(actual(fc, g.filter())).isEqualTo(g.stdout());
            }));
        }
        return tests;
    }
}
