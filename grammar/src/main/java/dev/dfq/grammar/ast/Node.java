package dev.dfq.grammar.ast;

import java.util.List;
import java.util.Objects;

/**
 * The syntax tree of a display filter: immutable, every node with a {@link Span}. Names stay
 * unresolved words here (the grammar never knows fields); the engine's checker decides whether an
 * {@link Identifier} is a field or a literal, as Wireshark keeps STTYPE_UNPARSED until semcheck.
 */
public sealed interface Node {
    Span span();

    // ---- logical level ------------------------------------------------------------------

    enum LogicalOp { AND, OR, XOR }

    /** {@code a and b}, {@code a or b}, {@code a xor b}. */
    record Logical(LogicalOp op, Node left, Node right, Span span) implements Node {
        public Logical {
            Objects.requireNonNull(op, "op is null");
            Objects.requireNonNull(left, "left is null");
            Objects.requireNonNull(right, "right is null");
        }
    }

    /** {@code not a}, {@code !a}. */
    record Not(Node operand, Span span) implements Node {
        public Not {
            Objects.requireNonNull(operand, "operand is null");
        }
    }

    /** Explicit quantifier written before a relation. */
    enum Quantifier { NONE, ANY, ALL }

    /** Comparison operators; each symbol and word form maps to one constant. */
    enum CmpOp {
        /** {@code == eq any_eq} */ ANY_EQ,
        /** {@code != ne all_ne} */ ALL_NE,
        /** {@code === all_eq} */ ALL_EQ,
        /** {@code !== any_ne} */ ANY_NE,
        /** {@code > gt} */ GT,
        /** {@code >= ge} */ GE,
        /** {@code < lt} */ LT,
        /** {@code <= le} */ LE
    }

    /**
     * {@code left op right}. A chain {@code a < b < c} is desugared by the parser into
     * {@code (a < b) and (b < c)} with the middle operand duplicated, as Wireshark does.
     *
     * @param opSpan span of the operator token
     */
    record Comparison(Quantifier quantifier, CmpOp op, Node left, Node right, Span opSpan, Span span) implements Node {
        public Comparison {
            Objects.requireNonNull(quantifier, "quantifier is null");
            Objects.requireNonNull(op, "op is null");
            Objects.requireNonNull(left, "left is null");
            Objects.requireNonNull(right, "right is null");
        }
    }

    /** {@code left contains right}. */
    record Contains(Quantifier quantifier, Node left, Node right, Span opSpan, Span span) implements Node {
    }

    /** {@code left matches right} / {@code left ~ right}. */
    record Matches(Quantifier quantifier, Node left, Node right, Span opSpan, Span span) implements Node {
    }

    /** {@code left in {..}} and {@code left not in {..}}. */
    record Membership(Quantifier quantifier, boolean negated, Node left, SetLiteral set, Span span) implements Node {
    }

    // ---- arithmetic ---------------------------------------------------------------------

    enum ArithOp { ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, BITWISE_AND }

    record Arithmetic(ArithOp op, Node left, Node right, Span opSpan, Span span) implements Node {
    }

    /** Unary minus. (Unary plus leaves its operand unchanged and has no node.) */
    record Negate(Node operand, Span span) implements Node {
    }

    // ---- entities -----------------------------------------------------------------------

    /**
     * A bare word whose meaning the checker decides: a field or protocol if the registry has it
     * (for {@link WordKind#IDENTIFIER}), else a literal parsed by the other operand's type, e.g.
     * {@code tcp.port}, {@code fc}, {@code TCP}, {@code 00:09:6b:88:f5:c9}, {@code 10.0.0.0/8}.
     * {@code text} is the word as written, minus a leading {@code :} for {@link WordKind#LITERAL}.
     */
    record Identifier(String text, WordKind kind, Span span) implements Node {
    }

    /**
     * How Wireshark 4.6's scanner classified a word (the grammar module documents the exact rules in
     * its lexer); the checker treats the kinds differently, as 4.6's semcheck does.
     */
    enum WordKind {
        /** Identifier syntax: may be a field/protocol, else a literal (error when it stands alone or on the left). */
        IDENTIFIER,
        /** Lexically a literal value (address, byte string, word with characters an identifier cannot have). */
        UNPARSED,
        /** Written with a leading {@code :}: always a literal, never a field. */
        LITERAL
    }

    /**
     * A word that must be a field: written with a leading {@code .}, a layer, the raw operator
     * {@code @}, or inside a reference.
     *
     * @param layer null when no {@code #} was written
     * @param raw {@code @field}: the field's undecoded bytes
     */
    record Field(String name, Layer layer, boolean raw, Span nameSpan, Span span) implements Node {
    }

    /** {@code #n} or {@code #[ranges]} after a field name. */
    record Layer(List<RangeNode> ranges, Span span) {
        public Layer {
            ranges = List.copyOf(ranges);
        }
    }

    /** A number token (integer in any base, or a float), unparsed: the checker types it. */
    record NumberLit(String text, Span span) implements Node {
    }

    /**
     * A double-quoted or raw string after escape processing.
     *
     * @param value the bytes of the value (UTF-8 for non-ASCII input, escapes resolved)
     * @param raw written as {@code r"..."}
     */
    record StringLit(byte[] value, boolean raw, String source, Span span) implements Node {
    }

    /** A character constant {@code 'a'} with its value resolved. */
    record CharLit(long value, String source, Span span) implements Node {
    }

    /** {@code $f}, {@code ${f}}, {@code $@f}: the field's values in the selected frame. */
    record Reference(Field field, Span span) implements Node {
    }

    /** {@code entity[ranges]}; slices may be chained ({@code frame[0:10][2:2]}). */
    record Slice(Node entity, List<RangeNode> ranges, Span rangeSpan, Span span) implements Node {
        public Slice {
            ranges = List.copyOf(ranges);
        }
    }

    /**
     * One range of a slice or a layer list. Forms: {@code i:j} (start, length), {@code i-j} (start,
     * end inclusive), {@code i} (one element), {@code :j} (start 0, length j), {@code i:} (start to
     * end). Offsets may be negative (count from the end).
     */
    record RangeNode(RangeKind kind, long start, long lengthOrEnd, Span span) {
    }

    enum RangeKind {
        /** {@code i:j}: start and length. */ START_LENGTH,
        /** {@code i-j}: start and inclusive end. */ START_END,
        /** {@code i}: a single element. */ SINGLE,
        /** {@code i:}: from start to the end. */ TO_END
    }

    /** {@code name(args)}. */
    record FunctionCall(String name, List<Node> args, Span nameSpan, Span span) implements Node {
        public FunctionCall {
            args = List.copyOf(args);
        }
    }

    /** {@code {a, b, c..d}}: only in a membership test. */
    record SetLiteral(List<SetElement> elements, Span span) implements Node {
        public SetLiteral {
            elements = List.copyOf(elements);
        }
    }

    /** One set element; {@code high} is null unless it is a range {@code low..high}. */
    record SetElement(Node low, Node high, Span span) {
    }
}
