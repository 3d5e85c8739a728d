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

/**
 * The default one-line output (No., Time, Source, Destination, Protocol, Length, Info) under -n, and
 * the -t time formats, against tshark 4.6.9's (src/test/resources/text, scripts/record-text-goldens.sh).
 */
class TextOutputTest {
    private static final Path TEXT = Path.of("src/test/resources/text");

    /** Lines tshark writes from analysis dfq does not do yet: frame of a capture -> reason. */
    private static final Map<String, String> KNOWN = Map.of();

    @Test
    void defaultOutput_everyBundledCapture_sameLinesAsTshark() throws IOException {
        List<String> differ = new ArrayList<>();
        int lines = 0;
        try (Stream<Path> files = Files.list(TEXT)) {
            for (Path golden : (Iterable<Path>) files.sorted()::iterator) {
                String name = golden.getFileName().toString();
                if (name.contains(".t-")) {
                    continue;
                }
                String capture = name.substring(0, name.length() - ".txt".length());
                String path = capture.equals("smtp-lab.pcap") ? "../samples/" + capture
                        : Files.exists(Path.of("../samples/vlan", capture)) ? "../samples/vlan/" + capture
                        : "../samples/corner/" + capture;
                lines += compare(capture, golden, differ, "-n", "-r", path);
            }
        }
        System.out.println("text output: " + lines + " lines compared");
        assertThat(lines).isGreaterThan(600);
        assertThat(differ).isEmpty();
    }

    @Test
    void timeFormats_labCapture_sameColumnAsTshark() throws IOException {
        List<String> differ = new ArrayList<>();
        for (String t : new String[] {"a", "ad", "adoy", "d", "dd", "e", "r", "u", "ud", "udoy"}) {
            compare("t-" + t, TEXT.resolve("smtp-lab.pcap.t-" + t + ".txt"), differ, "-n", "-t", t, "-r",
                    "../samples/smtp-lab.pcap", "-c", "60", "-Y", "frame.number != 2");
        }
        assertThat(differ).isEmpty();
    }

    private static int compare(String capture, Path golden, List<String> differ, String... args) throws IOException {
        String[] want = Files.readString(golden, StandardCharsets.UTF_8).split("\n");
        MainTest.Run r = MainTest.run(args);
        String[] got = r.out().split("\n");
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            String w = i < want.length ? want[i] : "";
            String g = i < got.length ? got[i] : "";
            if (!w.equals(g) && !KNOWN.containsKey(capture + " " + w.strip().split(" ")[0])) {
                differ.add(capture + ": tshark \"" + w + "\" dfq \"" + g + "\"");
            }
        }
        return want.length;
    }
}
