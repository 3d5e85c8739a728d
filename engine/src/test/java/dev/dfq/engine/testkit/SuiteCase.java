package dev.dfq.engine.testkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code suite_dfilter/cases.jsonl} (Wireshark's display-filter test suite, re-run on
 * tshark 4.6.9; columns are described in README-corpus.md next to it).
 *
 * @param capture capture file name; the fixture is {@code export/<capture>.pdml} etc.
 * @param filter exact filter text
 * @param expected the matching-frame count, or "ERROR"
 * @param errorSubstring for ERROR rows: text the message must contain
 * @param options extra tshark options: "", "-2 --selected-frame=N", "-2 -R", "-o pref:value"
 * @param errorLocation "start+length" of the caret, or ""
 * @param message tshark 4.6.9's complete first error line
 * @param testId group_file::Class::test_method, unique
 * @param dftestStdout text the upstream test expects in dftest's output (a warning such as
 *                     {@code Deprecated token "bootp"}), or ""
 */
public record SuiteCase(String capture, String filter, String expected, String errorSubstring, String options,
                        String errorLocation, String message, String testId, String dftestStdout) {

    public SuiteCase(String capture, String filter, String expected, String errorSubstring, String options,
                     String errorLocation, String message, String testId) {
        this(capture, filter, expected, errorSubstring, options, errorLocation, message, testId, "");
    }

    public boolean isError() {
        return expected.equals("ERROR");
    }

    public int expectedCount() {
        return Integer.parseInt(expected);
    }

    /** N of "-2 --selected-frame=N", or 0. */
    public int selectedFrame() {
        for (String opt : options.split(" ")) {
            if (opt.startsWith("--selected-frame=")) {
                return Integer.parseInt(opt.substring("--selected-frame=".length()));
            }
        }
        return 0;
    }

    /** The export to load: {@code <capture>.show_as_text} for {@code -o data.show_as_text:true}. */
    public String exportBase() {
        if (options.contains("data.show_as_text:true")) {
            return capture + ".show_as_text";
        }
        if (options.contains("-o ")) {
            throw new IllegalArgumentException("no export for preference " + options);
        }
        return capture;
    }

    public static List<SuiteCase> parseJsonLines(String text) {
        List<SuiteCase> cases = new ArrayList<>();
        JsonFactory f = new JsonFactory();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> m = new LinkedHashMap<>();
            try (JsonParser p = f.createParser(line)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException("not an object: " + line);
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, p.getValueAsString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cases.add(new SuiteCase(m.get("capture"), m.get("filter"), m.get("expected_count_or_ERROR"),
                    m.getOrDefault("error_substring", ""), m.getOrDefault("tshark_options", ""),
                    m.getOrDefault("error_location", ""), m.getOrDefault("tshark46_message", ""),
                    m.get("test_id"), m.getOrDefault("dftest_stdout_substring", "")));
        }
        return cases;
    }
}
