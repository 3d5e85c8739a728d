package dev.dfq.engine.compile;

import dev.dfq.engine.vm.Reg;
import dev.dfq.engine.vm.ValueText;
import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldType;
import dev.dfq.fields.ValueStrings;
import dev.dfq.grammar.ast.Node;
import dev.dfq.grammar.ast.Span;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Literal conversion: a literal written in a filter becomes a constant of the other operand's
 * type, with Wireshark 4.6.9's error messages. {@code field} (may be null) supplies value strings
 * and true/false strings; {@code partial} allows short byte strings (contains, matches).
 */
final class Conversions {
    private final FieldRegistry registry;
    private final java.util.List<String> warnings;

    Conversions(FieldRegistry registry, java.util.List<String> warnings) {
        this.registry = registry;
        this.warnings = warnings;
    }

    private void symbolWarning(String word, String typeName) {
        warnings.add("Warning: Interpreting the symbol \u2039" + word + "\u203a as a " + typeName
                + " value string. Writing value strings without double quotes is deprecated. Please use \u2039\""
                + word + "\"\u203a instead");
    }

    Typed.Const convert(Node lit, FieldType type, FieldDef field, boolean partial) {
        Span span = lit.span();
        if (lit instanceof Node.Negate neg && neg.operand() instanceof Node.NumberLit n) {
            return negative(n, type, span);
        }
        if (lit instanceof Node.CharLit c) {
            FieldType.Kind k = type.kind();
            if (k == FieldType.Kind.FLOAT || k == FieldType.Kind.REL_TIME || k == FieldType.Kind.ABS_TIME
                    || k == FieldType.Kind.IPV6) {
                throw new CompileError("Character constant " + c.source() + " (0x" + Long.toHexString(c.value())
                        + ") cannot be converted to " + type.displayName() + ".", span);
            }
            if (k == FieldType.Kind.BOOLEAN) {
                return new Typed.Const(type, Reg.constant(type, c.value() != 0 ? 1 : 0), span);
            }
        }
        Reg value = switch (type.kind()) {
            case UNSIGNED, SIGNED -> integer(lit, type, field);
            case BOOLEAN -> bool(lit, field);
            case FLOAT -> floating(lit, type);
            case REL_TIME -> Reg.constant(type, relTime(lit, type));
            case ABS_TIME -> Reg.constant(type, Times.absolute(lit, type));
            case STRING -> string(lit, type);
            case BYTES, OTHER -> bytes(lit, type, partial);
            case PROTOCOL -> bytes(lit, type, true);
            case IPV4 -> ipv4(lit, type);
            case IPV6 -> ipv6(lit, type);
            case NONE -> throw new CompileError(text(lit) + " cannot be converted to " + type.displayName() + ".", span);
        };
        return new Typed.Const(value.type, value, span);
    }

    /** {@code -80}: a negative literal is a 64-bit signed (or float, or time) constant in 4.6. */
    private Typed.Const negative(Node.NumberLit n, FieldType target, Span span) {
        String t = n.text();
        FieldType.Kind k = target.kind();
        if (k != FieldType.Kind.UNSIGNED && k != FieldType.Kind.SIGNED && k != FieldType.Kind.FLOAT
                && k != FieldType.Kind.REL_TIME) {
            throw new CompileError(target.name() + " cannot be negated.", n.span());
        }
        if (isFloat(t) && (k == FieldType.Kind.UNSIGNED || k == FieldType.Kind.SIGNED)) {
            throw numberTo(n, target); // "-1.5" against an integer: the magnitude is converted first
        }
        if (isFloat(t) || target.kind() == FieldType.Kind.FLOAT || target.kind() == FieldType.Kind.REL_TIME) {
            double d = -parseDouble(t, n.span());
            if (target.kind() == FieldType.Kind.REL_TIME) {
                return new Typed.Const(target, Reg.constant(target, Math.round(d * 1e9)), span);
            }
            return new Typed.Const(FieldType.FT_DOUBLE, Reg.constant(FieldType.FT_DOUBLE, Double.doubleToRawLongBits(d)), span);
        }
        BigInteger v = parseCInteger(t);
        if (v == null) {
            throw new CompileError("\"" + t + "\" cannot be converted to " + target.displayName() + ".", n.span());
        }
        if (k == FieldType.Kind.UNSIGNED || k == FieldType.Kind.SIGNED) {
            checkRange(v, t, target, n.span()); // "-70000" against uint16: the magnitude is checked first
        }
        v = v.negate();
        if (v.bitLength() > 63) {
            throw new CompileError("\"-" + t + "\" causes an integer overflow.", span);
        }
        // against a signed field the literal takes the field's type; otherwise it is a 64-bit signed constant
        if (target.kind() == FieldType.Kind.SIGNED) {
            if (v.compareTo(BigInteger.valueOf(target.minValue())) < 0) {
                throw new CompileError("\"-" + t + "\" too small for this field, minimum " + target.minValue() + ".", span);
            }
            return new Typed.Const(target, Reg.constant(target, v.longValue()), span);
        }
        return new Typed.Const(FieldType.FT_INT64, Reg.constant(FieldType.FT_INT64, v.longValue()), span);
    }

