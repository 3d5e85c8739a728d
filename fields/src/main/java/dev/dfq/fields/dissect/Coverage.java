package dev.dfq.fields.dissect;

import java.util.Set;

/** Which protocols dfq's dissectors produce fields for (a filter on any other protocol matches nothing). */
public final class Coverage {
    private static final Set<String> PROTOCOLS = Set.of("frame", "eth", "vlan", "sll", "null", "ip", "ipv6", "arp", "smtp", "imf", "mime_multipart", "tls", "media", "data-text-lines",
            "icmp", "tcp", "udp", "data", "ieee8021ad", "ieee8021ah",
            "_ws.col"); // the column fields, made from the text columns (engine ColumnFields)

    private Coverage() {
    }

    public static boolean dissects(String protocol) {
        return PROTOCOLS.contains(protocol);
    }
}
