package dev.dfq.engine.vm;

import dev.dfq.fields.FieldType;
import java.util.List;

/**
 * A compiled filter program: instructions, how many registers they use, and what the program
 * reads. {@code returnType} is FT_NONE for a test, the value type for a bare value expression.
 */
public record Program(List<Insn> code, int registers, int[] fields, int[] references, FieldType returnType,
                      int returnRegister) {
    public Program {
        code = List.copyOf(code);
    }
}
