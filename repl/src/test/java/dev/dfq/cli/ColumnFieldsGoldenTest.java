package dev.dfq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The column fields (_ws.col.number, cls_time, def_src, def_dst, protocol, packet_length, info) as
 * tshark 4.6.9 gives them: their -T fields text in one pass and with -2, and the frames 46 filters
 * over them select, on 8 captures (src/test/resources/columns, scripts/record-column-goldens.sh).
 */
class ColumnFieldsGoldenTest {
    private static final Path GOLD = Path.of("src/test/resources/columns");
    private static final String[] COLUMNS = {"-e", "_ws.col.number", "-e", "_ws.col.cls_time", "-e", "_ws.col.def_src",
        "-e", "_ws.col.def_dst", "-e", "_ws.col.protocol", "-e", "_ws.col.packet_length", "-e", "_ws.col.info"};

    /** Column field runs known to differ (capture and pass -> reason); each must still differ. */
    private static final java.util.Map<String, String> KNOWN = java.util.Map.of();

    private static String path(String capture) {
        if (capture.equals("smtp-lab.pcap")) {
            return "../samples/smtp-lab.pcap";
        }
        return Files.exists(Path.of("../samples/prefs", capture)) ? "../samples/prefs/" + capture
                : "../samples/corner/" + capture;
    }

    @Test
    void columnFieldsAndFilters_sameAsTshark() throws IOException {
        List<String> differ = new ArrayList<>();
        int captures = 0;
        int filters = 0;
        try (Stream<Path> files = Files.list(GOLD)) {
            for (Path golden : (Iterable<Path>) files.sorted()::iterator) {
                String name = golden.getFileName().toString();
                if (!name.endsWith(".filters.tsv")) {
                    continue;
                }
                String capture = name.substring(0, name.length() - ".filters.tsv".length());
                captures++;
                for (String pass : new String[] {"", "2."}) {
                    List<String> args = new ArrayList<>(List.of("-r", path(capture), "-T", "fields", "-E", "header=y"));
                    if (!pass.isEmpty()) {
                        args.add("-2");
                    }
                    args.addAll(List.of(COLUMNS));
                    String want = Files.readString(GOLD.resolve(capture + "." + pass + "tsv"), StandardCharsets.UTF_8);
                    String key = capture + (pass.isEmpty() ? "" : " -2");
                    boolean same = want.equals(MainTest.run(args.toArray(String[]::new)).out());
                    if (!same && !KNOWN.containsKey(key)) {
                        differ.add(key + ": column field text differs");
                    } else if (same && KNOWN.containsKey(key)) {
                        differ.add(key + ": now identical, remove it from KNOWN");
                    }
                }
                for (String line : Files.readAllLines(golden, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t", -1);
                    filters++;
                    MainTest.Run r = MainTest.run("-r", path(capture), "-Y", f[0], "-T", "fields", "-e", "frame.number");
                    String got = String.join(",", r.out().strip().isEmpty() ? new String[0] : r.out().strip().split("\n"));
                    if (!got.equals(f[1])) {
                        differ.add(capture + ": " + f[0] + " -> tshark [" + f[1] + "] dfq [" + got + "]");
                    }
                }
            }
        }
        System.out.println("column fields: " + captures + " captures, " + filters + " filter runs");
        assertThat(captures).isEqualTo(8);
        assertThat(differ).isEmpty();
    }
}
