package dev.dfq.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Syntax trees (with spans) of ~600 filters, from Wireshark's suite and the dftest goldens, against
 * ast-goldens.txt. The goldens are dfq's own output, reviewed in diffs: regenerate with
 * {@code -Ddfq.updateGoldens=true}. (What 4.6.9 itself says about these filters is checked by the
 * engine's dftest and error goldens.)
 */
class AstGoldenTest {
    static String resource(String name) throws IOException {
        try (InputStream in = AstGoldenTest.class.getResourceAsStream("/" + name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String render(FilterParser parser, String filter) {
        ParseResult r = parser.parse(filter, name -> name.contains(".") && !name.startsWith("private"));
        return "### " + filter + "\n" + (r.ok() ? AstPrinter.print(r.root())
                : "ERROR " + r.error().message() + " @" + r.error().span() + "\n");
    }

    @Test
    void parse_suiteAndDftestFilters_matchAstGoldens() throws IOException {
        FilterParser parser = new FilterParser(Macros.parse(resource("test_dmacros")));
        StringBuilder all = new StringBuilder();
        for (String f : resource("ast-filters.txt").split("\n")) {
            if (!f.isEmpty()) {
                all.append(render(parser, f));
            }
        }
        if (Boolean.getBoolean("dfq.updateGoldens")) {
            Files.writeString(Path.of("src/test/resources/ast-goldens.txt"), all.toString(), StandardCharsets.UTF_8);
        }
        String expected = resource("ast-goldens.txt");
        assertThat(expected).as("ast-goldens.txt (regenerate with -Ddfq.updateGoldens=true)").isNotEmpty();
        assertThat(all.toString()).isEqualTo(expected);
    }
}
