package dev.dfq.engine.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dfq.engine.CompileResult;
import dev.dfq.engine.DiagnosticRenderer;
import dev.dfq.engine.FilterCompiler;
import dev.dfq.fields.FieldRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code dfq explain --dftest} against what Wireshark 4.6.9's dftest printed for 231 filters
 * (goldens/dftest-goldens.txt): identical syntax trees, programs and warnings, and for invalid
 * filters identical messages and carets. Filters in dftest-known-failures.txt are allowed to
 * differ, but must still differ (the list can only shrink).
 */
class DftestGoldenTest {
    private final FilterCompiler compiler = new FilterCompiler(FieldRegistry.wireshark());

    static String render(FilterCompiler compiler, String filter) {
        CompileResult r = compiler.compile(filter);
        if (r.ok()) {
            return r.filter().dftest();
        }
        // dfq's own hints are not dftest's: compare Wireshark's lines only
        return DiagnosticRenderer.render(r.expandedText(), new dev.dfq.engine.Diagnostic(r.error().message(), r.error().span()));
    }

    @Test
    void dftest_everyRecordedFilter_printsWhatWireshark469Prints() {
        Set<String> known = Goldens.knownFailures("dftest-known-failures.txt");
        List<String> unexpected = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        int passed = 0;
        List<Goldens.Case> cases = Goldens.blocks("dftest-goldens.txt");
        for (Goldens.Case c : cases) {
            String got = render(compiler, c.filter()).strip();
            boolean same = got.equals(c.expected().strip());
            if (same) {
                passed++;
            }
            if (!same && !known.contains(c.filter())) {
                unexpected.add("### " + c.filter() + "\n--- expected\n" + c.expected() + "--- dfq\n" + got + "\n");
            }
            if (same && known.contains(c.filter())) {
                fixed.add(c.filter());
            }
        }
        System.out.printf("dftest goldens: %d passed, %d failed%n", passed, cases.size() - passed);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(138);
        assertThat(unexpected).as("filters that differ from dftest46").isEmpty();
        assertThat(fixed).as("known failures that now pass: remove them from dftest-known-failures.txt").isEmpty();
    }
}
