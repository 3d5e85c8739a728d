package dev.dfq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code -T json -e ...} and {@code -T ek -e ...} against tshark 4.6.9, byte for byte: the cases of
 * src/test/resources/json/cases.tsv (every bundled capture with the lower-layer and the mail field
 * lists, filters, -E occurrence, -2, no match, a capture cut short) and the frame layer's whole
 * tree ({@code -J frame}) on every bundled capture, recorded by
 * scripts/record-json-goldens.py with their exit statuses and messages.
 */
class JsonOutputTest {
    private static final Path DIR = Path.of("src/test/resources/json");

    /** Cases whose output may differ from tshark's: name -> reason. Each must still differ. (None today.) */
    private static final Map<String, String> KNOWN = Map.of();

    @Test
    void jsonAndEk_everyRecordedCase_sameBytesStatusAndMessageAsTshark() throws IOException {
        Map<String, String[]> statuses = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("status.tsv"), StandardCharsets.UTF_8)) {
            String[] p = line.split("\t", -1);
            statuses.put(p[0], p);
        }
        List<String> differ = new ArrayList<>();
        List<String> knownButSame = new ArrayList<>();
        int identical = 0;
        int cases = 0;
        for (String line : Files.readAllLines(DIR.resolve("cases.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            cases++;
            String[] p = line.split("\t", -1);
            String name = p[0];
            String capture = p[1].startsWith("json/") ? "src/test/resources/" + p[1] : "../samples/" + p[1];
            List<String> args = new ArrayList<>(List.of("-n", "-r", capture));
            for (int i = 2; i < p.length; i++) {
                args.addAll(expand(p[i]));
            }
            MainTest.Run r = MainTest.run(args.toArray(String[]::new));
            String want = Files.readString(DIR.resolve(name + ".out"), StandardCharsets.UTF_8);
            String[] status = statuses.get(name);
            String wantErr = status[2].replace("\\n", "\n").replace("tshark: ", "dfq: ");
            String gotErr = r.err().strip().replace(capture, "FILE");
            String problem = null;
            if (!want.equals(r.out())) {
                problem = name + ": output differs at " + firstDifference(want, r.out());
            } else if (r.status() != Integer.parseInt(status[1])) {
                problem = name + ": status " + r.status() + ", tshark " + status[1];
            } else if (!wantErr.equals(gotErr)) {
                problem = name + ": message \"" + gotErr + "\", tshark \"" + wantErr + "\"";
            }
            if (KNOWN.containsKey(name)) {
                if (problem == null) {
                    knownButSame.add(name);
                }
            } else if (problem != null) {
                differ.add(problem);
            } else {
                identical++;
            }
        }
        System.out.println("json/ek: " + identical + " of " + cases + " cases identical, " + KNOWN.size() + " documented");
        assertThat(differ).isEmpty();
        assertThat(knownButSame).as("documented differences that are gone: remove them from KNOWN").isEmpty();
        assertThat(identical).isEqualTo(cases - KNOWN.size()).isGreaterThan(200);
    }

    @Test
    void tree_protocolsDfqCannotWriteAsTshark_areRefusedRatherThanPartial() {
        String[][] refused = {{"-T", "json", "-J", "frame tls"}, {"-T", "json", "-J", "eth tls"}, {"-T", "json", "-j", "tls.record.version"}, {"-T", "ek", "-J", "frame"}};
        for (String[] args : refused) {
            List<String> all = new ArrayList<>(List.of("-n", "-r", "../samples/smtp-lab.pcap"));
            all.addAll(List.of(args));
            MainTest.Run r = MainTest.run(all.toArray(String[]::new));
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).contains("dfq: ");
        }
    }

    @Test
    void plainJson_frameWithALayerDfqCannotWrite_refusedBeforeAnyOutputNamingTheLayer() {
        // a whole TLS record's tree lacks the handshake items tshark shows under it
        MainTest.Run r = MainTest.run("-n", "-r", DIR.resolve("mail-tls.pcap").toString(), "-T", "json");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("frame 9 has tls").contains("-J");
        // a TCP header quoted by an ICMP error is not taken apart by dfq: refused too
        MainTest.Run quoted = MainTest.run("-n", "-r", DIR.resolve("icmp-tcp.pcap").toString(), "-T", "json", "-Y", "icmp");
        assertThat(quoted.status()).isEqualTo(1);
        assertThat(quoted.out()).isEmpty();
        assertThat(quoted.err()).contains("frame 5 has a TCP header quoted by an ICMP error");
        MainTest.Run stdin = MainTest.run("-n", "-r", "-", "-T", "json");
        assertThat(stdin.status()).isEqualTo(1);
        assertThat(stdin.err()).contains("needs a capture file");
    }

    private static List<String> expand(String arg) throws IOException {
        if (!arg.startsWith("@")) {
            return List.of(arg);
        }
        List<String> out = new ArrayList<>();
        for (String f : Files.readAllLines(DIR.resolve("fields-" + arg.substring(1) + ".txt"), StandardCharsets.UTF_8)) {
            if (!f.isBlank()) {
                out.add("-e");
                out.add(f.strip());
            }
        }
        return out;
    }

    private static String firstDifference(String want, String got) {
        int i = 0;
        while (i < want.length() && i < got.length() && want.charAt(i) == got.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 80);
        return "char " + i + ": tshark \"" + want.substring(from, Math.min(want.length(), i + 80)) + "\" dfq \""
                + got.substring(from, Math.min(got.length(), i + 80)) + "\"";
    }
}
