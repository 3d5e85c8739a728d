package dev.dfq.engine.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of test ids expected to fail, each with a short reason: lines {@code id<TAB>reason},
 * {@code #} comments. Conformance tests assert that every case not listed passes and that every
 * listed case still fails, so the list can only shrink and never hides a case that was fixed.
 * Regenerate with {@code -Ddfq.updateKnownFailures=true} (written into src/test/resources).
 */
public final class KnownFailures {
    public static final String UPDATE_PROPERTY = "dfq.updateKnownFailures";

    private KnownFailures() {
    }

    public static boolean updateRequested() {
        return Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY, "false"));
    }

    /** id → reason, in file order; empty when the file does not exist. */
    public static Map<String, String> read(FixtureFiles files, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!files.exists(name)) {
            return out;
        }
        for (String line : files.readString(name).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            out.put(tab < 0 ? line : line.substring(0, tab), tab < 0 ? "" : line.substring(tab + 1));
        }
        return out;
    }

    /**
     * Writes the list into the module's source tree ({@code basedir}/src/test/resources/...), so
     * the next build picks it up.
     *
     * @param resourceName path under src/test/resources
     */
    public static Path write(String resourceName, List<String> header, Map<String, String> failures) {
        Path file = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources").resolve(resourceName);
        StringBuilder sb = new StringBuilder();
        for (String h : header) {
            sb.append("# ").append(h).append('\n');
        }
        for (Map.Entry<String, String> e : failures.entrySet()) {
            sb.append(e.getKey()).append('\t').append(oneLine(e.getValue())).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A reason on one line, shortened. */
    public static String oneLine(String s) {
        String t = s.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
        return t.length() > 200 ? t.substring(0, 197) + "..." : t;
    }
}
