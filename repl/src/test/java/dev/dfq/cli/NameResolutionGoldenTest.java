package dev.dfq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Name resolution as tshark 4.6.9 does it (src/test/resources/names, scripts/record-name-goldens.py):
 * the default output, which names MAC addresses, and -N mt, which names ports too, on every bundled
 * capture; the eth.*_resolved, .oui and .oui_resolved fields with names on
 * and off; filters on them; the order of -n, -N and -o nameres.*; and the error for an unknown -N
 * letter. Standard output, standard error (tshark's "tshark:" as dfq's "dfq:") and the exit status
 * must be identical.
 */
class NameResolutionGoldenTest {
    private static final Path NAMES = Path.of("src/test/resources/names");

    @Test
    void everyRecordedCase_sameOutputErrorsAndStatusAsTshark() throws IOException {
        List<String> differ = new ArrayList<>();
        int lines = 0;
        List<String> cases = Files.readAllLines(NAMES.resolve("cases.tsv"), StandardCharsets.UTF_8);
        for (String line : cases) {
            String[] cell = line.split("\t", -1);
            String id = cell[0];
            String[] args = Arrays.stream(cell, 2, cell.length)
                    .map(a -> a.startsWith("samples/") ? "../" + a : a).toArray(String[]::new);
            String out = Files.readString(NAMES.resolve(id + ".out"), StandardCharsets.UTF_8);
            Path errFile = NAMES.resolve(id + ".err");
            String err = Files.exists(errFile)
                    ? Files.readString(errFile, StandardCharsets.UTF_8).replace("tshark: ", "dfq: ") : "";
            MainTest.Run r = MainTest.run(args);
            if (r.status() != Integer.parseInt(cell[1])) {
                differ.add(id + ": exit status " + r.status() + ", tshark " + cell[1]);
            }
            if (!r.out().equals(out)) {
                differ.add(id + TcpAnalysisGoldenTest.firstDifference(out, r.out()));
            }
            if (!r.err().equals(err)) {
                differ.add(id + ": standard error \"" + r.err() + "\", tshark \"" + err + "\"");
            }
            lines += out.split("\n").length;
        }
        System.out.println("name resolution: " + cases.size() + " cases, " + lines + " lines compared");
        assertThat(cases).hasSizeGreaterThan(160);
        assertThat(lines).isGreaterThan(8000);
        assertThat(differ).isEmpty();
    }

    /**
     * The vendor and port tables dfq bundles, printed as -G manuf and -G services, are tshark's byte for
     * byte (SHA-256 and line count).
     */
    @ParameterizedTest
    @ValueSource(strings = {"manuf", "services"})
    void tableReports_sameBytesAsTshark(String report) throws Exception {
        String[] want = Files.readString(NAMES.resolve("G-" + report + ".sha256"), StandardCharsets.US_ASCII).trim().split(" ");
        MainTest.Run r = MainTest.run("-G", report);
        byte[] out = r.out().getBytes(StandardCharsets.UTF_8);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(out));
        assertThat(r.status()).isZero();
        assertThat(r.out().chars().filter(c -> c == '\n').count()).isEqualTo(Long.parseLong(want[1]));
        assertThat(sha).isEqualTo(want[0]);
    }
}
