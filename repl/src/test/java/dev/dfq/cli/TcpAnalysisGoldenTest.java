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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * tcp.analysis.* and tcp.completeness as tshark 4.6.9 computes them, and the Info notes they
 * drive. Goldens: src/test/resources/tcp-analysis, from scripts/record-tcp-analysis-goldens.py over
 * samples/tcp (scripts/make-tcp-analysis-corners.py: one case per capture), the lab capture,
 * s8_ooo and conversations.pcap: every field in one pass and with -2, frame sets of the filters in
 * filters.txt (one pass and -2), and the text output with and without tcp.analyze_sequence_numbers.
 */
class TcpAnalysisGoldenTest {
    private static final Path GOLD = Path.of("src/test/resources/tcp-analysis");

    /** Differences known and accepted (capture and what -> reason); none at present. */
    private static final Map<String, String> KNOWN = Map.of();

    private static List<Path> captures() throws IOException {
        List<Path> caps = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../samples/tcp"))) {
            files.filter(p -> p.toString().endsWith(".pcap")).sorted().forEach(caps::add);
        }
        caps.add(Path.of("../samples/smtp-lab.pcap"));
        caps.add(Path.of("../samples/corner/s8_ooo.pcap"));
        caps.add(Path.of("../samples/prefs/conversations.pcap"));
        return caps;
    }

    private static String golden(String name) throws IOException {
        return Files.readString(GOLD.resolve(name), StandardCharsets.UTF_8);
    }

    private static void check(String key, String want, String got, List<String> differ) {
        if (!want.equals(got) && !KNOWN.containsKey(key)) {
            differ.add(key + firstDifference(want, got));
        }
    }

    /** ": line N tshark ... dfq ..." for the first line that differs, or "" (used by other golden tests too). */
    static String firstDifference(String want, String got) {
        String[] w = want.split("\n", -1);
        String[] g = got.split("\n", -1);
        for (int i = 0; i < Math.max(w.length, g.length); i++) {
            String a = i < w.length ? w[i] : "";
            String b = i < g.length ? g[i] : "";
            if (!a.equals(b)) {
                return ": line " + (i + 1) + " tshark \"" + a + "\" dfq \"" + b + "\"";
            }
        }
        return "";
    }

    @Test
    void fields_onePassAndTwoPasses_sameAsTshark() throws IOException {
        List<String> fields = Files.readAllLines(GOLD.resolve("fields.txt"));
        List<String> differ = new ArrayList<>();
        int rows = 0;
        for (Path cap : captures()) {
            String name = cap.getFileName().toString();
            for (boolean twoPass : new boolean[] {false, true}) {
                List<String> args = new ArrayList<>(twoPass ? List.of("-2") : List.of());
                args.addAll(List.of("-n", "-r", cap.toString(), "-T", "fields", "-E", "header=y", "-E", "occurrence=a"));
                for (String f : fields) {
                    args.addAll(List.of("-e", f));
                }
                String want = golden(name + (twoPass ? ".fields-2.tsv" : ".fields.tsv"));
                rows += want.split("\n").length;
                check(name + (twoPass ? " -2 fields" : " fields"), want, MainTest.run(args.toArray(String[]::new)).out(),
                        differ);
            }
        }
        System.out.println("tcp analysis: " + rows + " field rows compared");
        assertThat(rows).isGreaterThan(1000);
        assertThat(differ).isEmpty();
    }

    @ParameterizedTest(name = "passes {0}")
    @ValueSource(ints = {1, 2})
    void filters_sameFramesAsTshark(int passes) throws IOException {
        List<String> differ = new ArrayList<>();
        int compared = 0;
        int nonEmpty = 0;
        for (Path cap : captures()) {
            String name = cap.getFileName().toString();
            for (String line : golden(name + (passes == 2 ? ".filters-2.tsv" : ".filters.tsv")).split("\n")) {
                String[] p = line.split("\t", -1);
                List<String> args = new ArrayList<>(passes == 2 ? List.of("-2") : List.of());
                args.addAll(List.of("-n", "-r", cap.toString(), "-Y", p[0], "-T", "fields", "-e", "frame.number"));
                MainTest.Run r = MainTest.run(args.toArray(String[]::new));
                String got = r.status() + "\t" + String.join(",", r.out().split("\\s+")).replaceAll("^,", "");
                compared++;
                nonEmpty += p[2].isEmpty() ? 0 : 1;
                check(name + (passes == 2 ? " -2 " : " ") + p[0], p[1] + "\t" + p[2], got, differ);
            }
        }
        System.out.println("tcp analysis: " + compared + " filters compared, " + nonEmpty + " matching frames");
        assertThat(nonEmpty).isGreaterThan(300);
        assertThat(differ).isEmpty();
    }

    @Test
    void text_infoNotesAsTshark() throws IOException {
        List<String> differ = new ArrayList<>();
        for (Path cap : captures()) {
            String name = cap.getFileName().toString();
            check(name + " text", golden(name + ".txt"), MainTest.run("-n", "-r", cap.toString()).out(), differ);
            // without sequence analysis: no notes, absolute numbers, retransmissions handed to SMTP
            check(name + " text, no analysis", golden(name + ".noanalysis.txt"), MainTest.run("-n", "-r", cap.toString(),
                    "-o", "tcp.analyze_sequence_numbers:FALSE").out(), differ);
        }
        assertThat(differ).isEmpty();
    }
}
