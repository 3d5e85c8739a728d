package dev.dfq.engine.vm;

import com.google.re2j.Pattern;
import dev.dfq.engine.compile.Functions;
import dev.dfq.engine.compile.Opcode;
import dev.dfq.fields.FieldType;
import dev.dfq.grammar.ast.Node.ArithOp;
import dev.dfq.grammar.ast.Node.RangeNode;

import java.util.List;

/**
 * One DFVM instruction. Operands {@code a}, {@code b} are register numbers, or constants when at
 * least {@link #CONST}. Mutable only while the code generator builds the program.
 */
public final class Insn {
    public static final int NONE = -1;
    public static final int CONST = 1 << 20;

    public Opcode op;
    public int a = NONE;
    public int b = NONE;
    public int dest = NONE;
    public int target = NONE;
    /** Field ids read (all fields sharing the abbreviation). */
    public int[] fields;
    /** Printed name of the field ({@code tcp.port}, {@code @ip.src}, {@code ip.proto::value_string}). */
    public String fieldLabel;
    /** Type the read produces (FT_BYTES for raw, FT_STRING for value strings). */
    public FieldType type;
    public boolean raw;
    public boolean valueString;
    public List<RangeNode> layers;
    public List<RangeNode> ranges;
    public ArithOp arith;
    public Functions.Def func;
    public int[] args;
    public Pattern regex;
    public String pattern;
    public int count;

    public Insn(Opcode op) {
        this.op = op;
    }
}
