package dev.dfq.engine.compile;

import com.google.re2j.Pattern;
import dev.dfq.engine.ftypes.FValue;
import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldType;
import dev.dfq.grammar.ast.Node.ArithOp;
import dev.dfq.grammar.ast.Node.RangeNode;
import dev.dfq.grammar.ast.Span;

import java.util.List;

/**
 * The checked syntax tree (Wireshark's tree after semcheck): every operand typed, literals turned
 * into {@link FValue}s, regexes compiled. Immutable; the code generator's input.
 */
public final class Typed {
    private Typed() {
    }

    /** A value-producing operand. */
    public sealed interface Expr {
        FieldType type();

        Span span();
    }

    /**
     * A field read. {@code layers} is null without {@code #}; {@code raw} for {@code @f};
     * {@code valueString} for the pseudo-field {@code f::value_string} (type FT_STRING).
     */
    public record FieldExpr(FieldDef def, FieldType type, List<RangeNode> layers, boolean raw, boolean valueString,
                            Span span) implements Expr {
        public String label() {
            StringBuilder sb = new StringBuilder();
            if (raw) {
                sb.append('@');
            }
            sb.append(def.abbrev());
            if (valueString) {
                sb.append("::value_string");
            }
            if (layers != null) {
                sb.append("#[").append(Ranges.toText(layers)).append(']');
            }
            return sb.toString();
        }
    }

    public record RefExpr(FieldExpr field, Span span) implements Expr {
        @Override
        public FieldType type() {
            return field.type();
        }
    }

    public record ConstExpr(FValue value, Span span) implements Expr {
        @Override
        public FieldType type() {
            return value.type();
        }
    }

    public record SliceExpr(Expr entity, List<RangeNode> ranges, FieldType type, Span span) implements Expr {
    }

    /** {@code derived}: the return type comes from the arguments (printed {@code <***>}). */
    public record FuncExpr(Functions.Def def, List<Expr> args, FieldType type, Span span) implements Expr {
    }

    public record ArithExpr(ArithOp op, Expr left, Expr right, FieldType type, Span span) implements Expr {
    }

    public record NegExpr(Expr operand, FieldType type, Span span) implements Expr {
    }

    public record PcreExpr(String pattern, Pattern regex, Span span) implements Expr {
        @Override
        public FieldType type() {
            return FieldType.FT_NONE;
        }
    }

    /** A boolean test. */
    public sealed interface Test {
    }

    public record Exists(FieldExpr field) implements Test {
    }

    public record And(Test left, Test right) implements Test {
    }

    public record Or(Test left, Test right) implements Test {
    }

    public record Not(Test operand) implements Test {
    }

    /** A comparison, contains or matches; {@code op} is the VM opcode, {@code label} the tree label. */
    public record Relation(Opcode op, String label, Expr left, Expr right) implements Test {
    }

    public record SetElem(Expr low, Expr high) {
    }

    public record InSet(Opcode op, String label, Expr left, List<SetElem> elements) implements Test {
    }

    /** A bare arithmetic expression, slice or function used as a test: true if some value is non-zero. */
    public record ValueTest(Expr expr) implements Test {
    }
}
