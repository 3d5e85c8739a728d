package dev.dfq.fields;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every protocol and field dfq knows, by name and by dense id. Immutable once built; safe to share
 * between threads. {@link #wireshark()} is Wireshark 4.6.9's complete registry (from the bundled
 * resource, materialising a {@link FieldDef} only when it is asked for); tests build small ones
 * with {@link #builder()}.
 */
public final class FieldRegistry {
    /** Where the definitions live: a list for built registries, a compact blob for the bundled one. */
    interface Storage {
        int size();

        FieldDef get(int id);

        /** Id of the first registration of a name, or -1. */
        int find(String abbrev);
    }

    private final Storage storage;
    private final Map<String, String> aliases;
    private final Function<FieldDef, ValueStrings> valueStringSource;
    private final Map<Integer, Optional<ValueStrings>> valueStringCache = new ConcurrentHashMap<>();
    private final List<FieldDef> allView;

    FieldRegistry(Storage storage, Map<String, String> aliases, Function<FieldDef, ValueStrings> valueStringSource) {
        this.storage = storage;
        this.aliases = Map.copyOf(aliases);
        this.valueStringSource = valueStringSource;
        this.allView = new AbstractList<>() {
            @Override
            public FieldDef get(int index) {
                return storage.get(index);
            }

            @Override
            public int size() {
                return storage.size();
            }
        };
    }

    /** Number of ids (fields and protocols). */
    public int size() {
        return storage.size();
    }

    public FieldDef byId(int id) {
        return storage.get(id);
    }

    /**
     * Looks a protocol or field up by its exact (case-sensitive) filter name. Where Wireshark
     * registers one name several times, the first registration is the one filters get.
     */
    public Optional<FieldDef> byName(String abbrev) {
        int id = storage.find(abbrev);
        return id < 0 ? Optional.empty() : Optional.of(storage.get(id));
    }

    /**
     * Looks a name up, following deprecated protocol aliases: {@code bootp} is {@code dhcp} and
     * {@code bootp.option.type} is {@code dhcp.option.type}, as in Wireshark.
     */
    public Optional<FieldDef> resolve(String abbrev) {
        Optional<FieldDef> d = byName(abbrev);
        if (d.isEmpty()) {
            String target = aliasTarget(abbrev);
            if (target != null) {
                d = byName(target);
            }
        }
        return d;
    }

    /** True when the name is reached only through a deprecated alias. */
    public boolean isAlias(String abbrev) {
        if (storage.find(abbrev) >= 0) {
            return false;
        }
        String target = aliasTarget(abbrev);
        return target != null && storage.find(target) >= 0;
    }

    private String aliasTarget(String abbrev) {
        int dot = abbrev.indexOf('.');
        String head = dot < 0 ? abbrev : abbrev.substring(0, dot);
        String target = aliases.get(head);
        return target == null ? null : target + (dot < 0 ? "" : abbrev.substring(dot));
    }

    /** All definitions in id order (a view; definitions are materialised as they are read). */
    public List<FieldDef> all() {
        return allView;
    }

    /** The protocol that owns a field (the protocol itself for a protocol). */
    public FieldDef protocolOf(FieldDef def) {
        return storage.get(def.parentId());
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

        /** A lazy source of value strings. */
        public Builder valueStringSource(Function<FieldDef, ValueStrings> source) {
            this.valueStringSource = source;
            return this;
        }

        public FieldRegistry build() {
            List<FieldDef> list = List.copyOf(defs);
            Map<String, Integer> names = Map.copyOf(ids);
            Storage storage = new Storage() {
                @Override
                public int size() {
                    return list.size();
                }

                @Override
                public FieldDef get(int id) {
                    return list.get(id);
                }

                @Override
                public int find(String abbrev) {
                    Integer id = names.get(abbrev);
                    return id == null ? -1 : id;
                }
            };
            return new FieldRegistry(storage, aliases, valueSource(valueStrings, valueStringSource));
        }

        static Function<FieldDef, ValueStrings> valueSource(Map<String, ValueStrings> table,
                                                           Function<FieldDef, ValueStrings> lazy) {
            Map<String, ValueStrings> copy = Map.copyOf(table);
            return d -> {
                ValueStrings vs = copy.get(d.abbrev());
                return vs != null || lazy == null ? vs : lazy.apply(d);
            };
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
