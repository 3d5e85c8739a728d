package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldRegistry;

/** Resolves field names to registry ids once, at construction; dissectors never look names up per packet. */
final class Ids {
    private final FieldRegistry registry;

    Ids(FieldRegistry registry) {
        this.registry = registry;
    }

    int of(String abbrev) {
        return registry.byName(abbrev).orElseThrow(() -> new IllegalStateException("no field " + abbrev)).id();
    }
}
