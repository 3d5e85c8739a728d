package dev.dfq.engine.query;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import dev.dfq.fields.resolve.ServiceNames;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The value tshark prints for a protocol named with -e (-T fields, json, ek): the protocol item's
 * label when its dissector writes one even without a visible tree (frame, sll, ip, ipv6, tcp, udp,
 * vlan, arp, mime_multipart, data-text-lines), else the protocol's abbreviation (eth, null, smtp, imf,
 * tls, media, icmp...: items added whole,
 * with no text). The labels are rebuilt from the protocol's own fields, which {@link #ingredients}
 * names so that the dissector produces them.
 */
final class ProtocolLabel {
    /** Protocols tshark prints as their abbreviation. */
    private static final List<String> ABBREV = List.of("eth", "null", "smtp", "imf", "tls", "media", "_ws.malformed", "icmp",
            "icmpv6", "ipv6.hopopts", "ipv6.dstopts", "ipv6.fraghdr");

    private static final Map<String, List<String>> INGREDIENTS = Map.ofEntries(
            Map.entry("frame", List.of("frame.number", "frame.len", "frame.cap_len", "frame.interface_id")),
            Map.entry("sll", List.of("sll.ifindex")),
            Map.entry("ip", List.of("ip.src", "ip.dst")),
            Map.entry("ipv6", List.of("ipv6.src", "ipv6.dst")),
            Map.entry("vlan", List.of("vlan.priority", "vlan.dei", "vlan.id")),
            Map.entry("ieee8021ad", List.of("ieee8021ad.id")),
            Map.entry("arp", List.of("arp.opcode")),
            Map.entry("ipv6.routing", List.of("ipv6.routing.type")),
            Map.entry("data", List.of("data.data")),
            Map.entry("tcp", List.of("tcp.srcport", "tcp.dstport", "tcp.seq", "tcp.ack", "tcp.flags.ack", "tcp.len")),
            Map.entry("udp", List.of("udp.srcport", "udp.dstport")),
            Map.entry("mime_multipart", List.of("mime_multipart.type", "mime_multipart.first_boundary")));

    private ProtocolLabel() {
    }

    /** The fields a protocol's label is made of, for the dissector to produce along with it. */
    static int[] ingredients(FieldRegistry registry, FieldDef protocol) {
        return INGREDIENTS.getOrDefault(protocol.abbrev(), List.of()).stream()
                .mapToInt(n -> registry.byName(n).orElseThrow().id()).toArray();
    }

