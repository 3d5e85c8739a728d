package dev.dfq.engine.compile;

import dev.dfq.engine.CompileResult;
import dev.dfq.engine.Diagnostic;
import dev.dfq.engine.vm.Program;
import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.grammar.FilterParser;
import dev.dfq.grammar.Macros;
import dev.dfq.grammar.ParseResult;
import dev.dfq.grammar.ast.Span;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The compile pipeline: parse, check, generate. Pure: text in, {@link CompileResult} out. */
public final class Compilation {
    private Compilation() {
    }

    /** One warning per protocol the filter reads that dfq does not dissect: its fields are absent from every frame. */
    private static List<Diagnostic> coverageWarnings(Program program, FieldRegistry registry) {
        java.util.Set<String> missing = new java.util.LinkedHashSet<>();
        for (int id : program.fields()) {
            String proto = registry.protocolOf(registry.byId(id)).abbrev();
            if (!dev.dfq.fields.dissect.Coverage.dissects(proto)) {
                missing.add(proto);
            }
        }
        return missing.stream().map(p -> new Diagnostic("dfq does not dissect " + p + " yet: its fields are absent from"
                + " every frame, so relations on them are false", null)).toList();
    }

    public static CompileResult compile(String text, FieldRegistry registry, Macros macros) {
        ParseResult parsed = new FilterParser(macros).parse(text, name -> {
            FieldDef d = registry.resolve(name).orElse(null);
            return d != null && !d.isProtocol();
        });
        String expanded = parsed.expandedText();
        if (!parsed.ok()) {
            return new CompileResult(expanded, null, new Diagnostic(parsed.error().message(), parsed.error().span()), List.of());
        }
        if (parsed.root() == null) {
            return new CompileResult(expanded, null, new Diagnostic("The filter is empty.", null), List.of());
        }
        return dev.dfq.grammar.BigStack.call(() -> check(parsed, expanded, registry),
                () -> new CompileResult(expanded, null, new Diagnostic("Filter is nested too deeply.", null), List.of()));
    }

    private static CompileResult check(ParseResult parsed, String expanded, FieldRegistry registry) {
        Checker checker = new Checker(registry);
        try {
            Span whole = new Span(0, expanded.getBytes(StandardCharsets.UTF_8).length);
            Typed tree = checker.checkFilter(parsed.root(), whole);
            Program program = new CodeGen().generate(tree);
            List<Diagnostic> warnings = new java.util.ArrayList<>(checker.warnings().stream().map(w -> new Diagnostic(w, null)).toList());
            warnings.addAll(coverageWarnings(program, registry));
            return new CompileResult(expanded, new CompiledProgram(expanded, tree, program, registry, checker.warnings()),
                    null, warnings);
        } catch (CompileError e) {
            return new CompileResult(expanded, null,
                    new Diagnostic(e.getMessage(), e.span(), Hints.forError(e.getMessage(), expanded, e.span(), registry)),
                    List.of());
        }
    }
}
