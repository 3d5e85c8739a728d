package dev.dfq.fields.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names and vendors that tshark 4.6.9 gives these addresses (samples/names/macs.pcap, -T fields). */
class MacNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ff:ff:ff:ff:ff:ff|Broadcast|",
        "00:00:0c:12:34:56|Cisco_12:34:56|Cisco Systems, Inc",
        "00:55:da:1a:bc:de|KoolPOS_a:bc:de|KoolPOS Inc.",
        "00:50:c2:00:0a:bc|TLS_a:bc|T.L.S. Corp.",
        "00:1b:c5:00:01:23|Converging_1:23|Converging Systems Inc.",
        "00:00:0c:07:ac:05|All-HSRP-routers_05|Cisco Systems, Inc",
        "02:00:00:00:00:01|02:00:00:00:00:01|",
        "01:00:5e:00:00:fb|IPv4mcast_fb|ICANN, IANA Department",
        "01:00:5e:7f:ff:fa|IPv4mcast_7f:ff:fa|ICANN, IANA Department",
        "ac:de:48:00:11:22|Private_00:11:22|Private",
        "33:33:00:00:00:01|IPv6mcast_01|",
        "33:33:00:00:00:00|IPv6-Neighbor-Discovery|",
        "00:00:00:00:00:00|00:00:00_00:00:00|Officially Xerox, but 0:0:0:0:0:0 is more common",
        "01:00:0c:cc:cc:cc|CDP/VTP/DTP/PAgP/UDLD|Cisco Systems, Inc",
        "01:00:0c:12:34:56|ISL-Frame_12:34:56|Cisco Systems, Inc",
        "01:80:c2:00:00:0e|Nearest-Bridge|IEEE 802.1 Chair",
        "01:80:c2:00:00:21|MVRP-Customer-Bridge|IEEE 802.1 Chair",
        "01:80:c2:00:00:2a|MRP-reserved_0a|IEEE 802.1 Chair",
        "cf:00:00:00:00:00|Ethernet-Configuration-Test-protocol-(Loopback)|",
        "09:00:07:ff:ff:ff|AppleTalk-broadcast-address|Apple, Inc.",
        "00:e0:2b:00:00:05|ExtremeNetwo_00:00:05|Extreme Networks, Inc.",
        "08:00:27:01:02:03|PCSSystemtec_01:02:03|PCS Systemtechnik GmbH",
        "fe:ff:ff:ff:ff:ff|fe:ff:ff:ff:ff:ff|",
        "00:bf:12:34:56:78|MS-NLB-VirtServer_12:34:56:78|",
        "00:11:22:33:44:55|CIMSYS_33:44:55|CIMSYS Inc",
        // MA-L vendors' long names are cut to 63 bytes, and a character cut in two is dropped
        "ec:3f:05:3a:ff:07|Institute706_3a:ff:07|Institute 706, The Second Academy China Aerospace Science & Ind",
        "a8:21:3a:01:02:03|TalentTechno_01:02:03|Shenzhen Talent Technology Comapny Limited 深圳市泰霖科",
        "60:89:b7:01:02:03|KaelMühendi̇_01:02:03|Kael Mühendi̇sli̇k Elektroni̇k Ti̇caret Sanayi̇ Li̇mi̇t",
    })
    void namesAndVendorsAsTshark(String address, String name, String vendor) {
        long mac = Long.parseLong(address.replace(":", ""), 16);
        assertThat(MacNames.get().name(mac)).isEqualTo(name);
        assertThat(MacNames.get().vendor(mac)).isEqualTo(vendor);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"25|smtp|smtp", "465|urd|igmpv3lite", "33435||mtrace", "44444|cognex-dataman|",
        "40517||", "2525|ms-v-worlds|ms-v-worlds"})
    void portNamesPerProtocol(int port, String tcp, String udp) {
        assertThat(ServiceNames.get().tcp(port)).isEqualTo(tcp);
        assertThat(ServiceNames.get().udp(port)).isEqualTo(udp);
    }
}