    /**
     * The label of protocol occurrence {@code occ}, or "" where dfq cannot know it (a pcapng interface's
     * name); {@code portNames} (-N t) writes TCP and UDP ports as {@code smtp (25)}.
     */
    static String of(FieldRegistry registry, FieldDef def, FieldStore s, int occ, boolean portNames) {
        String p = def.abbrev();
        if (ABBREV.contains(p)) {
            return p;
        }
        if (p.startsWith("ip.options.")) { // IPv4 options, registered as protocols of bytes
            return FieldText.hex(s.valueBytes(occ), false);
        }
        Child c = new Child(registry, s, occ);
        switch (p) {
            case "data":
                return c.has("data.data") ? c.text("data.data") : ""; // the bytes, as a byte field
            case "vlan":
                return "802.1Q Virtual LAN, PRI: " + c.num("vlan.priority") + ", DEI: " + c.num("vlan.dei") + ", ID: "
                        + c.num("vlan.id");
            case "ieee8021ad":
                return "IEEE 802.1ad, ID: " + c.num("ieee8021ad.id");
            case "arp":
                return c.has("arp.opcode") ? "Address Resolution Protocol (" + valueText(registry, "arp.opcode",
                        c.num("arp.opcode")) + ")" : "";
            case "ipv6.routing":
                return c.has("ipv6.routing.type") ? "Routing Header for IPv6 (" + valueText(registry, "ipv6.routing.type",
                        c.num("ipv6.routing.type")) + ")" : "";
            default:
                break;
        }
        return switch (p) {
            case "frame" -> c.has("frame.interface_id") ? "" : String.format(Locale.ROOT,
                    "Frame %d: Packet, %d bytes on wire (%d bits), %d bytes captured (%d bits)", c.num("frame.number"),
                    c.num("frame.len"), c.num("frame.len") * 8, c.num("frame.cap_len"), c.num("frame.cap_len") * 8);
            case "sll" -> "Linux cooked capture " + (c.has("sll.ifindex") ? "v2" : "v1");
            case "ip" -> "Internet Protocol Version 4, Src: " + c.text("ip.src") + ", Dst: " + c.text("ip.dst");
            case "ipv6" -> "Internet Protocol Version 6, Src: " + c.text("ipv6.src") + ", Dst: " + c.text("ipv6.dst");
            case "tcp" -> "Transmission Control Protocol, Src Port: " + port(c, "tcp.srcport", portNames)
                    + ", Dst Port: " + port(c, "tcp.dstport", portNames) + ", Seq: " + c.num("tcp.seq")
                    + (c.num("tcp.flags.ack") != 0 ? ", Ack: " + c.num("tcp.ack") : "") + ", Len: " + c.num("tcp.len");
            case "udp" -> "User Datagram Protocol, Src Port: " + port(c, "udp.srcport", portNames) + ", Dst Port: "
                    + port(c, "udp.dstport", portNames);
            case "mime_multipart" -> c.has("mime_multipart.type") && c.has("mime_multipart.first_boundary")
                    ? "MIME Multipart Media Encapsulation, Type: " + c.text("mime_multipart.type") + ", Boundary: \""
                            + boundary(c.text("mime_multipart.first_boundary")) + "\""
                    : "";
            // its label counts lines and names the media type: the dissector keeps it as the item's value
            case "data-text-lines" -> s.ref(occ) instanceof String label ? label : "";
            // data has no label of its own: tshark prints its bytes
            case "data" -> FieldText.hex(s.rawBytes(occ), false);
            default -> "";
        };
    }

    /** A value's text from the field's value strings ("request" for arp.opcode 1). */
    private static String valueText(FieldRegistry registry, String field, long v) {
        dev.dfq.fields.ValueStrings vs = registry.valueStrings(registry.byName(field).orElseThrow());
        String t = vs == null ? null : vs.lookup(v);
        return t == null ? Long.toString(v) : t;
    }

    /**
     * A port in a TCP or UDP label: the number, or with port names "name (number)", and "number (number)"
     * for a port without a name (Wireshark's port_with_resolution_to_str).
     */
    private static String port(Child c, String field, boolean portNames) {
        int port = (int) c.num(field);
        if (!portNames) {
            return Integer.toString(port);
        }
        String name = field.startsWith("tcp") ? ServiceNames.get().tcp(port) : ServiceNames.get().udp(port);
        return (name == null ? Integer.toString(port) : name) + " (" + port + ")";
    }

    /** The boundary parameter from the first delimiter line ("--B\r\n", or after a CRLF). */
    private static String boundary(String delimiter) {
        String b = delimiter.startsWith("\r\n") ? delimiter.substring(2) : delimiter;
        b = b.startsWith("--") ? b.substring(2) : b;
        return b.endsWith("\r\n") ? b.substring(0, b.length() - 2) : b;
    }

    /** The fields of one protocol occurrence, by name: the first occurrence under it (or anywhere below it). */
    private record Child(FieldRegistry registry, FieldStore s, int protocol) {
        int find(String name) {
            int id = registry.byName(name).orElseThrow().id();
            for (int o = s.first(id); o >= 0; o = s.next(o)) {
                for (int p = s.parent(o); p >= 0; p = s.parent(p)) {
                    if (p == protocol) {
                        return o;
                    }
                }
            }
            return -1;
        }

        boolean has(String name) {
            return find(name) >= 0;
        }

        long num(String name) {
            int o = find(name);
            return o < 0 ? 0 : s.num(o);
        }

        String text(String name) {
            int o = find(name);
            if (o < 0) {
                return "";
            }
            FieldDef d = registry.byName(name).orElseThrow();
            return d.type().kind() == dev.dfq.fields.FieldType.Kind.STRING
                    ? new String(s.valueBytes(o), StandardCharsets.UTF_8) : FieldText.format(d, s, o, false);
        }
    }
}
