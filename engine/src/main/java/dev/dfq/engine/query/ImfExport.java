package dev.dfq.engine.query;

import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code --export-objects imf,DIR}: each message IMF dissected is written as it was carried
 * (the reassembled DATA) to {@code <subject>.eml}, named as Wireshark's File › Export Objects › IMF
 * names it: characters a file name cannot hold become {@code %xx}, and a repeated name gets
 * {@code (1)}, {@code (2)}... before the extension. Files are created new, never overwritten.
 */
public final class ImfExport {
    private final int imf;
    private final int subject;
    private final Path dir;
    private final Map<String, Integer> used = new HashMap<>();
    private int written;

    public ImfExport(FieldRegistry registry, Path dir) {
        this.imf = registry.byName("imf").orElseThrow().id();
        this.subject = registry.byName("imf.subject").orElseThrow().id();
        this.dir = dir;
    }

    /** The fields the export reads (dissection must produce them). */
    public int[] fields() {
        return new int[] {imf, subject};
    }

    /** Writes the frame's message, if IMF was dissected in it. */
    public void accept(FieldStore s) throws IOException {
        for (int occ = s.first(imf); occ >= 0; occ = s.next(occ)) {
            int src = s.source(occ);
            int off = s.offset(occ);
            int len = Math.max(0, Math.min(s.length(occ), s.sourceLength(src) - off));
            String name = "imf";
            int subj = s.first(subject);
            if (subj >= 0) {
                name = new String(s.valueBytes(subj), StandardCharsets.UTF_8);
            }
            Path file = dir.resolve(unique(safe(name)));
            Files.createDirectories(dir);
            Files.write(file, java.util.Arrays.copyOfRange(s.sourceData(src), off, off + len),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            written++;
        }
    }

    public int written() {
        return written;
    }

    /** A name without path separators or characters file systems refuse: those become %xx. */
    static String safe(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || "/\\:*?\"<>|%".indexOf(c) >= 0) {
                sb.append('%').append(String.format("%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        String s = sb.toString();
        if (s.isEmpty() || s.equals(".") || s.equals("..")) {
            s = "imf";
        }
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private String unique(String base) {
        int n = used.merge(base, 1, Integer::sum) - 1;
        String name = n == 0 ? base + ".eml" : base + "(" + n + ").eml";
        while (Files.exists(dir.resolve(name))) {
            n = used.merge(base, 1, Integer::sum) - 1;
            name = base + "(" + n + ").eml";
        }
        return name;
    }
}
