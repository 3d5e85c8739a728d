package dev.dfq.fields.dissect;

import java.util.Set;

/** Which protocols dfq's dissectors produce fields for (a filter on any other protocol matches nothing). */
public final class Coverage {
    private static final Set<String> PROTOCOLS = Set.of("frame", "eth", "vlan", "sll", "null", "ip", "ipv6", "arp", "smtp", "imf", "mime_multipart", "tls", "media", "data-text-lines",
            "icmp", "icmpv6", "tcp", "udp", "data", "ieee8021ad", "ieee8021ah", "ipv6.hopopts", "ipv6.routing",
            "ipv6.dstopts", "ipv6.fraghdr", "_ws.expert", "_ws.malformed",
            "_ws.col"); // the column fields, made from the text columns (engine ColumnFields)

    private Coverage() {
    }

    public static boolean dissects(String protocol) {
        return PROTOCOLS.contains(protocol) || protocol.startsWith("ip.options."); // each IPv4 option is a protocol
    }
}