    // ---- integers ---------------------------------------------------------------------------

    private Reg integer(Node lit, FieldType type, FieldDef field) {
        if (lit instanceof Node.NumberLit n) {
            String t = n.text();
            if (isFloat(t)) {
                double d = parseDouble(t, lit.span());
                throw new CompileError("Double " + cDouble(d) + " cannot be converted to "
                        + type.displayName() + ".", lit.span());
            }
            BigInteger v = parseCInteger(t);
            if (v == null) {
                throw new CompileError("\"" + t + "\" cannot be converted to " + type.displayName() + ".", lit.span());
            }
            return Reg.constant(type, checkRange(v, t, type, lit.span()));
        }
        if (lit instanceof Node.CharLit c) {
            return Reg.constant(type, c.value());
        }
        ValueStrings vs = field == null ? null : registry.valueStrings(field);
        if (lit instanceof Node.StringLit s) {
            String text = new String(s.value(), StandardCharsets.UTF_8);
            if (vs != null) {
                Long v = lookupValue(vs, text);
                if (v != null) {
                    // a value-string match is a 64-bit constant in 4.6 (dftest shows <FT_UINT64>)
                    return Reg.constant(type.kind() == FieldType.Kind.SIGNED ? FieldType.FT_INT64 : FieldType.FT_UINT64, v);
                }
                throw new CompileError("\"" + text + "\" cannot be found among the possible values for "
                        + field.abbrev() + ".", lit.span());
            }
            throw new CompileError(type.displayName() + " cannot be converted from a string (\"" + text + "\").", lit.span());
        }
        String word = text(lit);
        if (vs != null) {
            Long v = lookupValue(vs, word);
            if (v != null) {
                symbolWarning(word, type.displayName());
                return Reg.constant(type.kind() == FieldType.Kind.SIGNED ? FieldType.FT_INT64 : FieldType.FT_UINT64, v);
            }
            throw new CompileError("\"" + word + "\" cannot be found among the possible values for "
                    + field.abbrev() + ".", lit.span());
        }
        String low = word.toLowerCase(java.util.Locale.ROOT);
        if (low.equals("nan") || low.equals("inf") || low.equals("infinity")) {
            // strtod reads these words as doubles, which never convert to integers
            throw new CompileError("Double " + (low.equals("nan") ? "nan" : "inf") + " cannot be converted to "
                    + type.displayName() + ".", lit.span());
        }
        throw new CompileError("\"" + word + "\" cannot be converted to " + type.displayName() + ".", lit.span());
    }

    private static long checkRange(BigInteger v, String text, FieldType type, Span span) {
        if (v.bitLength() > 64) {
            throw new CompileError("\"" + text + "\" cannot be converted to " + type.displayName() + ".", span);
        }
        if (type.kind() == FieldType.Kind.UNSIGNED) {
            if (type.bits() < 64 && v.compareTo(BigInteger.valueOf(type.maxValue())) > 0) {
                throw new CompileError("\"" + text + "\" too big for this field, maximum " + type.maxValue() + ".", span);
            }
            return v.longValue();
        }
        if (v.compareTo(BigInteger.valueOf(type.maxValue())) > 0) {
            throw new CompileError("\"" + text + "\" too big for this field, maximum " + type.maxValue() + ".", span);
        }
        return v.longValue();
    }

