package dev.dfq.cli;

import dev.dfq.grammar.Macros;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where display-filter macros come from: an explicit file, else Wireshark's per-user file
 * ({@code ~/.config/wireshark/dmacros}) when it exists, so filters that work in the user's
 * Wireshark work here too.
 */
final class MacroFiles {
    private MacroFiles() {
    }

    static Macros load(Path explicit, PrintWriter err) {
        Path file = explicit;
        if (file == null) {
            String home = System.getProperty("user.home");
            Path user = home == null ? null : Path.of(home, ".config", "wireshark", "dmacros");
            if (user == null || !Files.isRegularFile(user)) {
                return Macros.empty();
            }
            file = user;
        }
        try {
            return Macros.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("dfq: cannot read macros file " + file + ": " + e.getMessage());
            return Macros.empty();
        }
    }
}
