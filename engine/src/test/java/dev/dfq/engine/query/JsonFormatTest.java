package dev.dfq.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dfq.engine.capture.CaptureReader;
import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** JsonFormat writes each frame as it comes: the document is never held whole. */
class JsonFormatTest {
    private static final FieldRegistry REGISTRY = FieldRegistry.wireshark();

    @Test
    void json_eachFrame_isWrittenOutBeforeTheNextIsRead() throws Exception {
        FieldDef number = REGISTRY.byName("frame.number").orElseThrow();
        for (boolean tree : new boolean[] {false, true}) {
            StringBuilder out = new StringBuilder();
            JsonFormat json = tree ? JsonFormat.tree(REGISTRY, Set.of("frame"), Set.of(), false, ZoneOffset.UTC, out)
                    : JsonFormat.fields(false, List.of(number), List.of(), false, ZoneOffset.UTC, out);
            json.begin();
            List<Integer> lengths = new ArrayList<>();
            QueryRunner runner = new QueryRunner(REGISTRY, null, tree ? null : new int[] {number.id()}, 0);
            try (CaptureReader r = CaptureReader.open(LowerLayerGoldenTest.sample("corner/s1_baseline.pcap"))) {
                runner.run(r, (frame, fields) -> {
                    json.frame(frame.timestampNanos(), fields);
                    lengths.add(out.length());
                    assertThat(out.toString()).contains(tree ? "\"frame.number\": \"" + frame.number() + "\""
                            : "\"" + frame.number() + "\"");
                });
            }
            json.end();
            assertThat(lengths).hasSize(31).isSorted().doesNotHaveDuplicates();
            assertThat(out.toString()).startsWith("[\n  {\n").endsWith("\n  }\n]\n");
        }
    }
}
