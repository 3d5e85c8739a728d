package dev.dfq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IPv4 and IPv6 fragment reassembly, IPv6 extension headers, ICMP and ICMPv6 against tshark 4.6.9 on
 * the generated captures of samples/ipfrag (scripts/make-ip-fragments.py), in one pass, with -2 and with
 * ip.defragment/ipv6.defragment off: the one-line output, 234 fields (protocols too) with -T fields, and 96 filters (goldens in
 * src/test/resources/iplayers, recorded by scripts/record-ip-goldens.sh).
 */
class IpLayersGoldenTest {
    private static final Path GOLD = Path.of("src/test/resources/iplayers");

    @ParameterizedTest
    @ValueSource(strings = {"ipv4_frag.pcap", "ipv4_edge.pcap", "ipv4_options.pcap", "ipv6_ext.pcap", "ipv6_nd.pcap", "ipv6_addrs.pcap", "icmp_nested.pcap", "icmp_codes.pcap"})
    void textAndFields_onePassAndTwo_sameAsTshark(String capture) throws IOException {
        String path = "../samples/ipfrag/" + capture;
        List<String> args = new ArrayList<>(List.of("-n", "-r", path, "-T", "fields", "-E", "header=y", "-E", "occurrence=a"));
        for (String field : Files.readAllLines(GOLD.resolve("fields.txt"), StandardCharsets.UTF_8)) {
            if (!field.isBlank()) {
                args.add("-e");
                args.add(field);
            }
        }
        List<String> differ = new ArrayList<>();
        compareLines(capture, GOLD.resolve(capture + ".txt"), MainTest.run("-n", "-r", path).out(), differ);
        compareLines(capture + " -2", GOLD.resolve(capture + ".2.txt"), MainTest.run("-n", "-2", "-r", path).out(), differ);
        compareCells(capture, GOLD.resolve(capture + ".fields.tsv"), MainTest.run(args.toArray(String[]::new)).out(), differ);
        List<String> noDefrag = List.of("-o", "ip.defragment:FALSE", "-o", "ipv6.defragment:FALSE");
        compareLines(capture + " nodefrag", GOLD.resolve(capture + ".nodefrag.txt"),
                MainTest.run(concat(noDefrag, List.of("-n", "-r", path))).out(), differ);
        compareCells(capture + " nodefrag", GOLD.resolve(capture + ".nodefrag.fields.tsv"), MainTest.run(concat(noDefrag, args)).out(),
                differ);
        args.add(0, "-2");
        compareCells(capture + " -2", GOLD.resolve(capture + ".2.fields.tsv"), MainTest.run(args.toArray(String[]::new)).out(),
                differ);
        assertThat(differ).as("differences from tshark46").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ipv4_frag.pcap", "ipv4_edge.pcap", "ipv4_options.pcap", "ipv6_ext.pcap", "ipv6_nd.pcap", "ipv6_addrs.pcap", "icmp_nested.pcap", "icmp_codes.pcap"})
    void filters_sameFramesAsTshark(String capture) throws IOException {
        List<String> differ = new ArrayList<>();
        int matched = 0;
        for (String row : Files.readAllLines(GOLD.resolve(capture + ".filters.tsv"), StandardCharsets.UTF_8)) {
            String[] p = row.split("\t", -1);
            MainTest.Run r = MainTest.run("-n", "-r", "../samples/ipfrag/" + capture, "-Y", p[0], "-T", "fields", "-e",
                    "frame.number");
            String frames = String.join(",", r.out().strip().isEmpty() ? new String[0] : r.out().strip().split("\n"));
            if (r.status() != Integer.parseInt(p[1]) || !frames.equals(p[2])) {
                differ.add(p[0] + ": tshark " + p[1] + " [" + p[2] + "], dfq " + r.status() + " [" + frames + "] " + r.err());
            }
            matched += p[2].isEmpty() ? 0 : 1;
        }
        assertThat(matched).as("filters matching some frame").isGreaterThan(5);
        assertThat(differ).isEmpty();
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    private static void compareLines(String what, Path golden, String got, List<String> differ) throws IOException {
        String[] want = Files.readString(golden, StandardCharsets.UTF_8).split("\n");
        String[] have = got.split("\n");
        assertThat(have.length).as(what + " lines").isEqualTo(want.length);
        for (int i = 0; i < want.length; i++) {
            if (!want[i].equals(have[i])) {
                differ.add(what + ": tshark \"" + want[i] + "\", dfq \"" + have[i] + "\"");
            }
        }
    }

    private static void compareCells(String what, Path golden, String got, List<String> differ) throws IOException {
        String[] want = Files.readString(golden, StandardCharsets.UTF_8).split("\n");
        String[] have = got.split("\n");
        assertThat(have.length).as(what + " rows").isEqualTo(want.length);
        String[] names = want[0].split("\t", -1);
        for (int i = 1; i < want.length; i++) {
            String[] w = want[i].split("\t", -1);
            String[] h = have[i].split("\t", -1);
            for (int c = 0; c < names.length; c++) {
                String wc = c < w.length ? w[c] : "";
                String hc = c < h.length ? h[c] : "";
                if (!wc.equals(hc)) {
                    differ.add(what + " frame " + i + " " + names[c] + ": tshark \"" + abbreviate(wc) + "\", dfq \""
                            + abbreviate(hc) + "\"");
                }
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
