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

    /**
     * Reads a Wireshark {@code dmacros} file: one macro per line, {@code "name" body}; blank lines
     * and lines starting with {@code #} are ignored.
     */
    public static Macros parse(String fileText) {
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        for (String line : fileText.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || !t.startsWith("\"")) {
                continue;
            }
            int close = t.indexOf('"', 1);
            if (close < 0) {
                continue;
            }
            bodies.put(t.substring(1, close), t.substring(close + 1).strip());
        }
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
