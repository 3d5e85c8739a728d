package dev.dfq.engine.compile;

import dev.dfq.fields.FieldType;
import dev.dfq.fields.FieldType.Kind;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * THE operator x type table: which value kinds support which operations, as 4.6.9's ftype tables
 * do. Every capability question the checker asks goes through here.
 */
public final class TypeRules {
    private TypeRules() {
    }

    public enum Cap { EQ, ORDER, CONTAINS, MATCHES, SLICE, BITWISE, NEGATE, ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, LEN }

    private static final Map<Kind, Set<Cap>> TABLE = new EnumMap<>(Kind.class);

    static {
        Set<Cap> ints = EnumSet.of(Cap.EQ, Cap.ORDER, Cap.BITWISE, Cap.NEGATE, Cap.ADD, Cap.SUBTRACT, Cap.MULTIPLY,
                Cap.DIVIDE, Cap.MODULO);
        TABLE.put(Kind.UNSIGNED, ints);
        TABLE.put(Kind.SIGNED, ints);
        TABLE.put(Kind.BOOLEAN, EnumSet.of(Cap.EQ, Cap.ORDER));
        TABLE.put(Kind.FLOAT, EnumSet.of(Cap.EQ, Cap.ORDER, Cap.NEGATE, Cap.ADD, Cap.SUBTRACT, Cap.MULTIPLY, Cap.DIVIDE));
        TABLE.put(Kind.REL_TIME, EnumSet.of(Cap.EQ, Cap.ORDER, Cap.NEGATE, Cap.ADD, Cap.SUBTRACT, Cap.MULTIPLY, Cap.DIVIDE));
        TABLE.put(Kind.ABS_TIME, EnumSet.of(Cap.EQ, Cap.ORDER, Cap.ADD, Cap.SUBTRACT, Cap.MULTIPLY, Cap.DIVIDE));
        TABLE.put(Kind.IPV4, EnumSet.of(Cap.EQ, Cap.ORDER, Cap.SLICE, Cap.BITWISE, Cap.LEN));
        TABLE.put(Kind.IPV6, EnumSet.of(Cap.EQ, Cap.ORDER, Cap.SLICE, Cap.BITWISE, Cap.LEN));
        TABLE.put(Kind.BYTES, EnumSet.of(Cap.EQ, Cap.ORDER, Cap.CONTAINS, Cap.MATCHES, Cap.SLICE, Cap.BITWISE, Cap.LEN));
        TABLE.put(Kind.STRING, EnumSet.of(Cap.EQ, Cap.ORDER, Cap.CONTAINS, Cap.MATCHES, Cap.SLICE, Cap.LEN));
        TABLE.put(Kind.PROTOCOL, EnumSet.of(Cap.EQ, Cap.ORDER, Cap.CONTAINS, Cap.MATCHES, Cap.SLICE, Cap.LEN));
        TABLE.put(Kind.NONE, EnumSet.noneOf(Cap.class));
        TABLE.put(Kind.OTHER, EnumSet.of(Cap.EQ, Cap.ORDER));
    }

    public static boolean can(FieldType t, Cap c) {
        return TABLE.get(t.kind()).contains(c);
    }

    /** Field-to-field compatibility (compatible_ftypes). */
    public static boolean compatible(FieldType a, FieldType b) {
        if (a == b) {
            return true;
        }
        Kind ka = a.kind();
        Kind kb = b.kind();
        if (a.isInteger() && b.isInteger()) {
            return true;
        }
        if (ka == Kind.BOOLEAN && b.isInteger() || kb == Kind.BOOLEAN && a.isInteger()) {
            return true;
        }
        if (ka == Kind.BYTES && kb == Kind.BYTES) {
            return true;
        }
        if (ka == Kind.STRING && kb == Kind.STRING) {
            return true;
        }
        return ka == Kind.FLOAT && kb == Kind.FLOAT;
    }

    /** The words of {@code "FT_x cannot be added."}-style messages. */
    public static String arithFailure(Cap c) {
        return switch (c) {
            case ADD -> "cannot be added";
            case SUBTRACT -> "cannot be subtracted";
            case MULTIPLY -> "cannot be multiplied";
            case DIVIDE -> "cannot be divided";
            case MODULO -> "cannot be taken modulo";
            case BITWISE -> "does not support bitwise AND";
            case NEGATE -> "cannot be negated";
            default -> "cannot " + c;
        };
    }
}
