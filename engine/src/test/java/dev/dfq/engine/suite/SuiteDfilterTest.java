package dev.dfq.engine.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dfq.engine.testkit.FixtureFiles;
import dev.dfq.engine.testkit.KnownFailures;
import dev.dfq.engine.testkit.SuiteCase;
import dev.dfq.engine.testkit.SuiteRunner;
import dev.dfq.fields.FieldRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Wireshark's display-filter test suite (test/suite_dfilter, 467 calls), with every expectation
 * re-recorded on tshark 4.6.9: see src/test/resources/suite_dfilter/README-corpus.md and SOURCES.
 *
 * <p>Every case runs against the fixture of its capture (tshark's own dissection, rebuilt by
 * {@link dev.dfq.engine.testkit.CaptureFixture}). Cases listed in known-failures.txt must still
 * fail, all others must pass; regenerate the list with {@code -Ddfq.updateKnownFailures=true}.
 */
class SuiteDfilterTest {
    static final String ROOT = "suite_dfilter";
    static final String KNOWN = "known-failures.txt";

    @TestFactory
    Stream<DynamicTest> suiteDfilter() {
        FixtureFiles root = FixtureFiles.classpath(ROOT);
        List<SuiteCase> cases = SuiteCase.parseJsonLines(root.readString("cases.jsonl"));
        assertEquals(467, cases.size(), "cases.jsonl rows");
        SuiteRunner runner = new SuiteRunner(FieldRegistry.wireshark(),
                SuiteRunner.parseDmacros(root.readString("test_dmacros")), FixtureFiles.classpath(ROOT + "/export"));
        Map<String, SuiteRunner.Outcome> outcomes = new LinkedHashMap<>();
        try {
            for (SuiteCase c : cases) {
                outcomes.put(c.testId(), runner.run(c));
            }
        } finally {
            runner.close();
        }

        Map<String, String> known = KnownFailures.read(root, KNOWN);
        Map<String, String> failing = new LinkedHashMap<>();
        outcomes.forEach((id, o) -> {
            if (!o.passed()) {
                failing.put(id, o.detail());
            }
        });
        int passed = outcomes.size() - failing.size();
        if (KnownFailures.updateRequested()) {
            Path file = KnownFailures.write(ROOT + "/" + KNOWN, List.of(
                    "suite_dfilter cases expected to fail: test_id<TAB>what went wrong (generated).",
                    "SuiteDfilterTest fails if a listed case passes or an unlisted case fails.",
                    "Regenerate: mvn -pl engine -am test -Dtest=SuiteDfilterTest -Ddfq.updateKnownFailures=true"
                            + " -Dsurefire.failIfNoSpecifiedTests=false"), failing);
            System.out.println("suite_dfilter: wrote " + failing.size() + " known failures to " + file);
            known = failing;
        }
        int unexpectedFailures = 0;
        int fixed = 0;
        for (String id : failing.keySet()) {
            if (!known.containsKey(id)) {
                unexpectedFailures++;
            }
        }
        for (String id : known.keySet()) {
            SuiteRunner.Outcome o = outcomes.get(id);
            if (o != null && o.passed()) {
                fixed++;
            }
        }
        System.out.println("suite_dfilter: " + passed + " passed, " + (failing.size() - unexpectedFailures)
                + " known failures" + (unexpectedFailures > 0 ? ", " + unexpectedFailures + " NEW failures" : "")
                + (fixed > 0 ? ", " + fixed + " listed but now passing" : ""));

        Map<String, String> knownFinal = known;
        List<DynamicTest> tests = new ArrayList<>();
        for (SuiteCase c : cases) {
            SuiteRunner.Outcome o = outcomes.get(c.testId());
            String label = c.testId() + " [" + c.capture() + (c.options().isEmpty() ? "" : " " + c.options()) + "] "
                    + c.filter().replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
            tests.add(DynamicTest.dynamicTest(label, () -> {
                if (knownFinal.containsKey(c.testId())) {
                    assertTrue(!o.passed(), () -> c.testId() + ": listed in " + KNOWN + " but now passes (" + o.detail()
                            + "): remove it (regenerate with -Ddfq.updateKnownFailures=true)");
                } else if (!o.passed()) {
                    fail(c.filter() + " => " + o.detail());
                }
            }));
        }
        Set<String> ids = new HashSet<>(outcomes.keySet());
        tests.add(DynamicTest.dynamicTest("known-failures.txt lists only existing test ids", () -> {
            List<String> stale = knownFinal.keySet().stream().filter(id -> !ids.contains(id)).toList();
            assertTrue(stale.isEmpty(), () -> "unknown ids in " + KNOWN + ": " + stale);
        }));
        return tests.stream();
    }
}
