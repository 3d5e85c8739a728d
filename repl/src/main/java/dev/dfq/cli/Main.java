package dev.dfq.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * dfq's entry point. Exit statuses follow tshark's (ws_exit_codes.h): 0 success, 1 bad option,
 * 3 unreadable file, 4 invalid filter; an unexpected failure is reported in one line, never as a
 * stack trace (set DFQ_DEBUG=1 to see one).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        warmUp();
        System.exit(run(args, new PrintWriter(System.out, false), new PrintWriter(System.err, true)));
    }

    /** True when the error is, or was caused by, running out of heap (also inside a class initialiser). */
    private static boolean causedByOutOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError || String.valueOf(c.getMessage()).contains("OutOfMemoryError")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Loads the field registry (272,801 names, about a tenth of a second before the JIT has run) on a
     * second thread while picocli reads the command line on this one. Whoever needs the registry
     * first waits for the load to finish (class initialisation), so nothing is done twice.
     */
    private static void warmUp() {
        Thread t = new Thread(() -> {
            try {
                // the first definition asked for also loads the display names, which the checker reads
                dev.dfq.fields.FieldRegistry.wireshark().byName("frame");
            } catch (RuntimeException | Error e) {
                // the command that needs the registry reports it
            }
        }, "dfq-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Runs dfq with the given streams; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new DfqCommand(out, err));
        cl.setOut(out);
        cl.setErr(err);
        // a filter may start with '-' ("-{tcp.port} == -80"): explain takes such words as the filter
        cl.getSubcommands().get("explain").setUnmatchedOptionsArePositionalParams(true);
        // "-T fields" is tshark's output format, not the "fields" sub-command
        cl.setAllowSubcommandsAsOptionParameters(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("dfq: " + ex.getMessage());
            err.println("Try 'dfq --help' for more information.");
            err.flush();
            return ExitCodes.INVALID_OPTION;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (System.getenv("DFQ_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.println("dfq: internal error: " + ex);
            err.flush();
            return ExitCodes.INTERNAL;
        });
        try {
            return cl.execute(args);
        } catch (Error e) {
            // what was printed so far stays; one line with the reason (and the way out) replaces a stack trace
            out.flush();
            if (System.getenv("DFQ_DEBUG") != null) {
                e.printStackTrace(err);
            }
            if (causedByOutOfMemory(e)) {
                err.println("dfq: out of memory (the Java heap limit is " + (Runtime.getRuntime().maxMemory() >> 20)
                        + " MiB); raise it with DFQ_JAVA_OPTS=\"-Xss8m -Xmx4g\"");
            } else {
                err.println("dfq: internal error: " + e);
            }
            return ExitCodes.INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
