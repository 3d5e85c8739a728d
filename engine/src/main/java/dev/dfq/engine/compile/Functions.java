package dev.dfq.engine.compile;

import dev.dfq.fields.FieldType;

import java.util.Map;

/** The display-filter functions of 4.6.9 (and the ipaddr plugin): name, arity, fixed return type. */
public final class Functions {
    private Functions() {
    }

    /** {@code returnType} null means "type of the first argument" (dftest prints {@code <***>}). */
    public record Def(String name, int minArgs, int maxArgs, FieldType returnType) {
    }

    public static final Map<String, Def> ALL = Map.ofEntries(
            def("len", 1, 1, FieldType.FT_UINT32),
            def("count", 1, 1, FieldType.FT_UINT32),
            def("upper", 1, 1, FieldType.FT_STRING),
            def("lower", 1, 1, FieldType.FT_STRING),
            def("string", 1, 1, FieldType.FT_STRING),
            def("dec", 1, 1, FieldType.FT_STRING),
            def("hex", 1, 1, FieldType.FT_STRING),
            def("vals", 1, 1, FieldType.FT_STRING),
            def("float", 1, 1, FieldType.FT_FLOAT),
            def("double", 1, 1, FieldType.FT_DOUBLE),
            def("max", 1, Integer.MAX_VALUE, null),
            def("min", 1, Integer.MAX_VALUE, null),
            def("abs", 1, 1, null),
            def("ip_rfc1918", 1, 1, FieldType.FT_BOOLEAN),
            def("ip_ula", 1, 1, FieldType.FT_BOOLEAN),
            def("ip_linklocal", 1, 1, FieldType.FT_BOOLEAN),
            def("ip_multicast", 1, 1, FieldType.FT_BOOLEAN),
            def("ip_special_name", 1, 1, FieldType.FT_STRING),
            def("ip_special_mask", 1, 1, FieldType.FT_UINT32));

    private static Map.Entry<String, Def> def(String n, int min, int max, FieldType t) {
        return Map.entry(n, new Def(n, min, max, t));
    }
}
