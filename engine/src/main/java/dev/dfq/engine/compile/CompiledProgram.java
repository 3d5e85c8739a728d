package dev.dfq.engine.compile;

import dev.dfq.engine.CompiledFilter;
import dev.dfq.engine.vm.Program;
import dev.dfq.engine.vm.Vm;
import dev.dfq.fields.FieldRegistry;
import java.util.List;

/** The engine's {@link CompiledFilter}: the program, plus the checked tree for dftest output. */
final class CompiledProgram implements CompiledFilter {
    private final String text;
    private final Typed tree;
    private final Program program;
    private final FieldRegistry registry;
    private final List<String> warnings;

    CompiledProgram(String text, Typed tree, Program program, FieldRegistry registry, List<String> warnings) {
        this.text = text;
        this.tree = tree;
        this.program = program;
        this.registry = registry;
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public Evaluator newEvaluator() {
        return new Vm(program, registry);
    }

    @Override
    public int[] interestingFields() {
        return program.fields().clone();
    }

    @Override
    public int[] referencedFields() {
        return program.references().clone();
    }

    @Override
    public String dftest() {
        return Dftest.print(text, tree, program, warnings);
    }

    Program program() {
        return program;
    }
}
