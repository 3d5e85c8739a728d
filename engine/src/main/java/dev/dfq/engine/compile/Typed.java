package dev.dfq.engine.compile;

import dev.dfq.engine.vm.FieldRead;
import dev.dfq.engine.vm.Functions;
import dev.dfq.engine.vm.Op;
import dev.dfq.engine.vm.Reg;
import dev.dfq.engine.vm.RegexMatcher;
import dev.dfq.fields.FieldType;
import dev.dfq.grammar.ast.Node.RangeNode;
import dev.dfq.grammar.ast.Span;
import java.util.List;

/**
 * The checked syntax tree: every name resolved, every literal typed. It is what Wireshark's
 * dftest prints as the syntax tree, and what the code generator compiles.
 */
public sealed interface Typed {
    Span span();

    /** A value-producing node. */
    sealed interface Entity extends Typed {
        FieldType type();

        /** True when the value depends on no frame (literals and what is folded from them). */
        default boolean constant() {
            return false;
        }
    }

    record Field(FieldRead read, Span span) implements Entity {
        @Override
        public FieldType type() {
            return read.type();
        }
    }

    record Reference(FieldRead read, Span span) implements Entity {
        @Override
        public FieldType type() {
            return read.type();
        }
    }

    record Const(FieldType type, Reg value, Span span) implements Entity {
        @Override
        public boolean constant() {
            return true;
        }
    }

    record Slice(Entity entity, List<RangeNode> ranges, String rangeText, FieldType type, Span span) implements Entity {
    }

    record Function(Functions.Def def, List<Entity> args, FieldType type, Span span) implements Entity {
        @Override
        public boolean constant() {
            return args.stream().allMatch(Entity::constant);
        }
    }

    record Arith(Op op, String name, Entity left, Entity right, FieldType type, Span span) implements Entity {
        @Override
        public boolean constant() {
            return left.constant() && right.constant();
        }
    }

    record Negate(Entity operand, FieldType type, Span span) implements Entity {
        @Override
        public boolean constant() {
            return operand.constant();
        }
    }

    /** A field or protocol tested for presence. */
    record Exists(FieldRead read, Span span) implements Typed {
    }

    /** An arithmetic value, slice or function used as a test: true unless every value is zero/empty. */
    record Truth(Entity entity, Span span) implements Typed {
    }

    /**
     * A relation. {@code op} is the VM opcode after the quantifier ({@code all x == y} is ALL_EQ);
     * {@code testName} the syntax-tree label (TEST_ANY_EQ); {@code quantifier} "", "ANY " or "ALL ".
     */
    record Compare(Op op, String testName, String quantifier, Entity left, Entity right, RegexMatcher matcher,
                   Span span) implements Typed {
    }

    /** One element of a set: a value or a range. */
    record SetElement(Entity low, Entity high) {
    }

    record In(Op op, String testName, String quantifier, Entity left, List<SetElement> elements, Span span) implements Typed {
    }

    record And(Typed left, Typed right, Span span) implements Typed {
    }

    record Or(Typed left, Typed right, Span span) implements Typed {
    }

    record Not(Typed operand, Span span) implements Typed {
    }
}
