package dev.dfq.engine;

import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import dev.dfq.fields.FieldType;
import dev.dfq.fields.ValueStrings;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A small hand-built registry, frames and AST builders for stage tests that need no parser. */
final class EngineTestSupport {
    static final FieldRegistry REG;

    static {
        FieldRegistry.Builder b = FieldRegistry.builder();
        b.protocol("frame", "Frame");
        b.field("frame.number", "Frame Number", FieldType.FT_UINT32, "BASE_DEC", 0, "frame");
        b.field("frame.time", "Arrival Time", FieldType.FT_ABSOLUTE_TIME, "", 0, "frame");
        b.protocol("ip", "IPv4");
        b.field("ip.src", "Source", FieldType.FT_IPv4, "", 0, "ip");
        b.field("ip.addr", "Address", FieldType.FT_IPv4, "", 0, "ip");
        b.field("ip.proto", "Protocol", FieldType.FT_UINT8, "BASE_DEC", 0, "ip");
        b.field("ip.flags.df", "Don't fragment", FieldType.FT_BOOLEAN, "8", 0x40, "ip");
        b.protocol("tcp", "TCP");
        b.field("tcp.port", "Port", FieldType.FT_UINT16, "BASE_DEC", 0, "tcp");
        b.field("tcp.len", "Length", FieldType.FT_UINT32, "BASE_DEC", 0, "tcp");
        b.protocol("http", "HTTP");
        b.field("http.host", "Host", FieldType.FT_STRING, "", 0, "http");
        b.protocol("udp", "UDP");
        b.protocol("dhcp", "DHCP");
        b.alias("bootp", "dhcp");
        b.valueStrings("ip.proto", new ValueStrings(List.of(new ValueStrings.Entry(6, "TCP"),
                new ValueStrings.Entry(17, "UDP")), List.of(), null));
        b.valueStrings("ip.flags.df", new ValueStrings(List.of(), List.of(), new ValueStrings.TrueFalse("Set", "Not set")));
        REG = b.build();
    }

    static int id(String name) {
        return REG.byName(name).orElseThrow().id();
    }

    /** An HTTP-over-TCP frame: 60 bytes, ip at 14 (20 bytes), tcp at 34 (20 bytes), "HEAD" payload at 54. */
    static FieldStore httpFrame(FieldStore s, int number, int... ports) {
        s.reset(number);
        byte[] data = new byte[60];
        byte[] head = "HEAD /x".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, data, 54, 6);
        int src = s.addSource("Frame", data, data.length);
        int f = s.add(id("frame"), 1, -1, src, 0, 60, 0, null);
        s.add(id("frame.number"), 1, f, src, 0, 0, number, null);
        int ip = s.add(id("ip"), 1, f, src, 14, 20, 0, null);
        s.add(id("ip.src"), 1, ip, src, 26, 4, 0x0a000005L, null);
        s.add(id("ip.addr"), 1, ip, src, 26, 4, 0x0a000005L, null);
        s.add(id("ip.addr"), 1, ip, src, 30, 4, 0xc0a80001L, null);
        s.add(id("ip.proto"), 1, ip, src, 23, 1, 6, null);
        s.add(id("ip.flags.df"), 1, ip, src, 20, 1, 1, null);
        int tcp = s.add(id("tcp"), 1, ip, src, 34, 20, 0, null);
        for (int p : ports) {
            s.add(id("tcp.port"), 1, tcp, src, 34, 2, p, null);
        }
        s.add(id("tcp.len"), 1, tcp, src, 46, 0, 1200, null);
        int http = s.add(id("http"), 1, tcp, src, 54, 6, 0, null);
        s.add(id("http.host"), 1, http, src, 54, 4, 0, "www.Example.com".getBytes(StandardCharsets.UTF_8));
        return s;
    }

    static dev.dfq.grammar.ast.Span sp(int s, int l) {
        return new dev.dfq.grammar.ast.Span(s, l);
    }
}
