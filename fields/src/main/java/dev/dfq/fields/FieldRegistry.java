package dev.dfq.fields;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * Every protocol and field dfq knows, by name and by dense id. Immutable once built; safe to share
 * between threads. {@link #wireshark()} is Wireshark 4.6.9's complete registry (from the bundled
 * resource); tests build small ones with {@link #builder()}.
 */
public final class FieldRegistry {
    private final RegistryTable table;
    private final List<FieldDef> byId;
    private final Map<String, String> aliases;
    private final Function<FieldDef, ValueStrings> valueStringSource;
    /** The bundled registry's value store (all true/false pairs, unit strings); null for built registries. */
    BundledRegistry.ValueStore valueStore;
    private final Map<Integer, Optional<ValueStrings>> valueStringCache = new java.util.concurrent.ConcurrentHashMap<>();

    FieldRegistry(RegistryTable table, Map<String, String> aliases,
                  Function<FieldDef, ValueStrings> valueStringSource) {
        this.table = table;
        this.byId = new TableList(table);
        this.aliases = Map.copyOf(aliases);
        this.valueStringSource = valueStringSource;
    }

    /** An unmodifiable, random-access view of a table's definitions. */
    private static final class TableList extends AbstractList<FieldDef> implements RandomAccess {
        private final RegistryTable table;

        TableList(RegistryTable table) {
            this.table = table;
        }

        @Override
        public FieldDef get(int index) {
            Objects.checkIndex(index, table.size());
            return table.def(index);
        }

        @Override
        public int size() {
            return table.size();
        }
    }

    RegistryTable table() {
        return table;
    }

    private FieldDef lookup(String abbrev) {
        int id = abbrev == null ? -1 : table.find(abbrev);
        return id < 0 ? null : table.def(id);
    }

    /** Number of ids (fields and protocols). */
    public int size() {
        return table.size();
    }

    public FieldDef byId(int id) {
        return byId.get(id);
    }

    /** The abbreviation of an id (cheaper than {@code byId(id).abbrev()} for the bundled registry). */
    public String abbrevOf(int id) {
        Objects.checkIndex(id, table.size());
        return table.abbrev(id);
    }

    /**
     * Looks a protocol or field up by its exact (case-sensitive) filter name. A name registered more
     * than once resolves to its first registration, as in Wireshark's filter compiler.
     */
    public Optional<FieldDef> byName(String abbrev) {
        return Optional.ofNullable(lookup(abbrev));
    }

    /** Looks a name up, following deprecated aliases ({@code bootp} is {@code dhcp}). */
    public Optional<FieldDef> resolve(String abbrev) {
        FieldDef d = lookup(abbrev);
        if (d == null) {
            String target = aliasTarget(abbrev);
            if (target != null) {
                d = lookup(target);
            }
        }
        return Optional.ofNullable(d);
    }

    /**
     * True when the name is a deprecated alias of another protocol, or a field of it: Wireshark 4.6 takes
     * {@code bootp} for {@code dhcp} and {@code bootp.option.type} for {@code dhcp.option.type}, with a
     * "Deprecated token" note. False for unknown names ({@code bootp.nonexistent}).
     */
    public boolean isAlias(String abbrev) {
        if (table.find(abbrev) >= 0) {
            return false;
        }
        String target = aliasTarget(abbrev);
        return target != null && table.find(target) >= 0;
    }

    /**
     * The current name for a name that starts with a deprecated protocol alias ({@code ssl} gives
     * {@code tls}, {@code ssl.record.version} gives {@code tls.record.version}), whether or not that
     * name exists; null when the name does not start with an alias.
     */
    public String aliasTarget(String abbrev) {
        String target = aliases.get(abbrev);
        if (target != null) {
            return target;
        }
        for (int dot = abbrev.indexOf('.'); dot > 0; dot = abbrev.indexOf('.', dot + 1)) {
            target = aliases.get(abbrev.substring(0, dot));
            if (target != null) {
                return target + abbrev.substring(dot);
            }
        }
        return null;
    }

    /** The deprecated aliases: alias to current name ({@code "bootp"} to {@code "dhcp"}). */
    public Map<String, String> aliases() {
        return aliases;
    }

    public List<FieldDef> all() {
        return byId;
    }

    /** The protocol that owns a field (the protocol itself for a protocol). */
    public FieldDef protocolOf(FieldDef def) {
        return byId.get(def.parentId());
    }

    /** The value strings of a field, or null when it has none. */
    public ValueStrings valueStrings(FieldDef def) {
        return valueStringCache.computeIfAbsent(def.id(),
                id -> Optional.ofNullable(valueStringSource.apply(def))).orElse(null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a registry explicitly; ids are given in insertion order. */
    public static final class Builder {
        private final List<FieldDef> defs = new ArrayList<>();
        private final Map<String, Integer> ids = new HashMap<>();
        private final Map<String, String> aliases = new HashMap<>();
        private final Map<String, ValueStrings> valueStrings = new HashMap<>();
        private Function<FieldDef, ValueStrings> valueStringSource;

        /** Adds a protocol; returns its id. */
        public int protocol(String abbrev, String name) {
            int id = defs.size();
            defs.add(new FieldDef(id, abbrev, name, FieldType.FT_PROTOCOL, "", 0, id));
            ids.putIfAbsent(abbrev, id);
            return id;
        }

        /** Adds a field of an already added protocol; returns its id. */
        public int field(String abbrev, String name, FieldType type, String base, long bitmask, String protocol) {
            Integer parent = ids.get(protocol);
            if (parent == null) {
                throw new IllegalArgumentException("unknown protocol " + protocol + " for " + abbrev);
            }
            int id = defs.size();
            defs.add(new FieldDef(id, abbrev, name, type, base, bitmask, parent));
            ids.putIfAbsent(abbrev, id);
            return id;
        }

        public Builder alias(String alias, String target) {
            aliases.put(alias, target);
            return this;
        }

        public Builder valueStrings(String abbrev, ValueStrings vs) {
            valueStrings.put(abbrev, vs);
            return this;
        }

        /** A lazy source of value strings (the bundled registry reads them on first use). */
        public Builder valueStringSource(Function<FieldDef, ValueStrings> source) {
            this.valueStringSource = source;
            return this;
        }

        public FieldRegistry build() {
            Map<String, ValueStrings> table = Map.copyOf(valueStrings);
            Function<FieldDef, ValueStrings> lazy = valueStringSource;
            Function<FieldDef, ValueStrings> source = d -> {
                ValueStrings vs = table.get(d.abbrev());
                return vs != null || lazy == null ? vs : lazy.apply(d);
            };
            return new FieldRegistry(new RegistryTable.ListTable(defs), aliases, source);
        }
    }

    /** Wireshark 4.6.9's registry, loaded once from the bundled resource. */
    public static FieldRegistry wireshark() {
        return WiresharkRegistryHolder.INSTANCE;
    }

    private static final class WiresharkRegistryHolder {
        static final FieldRegistry INSTANCE = BundledRegistry.load();
    }
}
