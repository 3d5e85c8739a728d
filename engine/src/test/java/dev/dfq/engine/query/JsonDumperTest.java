package dev.dfq.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Layout and escapes of Wireshark's json_dumper, for what the recorded captures do not contain. */
class JsonDumperTest {
    @Test
    void string_controlCharacters_asJsonDumperEscapesThem() {
        StringBuilder out = new StringBuilder();
        new JsonDumper(out, false, false).value("a\u0001\b\t\n\u000b\f\r\u001f\"\\/\u00e9\u007f").finish();
        assertThat(out).hasToString("\"a\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f\\\"\\\\/\u00e9\u007f\"\n");
    }

    @Test
    void pretty_nestedContainers_indentedTwoSpacesPerDepthAndEmptyOnesClosedInPlace() {
        StringBuilder out = new StringBuilder();
        new JsonDumper(out, true, false).beginArray().beginObject().name("a.b").beginArray().value("1").value("2")
                .endArray().name("e").beginObject().endObject().endObject().endArray().finish();
        assertThat(out).hasToString("[\n  {\n    \"a.b\": [\n      \"1\",\n      \"2\"\n    ],\n    \"e\": {}\n  }\n]\n");
    }

    @Test
    void compact_namesOnly_haveDotsTurnedIntoUnderscores() {
        StringBuilder out = new StringBuilder();
        new JsonDumper(out, false, true).beginObject().name("ip.src").value("1.2.3.4").endObject().finish();
        assertThat(out).hasToString("{\"ip_src\":\"1.2.3.4\"}\n");
    }
}
