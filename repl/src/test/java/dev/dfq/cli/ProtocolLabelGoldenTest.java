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
 * Protocols named with -e (frame, eth, vlan, ieee8021ad, arp, ip, ipv6 and its extension headers,
 * icmp, icmpv6, udp, data, IPv4 options): the same text as tshark 4.6.9 (src/test/resources/labels,
 * scripts/record-label-goldens.sh).
 */
class ProtocolLabelGoldenTest {
    @ParameterizedTest
    @ValueSource(strings = {"vlan/vlan.pcap", "vlan/qinq.pcap", "ipfrag/ipv6_ext.pcap", "ipfrag/ipv4_options.pcap",
        "ipfrag/ipv4_frag.pcap"})
    void protocolFields_sameTextAsTshark(String capture) throws IOException {
        String base = capture.substring(capture.indexOf('/') + 1);
        List<String> want = Files.readAllLines(Path.of("src/test/resources/labels", base + ".tsv"), StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("-n", "-r", "../samples/" + capture, "-T", "fields", "-E", "header=y",
                "-E", "occurrence=a"));
        for (String name : want.get(0).split("\t")) {
            args.add("-e");
            args.add(name);
        }
        MainTest.Run r = MainTest.run(args.toArray(String[]::new));
        assertThat(r.status()).isZero();
        assertThat(r.out().split("\n")).containsExactlyElementsOf(want);
    }
}