    /** A double as C's %g prints it (6 significant digits), as in Wireshark's messages. */
    static String cDouble(double d) {
        String s = String.format(Locale.ROOT, "%.6g", d);
        if (s.contains("e")) {
            String[] p = s.split("e");
            String m = p[0].contains(".") ? p[0].replaceAll("0+$", "").replaceAll("\\.$", "") : p[0];
            int exp = Integer.parseInt(p[1]);
            return m + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** Value-string lookup as Wireshark does for filters: case-insensitive on the name. */
    static Long lookupValue(ValueStrings vs, String name) {
        for (ValueStrings.Entry e : vs.values()) {
            if (e.text().equalsIgnoreCase(name)) {
                return e.value();
            }
        }
        for (ValueStrings.Range r : vs.ranges()) {
            if (r.text().equalsIgnoreCase(name)) {
                return r.low();
            }
        }
        return null;
    }

    /** C's strtoull with base 0, plus 0b: decimal, 0 octal, 0x hex, 0b binary; null if malformed. */
    static BigInteger parseCInteger(String t) {
        try {
            if (t.length() > 2 && (t.startsWith("0x") || t.startsWith("0X"))) {
                return new BigInteger(t.substring(2), 16);
            }
            if (t.length() > 2 && (t.startsWith("0b") || t.startsWith("0B"))) {
                return new BigInteger(t.substring(2), 2);
            }
            if (t.length() > 1 && t.startsWith("0")) {
                return new BigInteger(t.substring(1), 8);
            }
            return new BigInteger(t, 10);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isFloat(String t) {
        if (t.startsWith("0x") || t.startsWith("0X")) {
            return t.indexOf('p') >= 0 || t.indexOf('P') >= 0 || t.indexOf('.') >= 0;
        }
        return t.indexOf('.') >= 0 || t.indexOf('e') >= 0 || t.indexOf('E') >= 0;
    }

    static double parseDouble(String t, Span span) {
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Double.parseDouble(t.indexOf('p') >= 0 || t.indexOf('P') >= 0 ? t : t + "p0");
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new CompileError("\"" + t + "\" is not a valid number.", span);
        }
    }

    // ---- booleans ---------------------------------------------------------------------------

    private Reg bool(Node lit, FieldDef field) {
        FieldType t = FieldType.FT_BOOLEAN;
        ValueStrings vs = field == null ? null : registry.valueStrings(field);
        ValueStrings.TrueFalse tf = vs != null && vs.trueFalse() != null ? vs.trueFalse()
                : new ValueStrings.TrueFalse("True", "False");
        if (lit instanceof Node.NumberLit n) {
            if (isFloat(n.text())) {
                throw new CompileError("Double " + cDouble(parseDouble(n.text(), lit.span())) + " cannot be converted to "
                        + t.displayName() + ".", lit.span());
            }
            BigInteger v = parseCInteger(n.text());
            if (v == null) {
                throw new CompileError("\"" + n.text() + "\" cannot be converted to " + t.displayName() + ".", lit.span());
            }
            return Reg.constant(t, v.signum() != 0 ? 1 : 0);
        }
        if (lit instanceof Node.StringLit s) {
            String text = new String(s.value(), StandardCharsets.UTF_8);
            if (text.equalsIgnoreCase(tf.trueText())) {
                return Reg.constant(t, 1);
            }
            if (text.equalsIgnoreCase(tf.falseText())) {
                return Reg.constant(t, 0);
            }
            throw new CompileError("expected \"" + tf.trueText() + "\" or \"" + tf.falseText() + "\", not \"" + text
                    + "\" for " + (field == null ? "boolean" : field.abbrev()) + ".", lit.span());
        }
        String w = text(lit);
        if (w.equalsIgnoreCase("true")) {
            return Reg.constant(t, 1);
        }
        if (w.equalsIgnoreCase("false")) {
            return Reg.constant(t, 0);
        }
        if (w.equalsIgnoreCase(tf.trueText()) || w.equalsIgnoreCase(tf.falseText())) {
            symbolWarning(w, t.displayName());
            return Reg.constant(t, w.equalsIgnoreCase(tf.trueText()) ? 1 : 0);
        }
        if (field != null) {
            throw new CompileError("expected \"" + tf.trueText() + "\" or \"" + tf.falseText() + "\", not \"" + w
                    + "\" for " + field.abbrev() + ".", lit.span());
        }
        throw new CompileError("\"" + w + "\" cannot be converted to " + t.displayName() + ".", lit.span());
    }

    // ---- floats and times -------------------------------------------------------------------

    /** Float literals are double-precision constants, whatever the float type they meet. */
    private Reg floating(Node lit, FieldType fieldType) {
        FieldType type = FieldType.FT_DOUBLE;
        if (lit instanceof Node.NumberLit n) {
            return Reg.constant(type, Double.doubleToRawLongBits(parseDouble(n.text(), lit.span())));
        }
        if (lit instanceof Node.CharLit c) {
            return Reg.constant(type, Double.doubleToRawLongBits(c.value()));
        }
        if (lit instanceof Node.StringLit s) {
            throw new CompileError(type.displayName() + " cannot be converted from a string (\""
                    + new String(s.value(), StandardCharsets.UTF_8) + "\").", lit.span());
        }
        String w = text(lit);
        try {
            return Reg.constant(type, Double.doubleToRawLongBits(Double.parseDouble(w)));
        } catch (NumberFormatException e) {
            throw new CompileError("\"" + w + "\" cannot be converted to " + type.displayName() + ".", lit.span());
        }
    }

    private static long relTime(Node lit, FieldType type) {
        if (lit instanceof Node.StringLit s) {
            throw new CompileError(type.displayName() + " cannot be converted from a string (\""
                    + new String(s.value(), StandardCharsets.UTF_8) + "\").", lit.span());
        }
        String w = lit instanceof Node.NumberLit n ? n.text() : text(lit);
        try {
            if (!w.matches("[0-9]*\\.?[0-9]*([eE][+-]?[0-9]+)?") || w.isEmpty() || w.equals(".")) {
                throw new NumberFormatException(w);
            }
            return new java.math.BigDecimal(w).movePointRight(9).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CompileError("\"" + w + "\" cannot be converted to " + type.displayName() + ".", lit.span());
        }
    }

    // ---- strings and bytes ------------------------------------------------------------------

    private Reg string(Node lit, FieldType type) {
        if (lit instanceof Node.StringLit s) {
            return Reg.constant(type, s.value());
        }
        if (lit instanceof Node.CharLit c) {
            return Reg.constant(type, new String(Character.toChars((int) c.value())).getBytes(StandardCharsets.UTF_8));
        }
        if (lit instanceof Node.NumberLit n) {
            throw numberTo(n, type);
        }
        return Reg.constant(type, text(lit).getBytes(StandardCharsets.UTF_8));
    }

    /** "Unsigned integer 1 cannot be converted to X." / "Double 1.5 cannot be converted to X." */
    static CompileError numberTo(Node.NumberLit n, FieldType type) {
        String t = n.text();
        if (isFloat(t)) {
            return new CompileError("Double " + cDouble(parseDouble(t, n.span())) + " cannot be converted to "
                    + type.displayName() + ".", n.span());
        }
        BigInteger v = parseCInteger(t);
        if (v == null) {
            return new CompileError("\"" + t + "\" cannot be converted to " + type.displayName() + ".", n.span());
        }
        return new CompileError("Unsigned integer " + v + " cannot be converted to " + type.displayName() + ".", n.span());
    }

    private Reg bytes(Node lit, FieldType type, boolean partial) {
        byte[] b;
        if (lit instanceof Node.StringLit s && type == FieldType.FT_ETHER) {
            throw new CompileError(type.displayName() + " cannot be converted from a string (\""
                    + new String(s.value(), StandardCharsets.UTF_8) + "\").", lit.span());
        }
        if (lit instanceof Node.StringLit s) {
            b = s.value();
        } else if (lit instanceof Node.CharLit c) {
            b = new byte[] {(byte) c.value()};
        } else if (lit instanceof Node.NumberLit n) {
            String t = n.text();
            if (isFloat(t) || type.kind() == FieldType.Kind.PROTOCOL || type == FieldType.FT_ETHER
                    || type.kind() == FieldType.Kind.OTHER) {
                throw numberTo(n, type);
            }
            BigInteger v = parseCInteger(t);
            if (v == null && hexBytes(t) != null) {
                // "09" is no C integer (bad octal) but a fine byte string
                return Reg.constant(type, hexBytes(t));
            }
            if (v == null) {
                throw new CompileError("\"" + t + "\" is not a valid byte string.", lit.span());
            }
            if (v.compareTo(BigInteger.valueOf(255)) > 0) {
                throw new CompileError(t + " is too large for a byte value", lit.span());
            }
            b = new byte[] {v.byteValue()};
        } else {
            String w = text(lit);
            b = hexBytes(w);
            if (b == null) {
                if (type == FieldType.FT_ETHER) {
                    throw new CompileError("\"" + w + "\" is not a valid Ethernet address.", lit.span());
                }
                throw new CompileError("\"" + w + "\" is not a valid byte string.", lit.span());
            }
        }
        if (type == FieldType.FT_ETHER && !partial) {
            if (b.length < 6) {
                throw new CompileError("\"" + text(lit) + "\" contains too few bytes to be a valid Ethernet address.", lit.span());
            }
            if (b.length > 6) {
                throw new CompileError("\"" + text(lit) + "\" contains too many bytes to be a valid Ethernet address.", lit.span());
            }
        }
        return Reg.constant(type, b);
    }

    /**
     * Wireshark's hex_str_to_bytes: hex pairs with optional, even mixed, separators ':' '.' '-';
     * a single digit stands for one byte between separators or at the end. Null if malformed.
     */
    static byte[] hexBytes(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        int n = s.length();
        if (n == 0) {
            return null;
        }
        while (i < n) {
            int d1 = Character.digit(s.charAt(i), 16);
            if (d1 < 0) {
                return null;
            }
            int d2 = i + 1 < n ? Character.digit(s.charAt(i + 1), 16) : -1;
            if (d2 >= 0) {
                out.write(d1 * 16 + d2);
                i += 2;
            } else {
                out.write(d1);
                i += 1;
            }
            if (i < n) {
                char c = s.charAt(i);
                if (c == ':' || c == '.' || c == '-') {
                    i++;
                    if (i == n) {
                        return out.toByteArray();
                    }
                } else if (Character.digit(c, 16) < 0) {
                    return null;
                }
            }
        }
        return out.toByteArray();
    }

    // ---- addresses --------------------------------------------------------------------------

    private Reg ipv4(Node lit, FieldType type) {
        if (lit instanceof Node.StringLit s) {
            throw new CompileError(type.displayName() + " cannot be converted from a string (\""
                    + new String(s.value(), StandardCharsets.UTF_8) + "\").", lit.span());
        }
        if (lit instanceof Node.CharLit c) {
            throw new CompileError("Character constant " + c.source() + " (0x" + Long.toHexString(c.value())
                    + ") cannot be converted to " + type.displayName() + ".", lit.span());
        }
        if (lit instanceof Node.NumberLit n && !n.text().contains(".")) {
            throw new CompileError("Unsigned integer " + n.text() + " cannot be converted to " + type.displayName() + ".", lit.span());
        }
        String w = addressText(lit, lit instanceof Node.StringLit s ? new String(s.value(), StandardCharsets.UTF_8) : text(lit));
        String addr = w;
        int prefix = -1;
        int slash = w.indexOf('/');
        if (slash >= 0) {
            addr = w.substring(0, slash);
            try {
                prefix = Integer.parseInt(w.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new CompileError(w.substring(slash + 1) + " in not a valid mask", lit.span());
            }
            if (prefix > 32) {
                throw new CompileError("Netmask bits in a CIDR IPv4 address should be <= 32, not " + prefix, lit.span());
            }
        }
        long v = parseIpv4(addr);
        if (v < 0) {
            throw new CompileError("\"" + addr + "\" is not a valid hostname or IPv4 address.", lit.span());
        }
        Reg r = new Reg(type);
        r.addNum(v, prefix);
        return r;
    }

    static long parseIpv4(String s) {
        String[] p = s.split("\\.", -1);
        if (p.length != 4) {
            return -1;
        }
        long v = 0;
        for (String part : p) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int x = Integer.parseInt(part);
            if (x > 255) {
                return -1;
            }
            v = (v << 8) | x;
        }
        return v;
    }

    private Reg ipv6(Node lit, FieldType type) {
        if (lit instanceof Node.StringLit s) {
            throw new CompileError(type.displayName() + " cannot be converted from a string (\""
                    + new String(s.value(), StandardCharsets.UTF_8) + "\").", lit.span());
        }
        String w = lit instanceof Node.StringLit s ? new String(s.value(), StandardCharsets.UTF_8) : text(lit);
        w = addressText(lit, w);
        String addr = w;
        int prefix = -1;
        int slash = w.indexOf('/');
        if (slash >= 0) {
            addr = w.substring(0, slash);
            try {
                prefix = Integer.parseInt(w.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new CompileError("\"" + w + "\" is not a valid hostname or IPv6 address.", lit.span());
            }
            if (prefix > 128) {
                throw new CompileError("Prefix in a IPv6 address should be <= 128, not " + prefix, lit.span());
            }
        }
        byte[] b = Ipv6.parse(addr);
        if (b == null) {
            throw new CompileError("\"" + addr + "\" is not a valid hostname or IPv6 address.", lit.span());
        }
        Reg r = new Reg(type);
        r.addBytes(b, 0, 16, 16, prefix);
        return r;
    }

    /** "::1" lexes as a ':'-literal whose colon is dropped; addresses keep their leading colons. */
    private static String addressText(Node lit, String w) {
        return lit instanceof Node.Identifier id && id.kind() == Node.WordKind.LITERAL && w.startsWith(":") ? ":" + w : w;
    }

    /** The literal's text as Wireshark quotes it in messages. */
    static String text(Node lit) {
        if (lit instanceof Node.Identifier id) {
            return id.text();
        }
        if (lit instanceof Node.NumberLit n) {
            return n.text();
        }
        if (lit instanceof Node.StringLit s) {
            return new String(s.value(), StandardCharsets.UTF_8);
        }
        if (lit instanceof Node.CharLit c) {
            return c.source();
        }
        return lit.toString().toLowerCase(Locale.ROOT);
    }
}
