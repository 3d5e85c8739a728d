package dev.dfq.engine;

import dev.dfq.engine.compile.CheckException;
import dev.dfq.engine.compile.Checker;
import dev.dfq.engine.compile.CodeGen;
import dev.dfq.engine.compile.DftestPrinter;
import dev.dfq.engine.compile.Typed;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.grammar.Macros;
import dev.dfq.grammar.ParseResult;
import dev.dfq.grammar.ast.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Compiles display-filter text into a {@link CompiledFilter}: parse (grammar), check names and
 * types against the registry, generate the register program. Stateless apart from its registry
 * and macros; safe to share between threads.
 */
public final class FilterCompiler {
    private final FieldRegistry registry;
    private final Macros macros;
    private final boolean pluginFunctions;

    public FilterCompiler(FieldRegistry registry) {
        this(registry, Macros.empty());
    }

    public FilterCompiler(FieldRegistry registry, Macros macros) {
        this(registry, macros, true);
    }

    private FilterCompiler(FieldRegistry registry, Macros macros, boolean pluginFunctions) {
        this.registry = java.util.Objects.requireNonNull(registry, "registry is null");
        this.macros = java.util.Objects.requireNonNull(macros, "macros is null");
        this.pluginFunctions = pluginFunctions;
    }

    /** A compiler without the ipaddr plugin's functions, as dftest46 runs (it loads no plugins). */
    public FilterCompiler withoutPluginFunctions() {
        return new FilterCompiler(registry, macros, false);
    }

    public FieldRegistry registry() {
        return registry;
    }

    public Macros macros() {
        return macros;
    }

    /** Compiles; never throws for bad filter text (the error is in the result). */
    public CompileResult compile(String text) {
        ParseResult pr = Parsing.parse(macros, text, this::isFieldName);
        if (!pr.ok()) {
            return new CompileResult(pr.expandedText(), null,
                    new Diagnostic(pr.error().message(), pr.error().span()), List.of());
        }
        return compileTree(pr.expandedText(), pr.root());
    }

    private boolean isFieldName(String name) {
        return registry.resolve(name).isPresent();
    }

    /** Checks and generates code for an already parsed tree ({@code root} null matches everything). */
    public CompileResult compileTree(String expandedText, Node root) {
        Checker checker = new Checker(registry, expandedText);
        if (!pluginFunctions) {
            checker.withoutPlugins();
        }
        Typed.Test test = null;
        if (root != null) {
            try {
                test = checker.check(root);
            } catch (CheckException e) {
                return new CompileResult(expandedText, null, new Diagnostic(e.getMessage(), e.span()),
                        warningsOf(checker));
            }
        }
        CodeGen.Output out;
        if (test == null) {
            out = null;
        } else {
            out = new CodeGen(registry).generate(test);
        }
        List<String> warnings = new ArrayList<>(checker.warnings());
        Typed.Test root0 = test;
        CompiledFilter f = new Compiled(expandedText, out, () -> out == null ? "Filter:\n " + expandedText + "\n\n"
                : DftestPrinter.print(expandedText, root0, out, warnings));
        return new CompileResult(expandedText, f, null, warningsOf(checker));
    }

    private static List<Diagnostic> warningsOf(Checker c) {
        List<Diagnostic> l = new ArrayList<>();
        for (String w : c.warnings()) {
            l.add(new Diagnostic(w, null));
        }
        return l;
    }

    /** Bridge to the grammar module's parser (looked up reflectively until it is on every branch). */
    static final class Parsing {
        private Parsing() {
        }

        static ParseResult parse(Macros macros, String text, Predicate<String> isField) {
            try {
                Class<?> c = Class.forName("dev.dfq.grammar.FilterParser");
                Object parser = c.getConstructor(Macros.class).newInstance(macros);
                return (ParseResult) c.getMethod("parse", String.class, Predicate.class).invoke(parser, text, isField);
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("grammar module has no FilterParser", e);
            }
        }
    }

    private static final class Compiled implements CompiledFilter {
        private final String text;
        private final CodeGen.Output out;
        private final java.util.function.Supplier<String> dftest;

        Compiled(String text, CodeGen.Output out, java.util.function.Supplier<String> dftest) {
            this.text = text;
            this.out = out;
            this.dftest = dftest;
        }

        @Override
        public String text() {
            return text;
        }

        @Override
        public Evaluator newEvaluator() {
            if (out == null) {
                return (frame, refs) -> true;
            }
            dev.dfq.engine.vm.Evaluator ev = out.program().newEvaluator();
            return ev::matches;
        }

        @Override
        public int[] interestingFields() {
            return out == null ? new int[0] : out.interesting().clone();
        }

        @Override
        public int[] referencedFields() {
            return out == null ? new int[0] : out.referenced().clone();
        }

        @Override
        public String dftest() {
            return dftest.get();
        }
    }
}
