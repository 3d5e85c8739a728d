package dev.dfq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --export-objects imf,DIR} writes the same files (names and bytes) as tshark 4.6.9's
 * export of IMF objects (export-objects.tsv, recorded by scripts/record-export-goldens.sh).
 */
class ExportObjectsTest {
    @ParameterizedTest
    @ValueSource(strings = {"smtp-lab.pcap", "corner/soc.pcap", "corner/s1_baseline.pcap", "corner/s15_two_msgs.pcap",
        "corner/s6_bdat.pcap"})
    void exportImf_bundledCapture_sameFilesAsTshark(String capture, @TempDir Path dir) throws Exception {
        Map<String, String> expected = new TreeMap<>();
        try (InputStream in = getClass().getResourceAsStream("/export-objects.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] p = line.split("\t");
                if (p.length == 3 && p[0].equals(capture)) {
                    expected.put(p[1], p[2]);
                }
            }
        }
        Path out = dir.resolve("objects");
        MainTest.Run r = MainTest.run("-r", "../samples/" + capture, "--export-objects", "imf," + out);
        assertThat(r.status()).isZero();
        Map<String, String> got = new TreeMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                got.put(f.getFileName().toString(), sha256(f));
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(got).isEqualTo(expected);
    }

    private static String sha256(Path f) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
