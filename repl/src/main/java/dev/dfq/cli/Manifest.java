package dev.dfq.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dfq.engine.query.AttachmentExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** manifest.json of --export-attachments: one object per attachment, in capture order. */
final class Manifest {
    private Manifest() {
    }

    static void write(Path file, List<AttachmentExport.Entry> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (AttachmentExport.Entry e : entries) {
                g.writeStartObject();
                g.writeNumberField("frame", e.frame());
                g.writeStringField("from", e.from());
                g.writeArrayFieldStart("to");
                for (String t : e.to()) {
                    g.writeString(t);
                }
                g.writeEndArray();
                g.writeStringField("subject", e.subject());
                if (e.error() != null) {
                    g.writeStringField("error", e.error());
                } else {
                    g.writeStringField("file_name", e.fileName());
                    g.writeStringField("path", e.path());
                    g.writeNumberField("size", e.size());
                    g.writeStringField("sha256", e.sha256());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }
}
