package dev.dfq.engine.vm;

import dev.dfq.engine.ftypes.FValue;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An immutable DFVM program: instructions, constants and the number of registers. */
public final class Program {
    final Insn[] code;
    final Reg[] constants;
    final FValue[] constantValues;
    final int registers;
    final FieldRegistry registry;
    final FieldType returnType;
    /** value-string text cache per field id and value (filled lazily, shared by evaluators). */
    final Map<Long, byte[]> valueStringCache = new ConcurrentHashMap<>();

    public Program(List<Insn> code, List<FValue> constants, int registers, FieldRegistry registry, FieldType returnType) {
        this.code = code.toArray(new Insn[0]);
        this.constantValues = constants.toArray(new FValue[0]);
        this.constants = new Reg[this.constantValues.length];
        for (int i = 0; i < this.constants.length; i++) {
            this.constants[i] = this.constantValues[i] == null ? new Reg() : Reg.constant(this.constantValues[i]);
        }
        this.registers = registers;
        this.registry = registry;
        this.returnType = returnType;
    }

    public Insn[] code() {
        return code;
    }

    public FValue constant(int operand) {
        return constantValues[operand - Insn.CONST];
    }

    public int registers() {
        return registers;
    }

    public FieldType returnType() {
        return returnType;
    }

    public Evaluator newEvaluator() {
        return new Evaluator(this);
    }
}
