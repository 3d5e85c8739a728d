package dev.dfq.grammar;

import java.util.Map;

/**
 * Display-filter macros, as in Wireshark's {@code dmacros} file: lines {@code "name" text} where
 * the text uses {@code $1}, {@code $2}... for arguments.
 */
public final class Macros {
    private static final Macros EMPTY = new Macros(Map.of());
    private final Map<String, String> bodies;

    private Macros(Map<String, String> bodies) {
        this.bodies = Map.copyOf(bodies);
    }

    public static Macros empty() {
        return EMPTY;
    }

    public static Macros of(Map<String, String> bodies) {
        return new Macros(bodies);
    }

    /** The macro's body text, or null. */
    public String body(String name) {
        return bodies.get(name);
    }

    public Map<String, String> all() {
        return bodies;
    }
}
