package dev.dfq.fields;

import java.util.Objects;

/**
 * One registered protocol or field, as {@code tshark -G fields} lists it: the interface facts a
 * filter needs (abbreviation, display name, type, display base, bitmask, parent protocol).
 *
 * @param id dense index in its registry
 * @param abbrev filter name, e.g. {@code tcp.port}
 * @param name display name, e.g. "Source or Destination Port"
 * @param type value type; protocols are {@link FieldType#FT_PROTOCOL}
 * @param base display base as Wireshark names it ({@code BASE_DEC}, {@code BASE_HEX}, ...), or ""
 * @param bitmask bitmask applied to the raw value, 0 for none
 * @param parentId id of the owning protocol; a protocol's own id for a protocol
 */
public record FieldDef(int id, String abbrev, String name, FieldType type, String base, long bitmask, int parentId) {
    public FieldDef {
        Objects.requireNonNull(abbrev, "abbrev is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(base, "base is null");
    }

    /**
     * True for a protocol: an entry that is its own parent. Its type is {@link FieldType#FT_PROTOCOL},
     * except for the protocols Wireshark registers "in name only" (919 in 4.6.9, e.g. {@code btgatt.uuid0x1800},
     * {@code amqp.version.v1_0}), which filters see as {@link FieldType#FT_BYTES}.
     */
    public boolean isProtocol() {
        return parentId == id;
    }
}
