package dev.dfq.fields;

/**
 * Wireshark's field types (ftenum_t), with the human names 4.6 uses in error messages
 * ("Unsigned integer (16 bits)"), as printed by {@code tshark -G ftypes}.
 *
 * <p>The {@link Kind} groups types that share a value representation and comparison rules, so the
 * compiler and VM switch on a handful of kinds instead of forty types.
 */
public enum FieldType {
    FT_NONE("Label", Kind.NONE, 0),
    FT_PROTOCOL("Protocol", Kind.PROTOCOL, 0),
    FT_BOOLEAN("Boolean", Kind.BOOLEAN, 0),
    FT_CHAR("Character (8 bits)", Kind.UNSIGNED, 8),
    FT_UINT8("Unsigned integer (8 bits)", Kind.UNSIGNED, 8),
    FT_UINT16("Unsigned integer (16 bits)", Kind.UNSIGNED, 16),
    FT_UINT24("Unsigned integer (24 bits)", Kind.UNSIGNED, 24),
    FT_UINT32("Unsigned integer (32 bits)", Kind.UNSIGNED, 32),
    FT_UINT40("Unsigned integer (40 bits)", Kind.UNSIGNED, 40),
    FT_UINT48("Unsigned integer (48 bits)", Kind.UNSIGNED, 48),
    FT_UINT56("Unsigned integer (56 bits)", Kind.UNSIGNED, 56),
    FT_UINT64("Unsigned integer (64 bits)", Kind.UNSIGNED, 64),
    FT_INT8("Signed integer (8 bits)", Kind.SIGNED, 8),
    FT_INT16("Signed integer (16 bits)", Kind.SIGNED, 16),
    FT_INT24("Signed integer (24 bits)", Kind.SIGNED, 24),
    FT_INT32("Signed integer (32 bits)", Kind.SIGNED, 32),
    FT_INT40("Signed integer (40 bits)", Kind.SIGNED, 40),
    FT_INT48("Signed integer (48 bits)", Kind.SIGNED, 48),
    FT_INT56("Signed integer (56 bits)", Kind.SIGNED, 56),
    FT_INT64("Signed integer (64 bits)", Kind.SIGNED, 64),
    FT_IEEE_11073_SFLOAT("IEEE-11073 floating point (16-bit)", Kind.OTHER, 0),
    FT_IEEE_11073_FLOAT("IEEE-11073 Floating point (32-bit)", Kind.OTHER, 0),
    FT_FLOAT("Floating point (single-precision)", Kind.FLOAT, 0),
    FT_DOUBLE("Floating point (double-precision)", Kind.FLOAT, 0),
    FT_ABSOLUTE_TIME("Date and time", Kind.ABS_TIME, 0),
    FT_RELATIVE_TIME("Time offset", Kind.REL_TIME, 0),
    FT_STRING("Character string", Kind.STRING, 0),
    FT_STRINGZ("Character string", Kind.STRING, 0),
    FT_UINT_STRING("Character string", Kind.STRING, 0),
    FT_ETHER("Ethernet or other MAC address", Kind.BYTES, 0),
    FT_BYTES("Byte sequence", Kind.BYTES, 0),
    FT_UINT_BYTES("Byte sequence", Kind.BYTES, 0),
    FT_IPv4("IPv4 address", Kind.IPV4, 32),
    FT_IPv6("IPv6 address", Kind.IPV6, 0),
    FT_IPXNET("IPX network number", Kind.UNSIGNED, 32),
    FT_FRAMENUM("Frame number", Kind.UNSIGNED, 32),
    FT_GUID("Globally Unique Identifier", Kind.BYTES, 0),
    FT_OID("ASN.1 object identifier", Kind.BYTES, 0),
    FT_EUI64("EUI64 address", Kind.BYTES, 0),
    FT_AX25("AX.25 address", Kind.BYTES, 0),
    FT_VINES("VINES address", Kind.BYTES, 0),
    FT_REL_OID("ASN.1 relative object identifier", Kind.BYTES, 0),
    FT_SYSTEM_ID("OSI System-ID", Kind.BYTES, 0),
    FT_STRINGZPAD("Character string", Kind.STRING, 0),
    FT_FCWWN("Fibre Channel WWN", Kind.BYTES, 0),
    FT_STRINGZTRUNC("Character string", Kind.STRING, 0);

    /** Value representation and comparison family. */
    public enum Kind {
        /** FT_NONE: presence only. */
        NONE,
        /** Protocol: a view of the tvb from the protocol's start, plus its own length. */
        PROTOCOL,
        BOOLEAN,
        /** Held in a long; compared unsigned. */
        UNSIGNED,
        /** Held in a long; compared signed. */
        SIGNED,
        /** Held as double bits in a long. */
        FLOAT,
        /** Nanoseconds since the epoch in a long. */
        ABS_TIME,
        /** Nanoseconds in a long. */
        REL_TIME,
        /** UTF-8 bytes. */
        STRING,
        /** Raw bytes (ether, bytes, guid, oid...). */
        BYTES,
        /** 32-bit address in a long. */
        IPV4,
        /** 16 bytes. */
        IPV6,
        OTHER
    }

    private final String displayName;
    private final Kind kind;
    private final int bits;

    FieldType(String displayName, Kind kind, int bits) {
        this.displayName = displayName;
        this.kind = kind;
        this.bits = bits;
    }

    /** The name Wireshark prints in messages, e.g. "Unsigned integer (16 bits)". */
    public String displayName() {
        return displayName;
    }

    public Kind kind() {
        return kind;
    }

    /** Width in bits for integer types, 0 otherwise. */
    public int bits() {
        return bits;
    }

    public boolean isInteger() {
        return kind == Kind.UNSIGNED || kind == Kind.SIGNED;
    }

    public boolean isNumeric() {
        return isInteger() || kind == Kind.FLOAT;
    }

    public boolean isString() {
        return kind == Kind.STRING;
    }

    /** Largest value of an unsigned type, or of a signed type's positive range. */
    public long maxValue() {
        if (kind == Kind.UNSIGNED) {
            return bits == 64 ? -1L : (1L << bits) - 1;
        }
        if (kind == Kind.SIGNED) {
            return bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        }
        throw new IllegalStateException(name() + " has no integer range");
    }

    public long minValue() {
        if (kind == Kind.UNSIGNED) {
            return 0;
        }
        if (kind == Kind.SIGNED) {
            return bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
        }
        throw new IllegalStateException(name() + " has no integer range");
    }

    /** Parses "FT_UINT16" and the like, as written in {@code -G fields}. */
    public static FieldType fromName(String name) {
        return valueOf(name);
    }
}
