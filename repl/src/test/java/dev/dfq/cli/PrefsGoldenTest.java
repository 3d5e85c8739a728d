package dev.dfq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lower-layer preferences as tshark 4.6.9 applies them: tcp/ip/udp.check_checksum (status,
 * calculated value, expert items, Info notes, no desegmentation of a segment with a bad TCP checksum)
 * tcp.relative_sequence_numbers and tcp.desegment_tcp_streams. Goldens: src/test/resources/prefs, from
 * scripts/record-pref-goldens.sh over samples/prefs (scripts/make-tcpip-corners.py: bad checksums, RST
 * and FIN then stray segments and port reuse) and four more.
 */
class PrefsGoldenTest {
    private static final Path GOLD = Path.of("src/test/resources/prefs");
    private static final Map<String, String[]> SETS = Map.of(
            "default", new String[0],
            "checksums", new String[] {"-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE", "-o",
                "udp.check_checksum:TRUE"},
            "absolute", new String[] {"-o", "tcp.relative_sequence_numbers:FALSE"},
            "nodesegment", new String[] {"-o", "tcp.desegment_tcp_streams:FALSE"});

    /**
     * Text lines known to differ (capture.set frame -> reason). Each must still differ: a line that
     * has become identical fails the test until its entry is removed. None at present.
     */
    private static final Map<String, String> KNOWN = Map.of();

    private static String path(String capture) {
        if (capture.equals("smtp-lab.pcap")) {
            return "../samples/smtp-lab.pcap";
        }
        return Files.exists(Path.of("../samples/prefs", capture)) ? "../samples/prefs/" + capture
                : "../samples/corner/" + capture;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default", "checksums", "absolute", "nodesegment"})
    void everyCapture_sameTextAndFieldsAsTshark(String set) throws IOException {
        List<String> fields = Files.readAllLines(GOLD.resolve("fields.txt"));
        List<String> differ = new ArrayList<>();
        int captures = 0;
        int lines = 0;
        try (Stream<Path> files = Files.list(GOLD)) {
            for (Path golden : (Iterable<Path>) files.sorted()::iterator) {
                String name = golden.getFileName().toString();
                if (!name.endsWith("." + set + ".txt")) {
                    continue;
                }
                String capture = name.substring(0, name.length() - ("." + set + ".txt").length());
                captures++;
                List<String> args = new ArrayList<>(List.of("-r", path(capture)));
                args.addAll(List.of(SETS.get(set)));
                lines += compareText(capture + "." + set, golden, args, differ);
                List<String> fieldArgs = new ArrayList<>(args);
                fieldArgs.addAll(List.of("-T", "fields", "-E", "header=y"));
                for (String f : fields) {
                    fieldArgs.addAll(List.of("-e", f));
                }
                MainTest.Run r = MainTest.run(fieldArgs.toArray(String[]::new));
                String want = Files.readString(GOLD.resolve(capture + "." + set + ".tsv"), StandardCharsets.UTF_8);
                if (!want.equals(r.out())) {
                    differ.add(capture + "." + set + ": -T fields output differs");
                }
            }
        }
        System.out.println("prefs " + set + ": " + captures + " captures, " + lines + " text lines");
        assertThat(captures).isGreaterThanOrEqualTo(6);
        assertThat(differ).isEmpty();
    }

    private static int compareText(String key, Path golden, List<String> args, List<String> differ) throws IOException {
        String[] want = Files.readString(golden, StandardCharsets.UTF_8).split("\n");
        String[] got = MainTest.run(args.toArray(String[]::new)).out().split("\n");
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            String w = i < want.length ? want[i] : "";
            String g = i < got.length ? got[i] : "";
            boolean known = KNOWN.containsKey(key + " " + w.strip().split(" ")[0]);
            if (!w.equals(g) && !known) {
                differ.add(key + ": tshark \"" + w + "\" dfq \"" + g + "\"");
            } else if (w.equals(g) && known) {
                differ.add(key + ": now identical, remove it from KNOWN: " + w);
            }
        }
        return want.length;
    }
}
