package dev.dfq.engine;

import dev.dfq.fields.FieldRegistry;
import dev.dfq.grammar.Macros;

/**
 * Compiles display-filter text into a {@link CompiledFilter}: parse (grammar), check names and
 * types against the registry, generate the register program. Stateless apart from its registry
 * and macros; safe to share between threads.
 */
public final class FilterCompiler {
    private final FieldRegistry registry;
    private final Macros macros;

    public FilterCompiler(FieldRegistry registry) {
        this(registry, Macros.empty());
    }

    public FilterCompiler(FieldRegistry registry, Macros macros) {
        this.registry = java.util.Objects.requireNonNull(registry, "registry is null");
        this.macros = java.util.Objects.requireNonNull(macros, "macros is null");
    }

    public FieldRegistry registry() {
        return registry;
    }

    public Macros macros() {
        return macros;
    }

    /** Compiles; never throws for bad filter text (the error is in the result). */
    public CompileResult compile(String text) {
        return dev.dfq.engine.compile.Compilation.compile(text, registry, macros);
    }
}
