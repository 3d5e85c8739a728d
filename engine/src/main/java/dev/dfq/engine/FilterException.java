package dev.dfq.engine;

/** Thrown by {@link CompileResult#orThrow()} for an invalid filter. */
public final class FilterException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;
    private final String filterText;

    public FilterException(String filterText, Diagnostic diagnostic) {
        super(diagnostic.message());
        this.diagnostic = diagnostic;
        this.filterText = filterText;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }

    public String filterText() {
        return filterText;
    }
}
