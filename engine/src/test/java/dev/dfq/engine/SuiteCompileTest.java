package dev.dfq.engine;

import dev.dfq.fields.FieldRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compile side of Wireshark's suite_dfilter (467 cases re-run on tshark 4.6.9): every filter
 * tshark accepts compiles, every one it rejects fails with the same message and caret location.
 */
class SuiteCompileTest {
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char d = s.charAt(++i);
                sb.append(switch (d) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> d;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Scanner corner cases the engine's stand-in parser does not model (the grammar module's job). */
    private static final Set<String> TEST_PARSER_GAPS = Set.of(
            "group_membership.py::TestDfilterMembership::test_membership_9_range_invalid_float",
            "group_syntax.py::TestDfilterSyntax::test_charconst_invalid");

    @TestFactory
    List<DynamicTest> suite() throws IOException {
        FilterCompiler fc = new FilterCompiler(FieldRegistry.wireshark(), SuiteMacros.load());
        Set<String> known = new HashSet<>(DftestGoldenTest.read("/suite/known-failures.txt").lines().toList());
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : DftestGoldenTest.read("/suite/compile-cases.tsv").lines().toList()) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            String id = c[0];
            boolean error = c[1].equals("ERROR");
            String message = c[2];
            String location = c[3];
            String filter = unescape(c[4]);
            tests.add(DynamicTest.dynamicTest(id + " " + filter, () -> {
                Assumptions.assumeFalse(known.contains(id), "known gap");
                boolean parser = DftestGoldenTest.parserAvailable();
                Assumptions.assumeTrue(parser || !id.startsWith("group_macro") && !TEST_PARSER_GAPS.contains(id),
                        "the test parser does not cover this syntax");
                CompileResult r = parser ? fc.compile(filter) : DftestGoldenTest.compileWithTestParser(fc, filter);
                if (!error) {
                    assertThat(r.error()).as("compile error").isNull();
                    return;
                }
                assertThat(r.error()).as("expected error").isNotNull();
                assertThat(r.error().message()).isEqualTo(message);
                String loc = r.error().span() == null ? "" : r.error().span().start() + "+" + r.error().span().length();
                assertThat(loc).as("location").isEqualTo(location);
            }));
        }
        return tests;
    }
}
