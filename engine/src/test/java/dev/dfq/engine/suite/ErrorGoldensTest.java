package dev.dfq.engine.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dfq.engine.CompileResult;
import dev.dfq.engine.Diagnostic;
import dev.dfq.engine.DiagnosticRenderer;
import dev.dfq.engine.FilterCompiler;
import dev.dfq.engine.testkit.FixtureFiles;
import dev.dfq.engine.testkit.KnownFailures;
import dev.dfq.engine.testkit.SuiteRunner;
import dev.dfq.fields.FieldRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * tshark 4.6.9's verdict on a few hundred filters (mostly invalid: syntax, unknown fields, type
 * errors, literals, ranges, functions, sets, macros, regexes, mail fields), recorded by
 * scripts/record-error-goldens.sh into goldens/errors/errors.tsv. For an invalid filter
 * (exit 4) the compiler must fail and {@link DiagnosticRenderer#renderLikeTshark} must print exactly tshark's
 * stderr (without "tshark: "): the message line, the filter and caret lines exactly when tshark
 * prints them, and any further note; a valid filter (exit 0) must compile. Known failures as in {@link SuiteDfilterTest}.
 */
class ErrorGoldensTest {
    static final String ROOT = "goldens/errors";
    static final String KNOWN = "known-failures.txt";

    record Golden(String filter, int exit, List<String> stderr) {
    }

    static List<Golden> readGoldens(String tsv) {
        List<Golden> out = new ArrayList<>();
        boolean header = true;
        for (String line : tsv.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                if (!line.equals("filter\texit\tstderr")) {
                    throw new IllegalArgumentException("errors.tsv: unexpected header " + line);
                }
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 3) {
                throw new IllegalArgumentException("errors.tsv: expected 3 columns: " + line);
            }
            String err = unescape(cols[2]);
            out.add(new Golden(cols[0], Integer.parseInt(cols[1]),
                    err.isEmpty() ? List.of() : Arrays.asList(err.split("\n", -1))));
        }
        return out;
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Checks one golden; returns null when it passes, else what differs. */
    static String check(FilterCompiler compiler, Golden g) {
        CompileResult r;
        try {
            r = compiler.compile(g.filter());
        } catch (RuntimeException e) {
            return "compile threw " + SuiteRunner.describe(e);
        }
        if (g.exit() == 0) {
            return r.ok() ? null : "tshark accepts it, dfq says: " + r.error().message();
        }
        if (g.exit() != 4) {
            return "harness: tshark exit status " + g.exit() + " is not a filter verdict";
        }
        if (r.ok()) {
            return "expected \"" + g.stderr().get(0) + "\" but it compiled";
        }
        // dfq's own hints ("did you mean") are not tshark's: render without them.
        Diagnostic d = new Diagnostic(r.error().message(), r.error().span());
        String rendered = DiagnosticRenderer.renderLikeTshark(r.expandedText(), d);
        if (rendered.endsWith("\n")) {
            rendered = rendered.substring(0, rendered.length() - 1);
        }
        List<String> got = Arrays.asList(rendered.split("\n", -1));
        List<String> want = g.stderr();
        if (!got.get(0).equals(want.get(0))) {
            return "message \"" + got.get(0) + "\", tshark: \"" + want.get(0) + "\"";
        }
        boolean wantCaret = want.size() >= 3 && want.get(2).trim().startsWith("^");
        boolean gotCaret = d.span() != null;
        if (wantCaret != gotCaret) {
            return wantCaret ? "no caret, tshark: " + want.get(2).trim() + " at column " + (want.get(2).indexOf('^') - 4)
                    : "caret " + d.span() + " where tshark prints none";
        }
        if (wantCaret) {
            if (!got.get(1).equals(want.get(1))) {
                return "filter line \"" + got.get(1) + "\", tshark: \"" + want.get(1) + "\"";
            }
            if (!got.get(2).equals(want.get(2))) {
                return "caret \"" + got.get(2).trim() + "\" at " + (got.get(2).indexOf('^') - 4) + ", tshark: \""
                        + want.get(2).trim() + "\" at " + (want.get(2).indexOf('^') - 4);
            }
        }
        if (!got.equals(want)) {
            int from = wantCaret ? 3 : 1;
            return "further lines " + got.subList(Math.min(from, got.size()), got.size()) + ", tshark: "
                    + want.subList(Math.min(from, want.size()), want.size());
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> errorGoldens() throws Exception {
        FixtureFiles files = FixtureFiles.classpath(ROOT);
        List<Golden> goldens = readGoldens(files.readString("errors.tsv"));
        assertTrue(goldens.size() >= 170, "at least 170 goldens");
        FilterCompiler compiler = new FilterCompiler(FieldRegistry.wireshark(),
                SuiteRunner.parseDmacros(FixtureFiles.classpath("suite_dfilter").readString("test_dmacros")));
        Map<String, String> failing = new LinkedHashMap<>();
        Map<String, String> outcome = new LinkedHashMap<>();
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "golden");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Golden g : goldens) {
                String res;
                Future<String> f = ex.submit(() -> check(compiler, g));
                try {
                    res = f.get(SuiteRunner.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    ex.shutdownNow();
                    ex = Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "golden");
                        t.setDaemon(true);
                        return t;
                    });
                    res = "timed out";
                } catch (java.util.concurrent.ExecutionException e) {
                    res = "threw " + SuiteRunner.describe(e.getCause());
                }
                outcome.put(g.filter(), res);
                if (res != null) {
                    failing.put(g.filter(), res);
                }
            }
        } finally {
            ex.shutdownNow();
        }
        Map<String, String> known = KnownFailures.read(files, KNOWN);
        if (KnownFailures.updateRequested()) {
            Path file = KnownFailures.write(ROOT + "/" + KNOWN, List.of(
                    "Error goldens expected to fail: filter<TAB>what differs (generated).",
                    "ErrorGoldensTest fails if a listed filter passes or an unlisted one fails.",
                    "Regenerate: mvn -pl engine -am test -Dtest=ErrorGoldensTest -Ddfq.updateKnownFailures=true"
                            + " -Dsurefire.failIfNoSpecifiedTests=false"), failing);
            System.out.println("error goldens: wrote " + failing.size() + " known failures to " + file);
            known = failing;
        }
        Map<String, String> knownFinal = known;
        long unexpected = failing.keySet().stream().filter(k -> !knownFinal.containsKey(k)).count();
        long fixed = knownFinal.keySet().stream().filter(k -> outcome.containsKey(k) && outcome.get(k) == null).count();
        System.out.println("error goldens: " + (goldens.size() - failing.size()) + " passed, "
                + (failing.size() - unexpected) + " known failures"
                + (unexpected > 0 ? ", " + unexpected + " NEW failures" : "")
                + (fixed > 0 ? ", " + fixed + " listed but now passing" : ""));
        List<DynamicTest> tests = new ArrayList<>();
        for (Golden g : goldens) {
            String res = outcome.get(g.filter());
            String label = "[exit " + g.exit() + "] " + g.filter();
            tests.add(DynamicTest.dynamicTest(label, () -> {
                if (knownFinal.containsKey(g.filter())) {
                    assertTrue(res != null, () -> g.filter() + ": listed in " + KNOWN + " but now passes: remove it"
                            + " (regenerate with -Ddfq.updateKnownFailures=true)");
                } else if (res != null) {
                    fail(g.filter() + " => " + res + "\n  tshark: " + String.join("\n          ", g.stderr()));
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("known-failures.txt lists only recorded filters", () -> {
            List<String> stale = knownFinal.keySet().stream().filter(k -> !outcome.containsKey(k)).toList();
            assertTrue(stale.isEmpty(), () -> "filters in " + KNOWN + " not in errors.tsv: " + stale);
        }));
        return tests.stream();
    }
}
