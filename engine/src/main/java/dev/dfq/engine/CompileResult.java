package dev.dfq.engine;

import java.util.List;

/**
 * The outcome of compiling one filter: a program, or the first error (as Wireshark reports only
 * the first), plus warnings either way. {@code expandedText} is the filter after macro expansion;
 * spans refer to it.
 */
public record CompileResult(String expandedText, CompiledFilter filter, Diagnostic error, List<Diagnostic> warnings) {
    public CompileResult {
        warnings = List.copyOf(warnings);
    }

    public boolean ok() {
        return error == null;
    }

    /** The filter, or an exception carrying the error. */
    public CompiledFilter orThrow() {
        if (error != null) {
            throw new FilterException(expandedText, error);
        }
        return filter;
    }
}
