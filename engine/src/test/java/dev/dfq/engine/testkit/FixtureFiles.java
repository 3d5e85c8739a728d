package dev.dfq.engine.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Where fixture files come from: a classpath folder (tests) or a directory. {@link #open} also
 * finds a gzip-compressed copy ({@code name.gz}) and inflates it transparently.
 */
public interface FixtureFiles {
    /** The raw stream of a file, or null when there is none. */
    InputStream openRaw(String name) throws IOException;

    default InputStream open(String name) {
        try {
            InputStream in = openRaw(name);
            if (in != null) {
                return in;
            }
            in = openRaw(name + ".gz");
            return in == null ? null : new GZIPInputStream(in, 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    default boolean exists(String name) {
        try (InputStream in = open(name)) {
            return in != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    default String readString(String name) {
        try (InputStream in = open(name)) {
            if (in == null) {
                throw new IllegalArgumentException("fixture file not found: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files under a classpath folder such as {@code suite_dfilter/export}. */
    static FixtureFiles classpath(String folder) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        return name -> FixtureFiles.class.getClassLoader().getResourceAsStream(prefix + name);
    }

    static FixtureFiles directory(Path dir) {
        return name -> {
            Path p = dir.resolve(name);
            return Files.isRegularFile(p) ? Files.newInputStream(p) : null;
        };
    }
}
