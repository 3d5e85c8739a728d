package dev.dfq.engine.vm;

import dev.dfq.grammar.ast.Node.RangeNode;
import java.util.List;

/**
 * One VM instruction. Fields are used according to the opcode: {@code read} for READ_TREE and
 * CHECK_EXISTS, {@code a}/{@code b} operands, {@code dst} the output register, {@code target}
 * for jumps, {@code ranges} for SLICE, {@code function}/{@code count} for calls, {@code matcher}
 * for MATCHES. Mutable only while the code generator patches jump targets.
 */
public final class Insn {
    public final Op op;
    public FieldRead read;
    public Operand a;
    public Operand b;
    public int dst = -1;
    public int target = -1;
    public List<RangeNode> ranges;
    public String rangeText;
    public Functions.Def function;
    public int count;
    public RegexMatcher matcher;
    public List<Operand> args;
    /** Type of the value written to {@code dst}. */
    public dev.dfq.fields.FieldType resultType;

    public Insn(Op op) {
        this.op = op;
    }
}
