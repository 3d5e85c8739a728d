package dev.dfq.engine;

import dev.dfq.engine.testkit.FixtureFiles;
import dev.dfq.engine.testkit.SuiteCase;
import dev.dfq.engine.testkit.SuiteRunner;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.grammar.Macros;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * VM semantics beyond the upstream suite: (capture, filter, tshark 4.6.9's match count) rows in
 * semantics/cases.jsonl (scripts/record-semantics.sh), run on the suite captures' fixtures —
 * quantifiers, absent fields, sets, protocol slices and tvb-wide contains, layers, arithmetic
 * overflow and division by zero, functions, references, byte ordering, string slices.
 * Rows in semantics/known-failures.txt (test_id<TAB>reason) are allowed to fail.
 */
class EngineSemanticsTest {
    @TestFactory
    List<DynamicTest> semantics() {
        FixtureFiles files = FixtureFiles.classpath("semantics");
        List<SuiteCase> cases = SuiteCase.parseJsonLines(files.readString("cases.jsonl"));
        Map<String, String> known = new HashMap<>();
        for (String line : files.readString("known-failures.txt").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] p = line.split("\t", 2);
                known.put(p[0], p.length > 1 ? p[1] : "");
            }
        }
        SuiteRunner runner = new SuiteRunner(FieldRegistry.wireshark(), Macros.empty(),
                FixtureFiles.classpath("suite_dfilter/export"));
        List<DynamicTest> tests = new ArrayList<>();
        try {
            for (SuiteCase c : cases) {
                SuiteRunner.Outcome o = runner.run(c);
                String label = c.testId() + " [" + c.capture() + (c.options().isEmpty() ? "" : " " + c.options()) + "] "
                        + c.filter();
                tests.add(DynamicTest.dynamicTest(label, () -> {
                    if (known.containsKey(c.testId())) {
                        assertTrue(!o.passed(), "listed in known-failures.txt but passes now: " + o.detail());
                    } else {
                        assertTrue(o.passed(), o.detail());
                    }
                }));
            }
        } finally {
            runner.close();
        }
        return tests;
    }
}
