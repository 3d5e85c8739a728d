package dev.dfq.engine.testkit;

import dev.dfq.engine.CompileResult;
import dev.dfq.engine.CompiledFilter;
import dev.dfq.engine.Diagnostic;
import dev.dfq.engine.FilterCompiler;
import dev.dfq.engine.References;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import dev.dfq.grammar.Macros;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs rows of the conformance corpus the way tshark ran them: compile with the suite's macros,
 * count the frames of the capture that match ({@code -Y}; {@code -2 -R} counts the same way),
 * with field references taken from the selected frame for {@code -2 --selected-frame=N}; for
 * ERROR rows, compilation must fail with a message containing the upstream expected text and
 * equal to tshark 4.6.9's first line, and, when tshark printed a caret, with the same span. Where the upstream test expects a warning in dftest's
 * output (deprecated syntax), the compile result must carry a warning containing that text.
 */
public final class SuiteRunner {
    /** Per-case limit, so a hanging engine fails one case instead of the build. */
    public static final long TIMEOUT_SECONDS = 30;

    private final FieldRegistry registry;
    private final FilterCompiler compiler;
    private final FixtureFiles exports;
    private final Map<String, CaptureFixture> fixtures = new HashMap<>();
    private FieldStore store;
    private ExecutorService executor = newExecutor();

    public SuiteRunner(FieldRegistry registry, Macros macros, FixtureFiles exports) {
        this.registry = registry;
        this.compiler = new FilterCompiler(registry, macros);
        this.exports = exports;
    }

    /** The outcome of one case: passed, and what happened (for failure reports and the list). */
    public record Outcome(boolean passed, String detail) {
    }

    /** Reads a {@code dmacros} file ({@code "name" body} lines; {@code #} comments). */
    public static Macros parseDmacros(String text) {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || !t.startsWith("\"")) {
                continue;
            }
            int close = t.indexOf('"', 1);
            if (close > 0) {
                bodies.put(t.substring(1, close), t.substring(close + 1).strip());
            }
        }
        return Macros.of(bodies);
    }

    public synchronized CaptureFixture fixture(SuiteCase c) {
        String base = c.exportBase();
        return fixtures.computeIfAbsent(base, b -> CaptureFixture.load(registry, exports, b, c.capture() + ".columns.tsv"));
    }

    /** Runs one case with a time limit; any exception is a failure, not an error of the harness. */
    public Outcome run(SuiteCase c) {
        CaptureFixture fx = fixture(c); // outside the time limit: loading is the harness's cost
        Future<Outcome> f = executor.submit(() -> runUnbounded(c, fx));
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            executor.shutdownNow();
            executor = newExecutor();
            store = null;
            return new Outcome(false, "timed out after " + TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            return new Outcome(false, "threw " + describe(t));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted");
        }
    }

    /** An exception with where it was thrown from (for failure reasons). */
    public static String describe(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        String where = st.length > 0 ? " at " + st[0].getClassName().replaceAll(".*\\.", "") + "."
                + st[0].getMethodName() + ":" + st[0].getLineNumber() : "";
        return t.getClass().getSimpleName() + ": " + t.getMessage() + where;
    }

    private Outcome runUnbounded(SuiteCase c, CaptureFixture fx) {
        CompileResult r;
        try {
            r = compiler.compile(c.filter());
        } catch (RuntimeException e) {
            return new Outcome(false, "compile threw " + describe(e));
        }
        if (c.isError()) {
            if (r.ok()) {
                return new Outcome(false, "expected error \"" + c.errorSubstring() + "\" but it compiled");
            }
            Diagnostic d = r.error();
            if (!d.message().contains(c.errorSubstring())) {
                return new Outcome(false, "message \"" + d.message() + "\" lacks \"" + c.errorSubstring() + "\"");
            }
            if (!c.message().isEmpty() && !d.message().equals(c.message())) {
                // The corpus also holds tshark 4.6.9's complete first line: the message must be exact.
                return new Outcome(false, "message \"" + d.message() + "\", tshark: \"" + c.message() + "\"");
            }
            if (!c.errorLocation().isEmpty()) {
                String got = d.span() == null ? "none" : d.span().start() + "+" + d.span().length();
                if (!got.equals(c.errorLocation())) {
                    return new Outcome(false, "span " + got + ", expected " + c.errorLocation() + " (" + d.message() + ")");
                }
            }
            return new Outcome(true, "error: " + d.message());
        }
        if (!r.ok()) {
            Diagnostic d = r.error();
            return new Outcome(false, "expected " + c.expected() + " frames but compile failed: " + d.message()
                    + (d.span() == null ? "" : " @" + d.span().start() + "+" + d.span().length()));
        }
        CompiledFilter cf = r.filter();
        if (!c.dftestStdout().isEmpty()) {
            // Upstream checks dftest's stdout, where 4.6 prints its warnings; dfq has them both as
            // diagnostics and in its dftest rendering.
            StringBuilder out = new StringBuilder();
            for (Diagnostic w : r.warnings()) {
                out.append(w.message()).append('\n');
            }
            String dftest;
            try {
                dftest = cf.dftest();
            } catch (RuntimeException e) {
                dftest = "";
            }
            if (!out.toString().contains(c.dftestStdout()) && !dftest.contains(c.dftestStdout())) {
                return new Outcome(false, "no warning containing \"" + c.dftestStdout() + "\" (warnings: "
                        + out.toString().replace("\n", " | ") + ")");
            }
        }
        References refs = References.NONE;
        int selected = c.selectedFrame();
        if (selected > 0) {
            CaptureFixture.Frame sf = fx.frame(selected);
            if (sf == null) {
                return new Outcome(false, "harness: no frame " + selected + " in " + fx.name());
            }
            refs = References.of(sf.newStore(registry));
        }
        if (store == null) {
            store = new FieldStore(registry);
        }
        CompiledFilter.Evaluator ev = cf.newEvaluator();
        int count = 0;
        for (CaptureFixture.Frame frame : fx.frames()) {
            frame.fill(store);
            if (ev.matches(store, refs)) {
                count++;
            }
        }
        if (count != c.expectedCount()) {
            return new Outcome(false, "matched " + count + " frames, expected " + c.expected());
        }
        return new Outcome(true, "matched " + count);
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "suite-case");
            t.setDaemon(true);
            return t;
        });
    }

    public void close() {
        executor.shutdownNow();
    }
}
