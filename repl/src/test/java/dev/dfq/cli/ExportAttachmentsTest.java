package dev.dfq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dfq.engine.query.AttachmentExportNames;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --export-attachments DIR}: the decoded attachments (name, size, SHA-256) equal what an
 * independent decoder (Python's email package) found in tshark46's exported messages
 * (attachments.tsv, scripts/record-attachment-goldens.py); the manifest lists them.
 */
class ExportAttachmentsTest {
    @ParameterizedTest
    @ValueSource(strings = {"smtp-lab.pcap", "corner/soc.pcap", "corner/s1_baseline.pcap"})
    void exportAttachments_bundledCapture_decodedAsAnIndependentDecoder(String capture, @TempDir Path dir) throws Exception {
        List<String> expected = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/attachments.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] p = line.split("\t");
                if (p.length == 4 && p[0].equals(capture)) {
                    expected.add(p[1] + " " + p[2] + " " + p[3]);
                }
            }
        }
        Path out = dir.resolve("att");
        MainTest.Run r = MainTest.run("-r", "../samples/" + capture, "--export-attachments", out.toString());
        assertThat(r.status()).isZero();
        List<String> got = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(out.resolve("manifest.json").toFile())) {
            String name = null;
            long size = -1;
            String sha = null;
            String path = null;
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    p.nextToken();
                    switch (f) {
                        case "file_name" -> name = p.getText();
                        case "size" -> size = p.getLongValue();
                        case "sha256" -> sha = p.getText();
                        case "path" -> path = p.getText();
                        default -> p.skipChildren();
                    }
                } else if (p.currentToken() == JsonToken.END_OBJECT && name != null) {
                    got.add(name + " " + size + " " + sha);
                    assertThat(Files.size(out.resolve(path))).isEqualTo(size);
                    name = null;
                }
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void safeNames_pathTraversalAndReservedCharacters_stayInsideDir() {
        assertThat(AttachmentExportNames.safe("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentExportNames.safe("..\\..\\win.ini")).isEqualTo("win.ini");
        assertThat(AttachmentExportNames.safe("a:b*c?.exe")).isEqualTo("a_b_c_.exe");
        assertThat(AttachmentExportNames.safe("...")).isEqualTo("attachment");
        assertThat(AttachmentExportNames.safe(".hidden")).isEqualTo("hidden");
    }
}
