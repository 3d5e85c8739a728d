package dev.dfq.engine.compile;

/** Wireshark 4.6.9's DFVM opcodes, in its enum order. */
public enum Opcode {
    DFVM_NULL, IF_TRUE_GOTO, IF_FALSE_GOTO, CHECK_EXISTS, CHECK_EXISTS_R, NOT, RETURN, READ_TREE, READ_TREE_R,
    READ_REFERENCE, READ_REFERENCE_R, PUT_FVALUE,
    ALL_EQ, ANY_EQ, ALL_NE, ANY_NE, ALL_GT, ANY_GT, ALL_GE, ANY_GE, ALL_LT, ANY_LT, ALL_LE, ANY_LE,
    ALL_CONTAINS, ANY_CONTAINS, ALL_MATCHES, ANY_MATCHES,
    SET_ALL_IN, SET_ANY_IN, SET_ALL_NOT_IN, SET_ANY_NOT_IN, SET_ADD, SET_ADD_RANGE, SET_CLEAR,
    SLICE, LENGTH, BITWISE_AND, UNARY_MINUS, ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO,
    CALL_FUNCTION, STACK_PUSH, STACK_POP, NOT_ALL_ZERO, NO_OP;

    /** The symbol dftest prints between the operands of a comparison. */
    public String symbol() {
        return switch (this) {
            case ALL_EQ -> "===";
            case ANY_EQ -> "==";
            case ALL_NE -> "!=";
            case ANY_NE -> "!==";
            case ALL_GT, ANY_GT -> ">";
            case ALL_GE, ANY_GE -> ">=";
            case ALL_LT, ANY_LT -> "<";
            case ALL_LE, ANY_LE -> "<=";
            case ALL_CONTAINS, ANY_CONTAINS -> "contains";
            case ALL_MATCHES, ANY_MATCHES -> "matches";
            case BITWISE_AND -> "&";
            case ADD -> "+";
            case SUBTRACT -> "-";
            case MULTIPLY -> "*";
            case DIVIDE -> "/";
            case MODULO -> "%";
            default -> name();
        };
    }

    private static final boolean[] ALL = new boolean[values().length];

    static {
        for (Opcode o : values()) {
            ALL[o.ordinal()] = o.name().startsWith("ALL_");
        }
    }

    public boolean isAll() {
        return ALL[ordinal()];
    }
}
