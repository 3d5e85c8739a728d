package dev.dfq.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import dev.dfq.fields.FieldType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixture loader against the exports themselves: every PDML item maps to a registered field
 * (apart from the documented PDML-only elements), every value parses, and the values agree with
 * the independent {@code -T json} export of the same capture.
 */
class CaptureFixtureTest {
    static final FixtureFiles EXPORT = FixtureFiles.classpath("suite_dfilter/export");
    static final FixtureFiles SMTP = FixtureFiles.classpath("testkit/smtp");
    static FieldRegistry registry;

    @BeforeAll
    static void registry() {
        registry = FieldRegistry.wireshark();
    }

    static Stream<Arguments> exports() {
        return Stream.of("arp.pcap", "data-utf8.pcap", "data-utf8.pcap.show_as_text", "dhcp.pcap", "dhcp.pcapng",
                "http.pcap", "icmp.pcapng.gz", "ipoipoip.pcap", "ipv6.pcap", "ipx_rip.pcap", "nfs.pcap", "ntp.pcap",
                "s7comm-fuzz.pcapng.gz", "sip-rtp.pcapng", "sip.pcapng", "tftp.pcap", "smtp:s1_baseline.pcap")
                .map(Arguments::of);
    }

    static FixtureFiles files(String base) {
        return base.startsWith("smtp:") ? SMTP : EXPORT;
    }

    static CaptureFixture load(String base) {
        String name = base.replaceFirst("^smtp:", "");
        String cap = name.replace(".show_as_text", "");
        return CaptureFixture.load(registry, files(base), name, cap + ".columns.tsv");
    }

    @ParameterizedTest
    @MethodSource("exports")
    void loadsCompletelyAndAgreesWithJson(String base) throws IOException {
        CaptureFixture fx = load(base);
        assertEquals(Map.of(), fx.skippedNames(), "PDML names missing from the registry");
        assertEquals(List.of(), fx.problems(), "unparsable values");
        List<Map<String, List<String>>> json;
        try (InputStream in = files(base).open(base.replaceFirst("^smtp:", "") + ".json")) {
            json = jsonValues(in);
        }
        assertEquals(json.size(), fx.frames().size(), "frames");
        FieldStore store = new FieldStore(registry);
        int compared = 0;
        for (int i = 0; i < fx.frames().size(); i++) {
            CaptureFixture.Frame f = fx.frames().get(i);
            assertEquals(i + 1, f.number(), "frame numbers are 1..n");
            f.fill(store);
            assertEquals(f.number(), store.num(store.first(registry.byName("frame.number").orElseThrow().id())));
            // Every scalar value of the JSON export appears, as often, among the fixture's values.
            for (Map.Entry<String, List<String>> e : json.get(i).entrySet()) {
                FieldDef def = registry.byName(e.getKey()).orElse(null);
                if (def == null || !comparable(def)) {
                    continue;
                }
                List<String> want = new ArrayList<>();
                for (String s : e.getValue()) {
                    want.add(render(def, PdmlValues.parse(def, jsonToShow(def, s), null)));
                }
                List<String> got = new ArrayList<>();
                for (int o = store.first(def.id()); o >= 0; o = store.next(o)) {
                    got.add(render(def, new PdmlValues.Value(store.num(o), store.ref(o))));
                }
                want.sort(null);
                got.sort(null);
                assertEquals(want, got, base + " frame " + f.number() + " " + def.abbrev());
                compared += want.size();
            }
        }
        assertTrue(compared >= 10 * fx.frames().size(), "values compared: " + compared);
    }

    /** Types whose JSON text is the same representation as the PDML show. */
    private static boolean comparable(FieldDef def) {
        return switch (def.type().kind()) {
            case UNSIGNED, SIGNED, BOOLEAN, IPV4, IPV6, REL_TIME, STRING -> true;
            case BYTES -> def.type() == FieldType.FT_ETHER || def.type() == FieldType.FT_BYTES;
            default -> false;
        };
    }

    /** The JSON export writes booleans as 0/1; everything else as the PDML show. */
    private static String jsonToShow(FieldDef def, String s) {
        if (def.type() == FieldType.FT_BOOLEAN) {
            return s.equals("0") ? "False" : "True";
        }
        return s;
    }

    private static String render(FieldDef def, PdmlValues.Value v) {
        return v.ref() instanceof byte[] b ? Arrays.toString(b) : Long.toString(v.num());
    }

    /** abbrev → the scalar values of one packet, from a -T json --no-duplicate-keys export. */
    static List<Map<String, List<String>>> jsonValues(InputStream in) throws IOException {
        List<Map<String, List<String>>> packets = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(in)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, List<String>> values = new HashMap<>();
                walk(p, null, values);
                packets.add(values);
            }
        }
        return packets;
    }

    private static void walk(JsonParser p, String key, Map<String, List<String>> values) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                p.nextToken();
                if (k.endsWith("_raw")) {
                    p.skipChildren();
                } else {
                    walk(p, k, values);
                }
            }
        } else if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                walk(p, key, values);
            }
        } else if (t == JsonToken.VALUE_STRING && key != null) {
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(p.getText());
        }
    }

    @Test
    void itemsOfAReassembledSourceLieInIt() {
        CaptureFixture fx = load("smtp:s1_baseline.pcap");
        int imf = registry.byName("imf").orElseThrow().id();
        int subject = registry.byName("imf.subject").orElseThrow().id();
        FieldStore store = new FieldStore(registry);
        int framesWithImf = 0;
        for (CaptureFixture.Frame f : fx.frames()) {
            f.fill(store);
            int o = store.first(imf);
            if (o < 0) {
                continue;
            }
            framesWithImf++;
            assertTrue(store.sourceCount() > 1, "reassembled message in an extra data source");
            int src = store.source(o);
            assertTrue(src > 0, "imf is dissected from the reassembled source");
            // The message starts with a header line, and the Subject header holds imf.subject.
            byte[] msg = Arrays.copyOfRange(store.sourceData(src), store.offset(o), store.offset(o) + store.length(o));
            String text = new String(msg, java.nio.charset.StandardCharsets.UTF_8);
            int s = store.first(subject);
            assertTrue(s >= 0);
            assertEquals(src, store.source(s));
            String header = new String(store.rawBytes(s), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(header.contains(new String((byte[]) store.ref(s), java.nio.charset.StandardCharsets.UTF_8)),
                    header + " holds the subject");
            assertTrue(text.contains(header), "the Subject header is part of the message");
        }
        assertEquals(1, framesWithImf);
    }

    @Test
    void layersCountProtocolOccurrences() {
        CaptureFixture fx = load("ipoipoip.pcap");
        FieldStore store = fx.frame(1).newStore(registry);
        int ip = registry.byName("ip").orElseThrow().id();
        int src = registry.byName("ip.src").orElseThrow().id();
        List<Integer> layers = new ArrayList<>();
        for (int o = store.first(ip); o >= 0; o = store.next(o)) {
            layers.add(store.layer(o));
        }
        assertEquals(List.of(1, 2, 3, 4, 5), layers, "ip layers of frame 1 (raw:ip×5:tcp)");
        // Each ip.src has the layer of the ip header it is in, and lies inside that header.
        int n = 0;
        for (int o = store.first(src); o >= 0; o = store.next(o)) {
            int parentIp = store.parent(o);
            assertEquals(ip, store.fieldId(parentIp));
            assertEquals(store.layer(parentIp), store.layer(o));
            assertTrue(store.offset(o) >= store.offset(parentIp)
                    && store.offset(o) + store.length(o) <= store.offset(parentIp) + store.length(parentIp));
            n++;
        }
        assertEquals(5, n);
    }

    @Test
    void protocolsViewTheFrameBytes() {
        CaptureFixture fx = load("http.pcap");
        CaptureFixture.Frame f = fx.frame(1);
        FieldStore store = f.newStore(registry);
        assertArrayEquals(f.frameBytes(), store.sourceData(0));
        int eth = registry.byName("eth").orElseThrow().id();
        int o = store.first(eth);
        assertEquals(0, store.offset(o));
        assertEquals(14, store.length(o));
        assertEquals(store.sourceLength(0), store.tvbEnd(o));
        // eth.dst is the first 6 bytes of the frame.
        int dst = store.first(registry.byName("eth.dst").orElseThrow().id());
        assertArrayEquals(Arrays.copyOfRange(f.frameBytes(), 0, 6), (byte[]) store.ref(dst));
        assertArrayEquals(store.rawBytes(dst), (byte[]) store.ref(dst));
    }

    @Test
    void protocolTvbStopsBeforeEthernetPadding() {
        // ipx_rip.pcap: 60-byte frame, IPX datagram of ipx.len bytes, then eth.padding. tshark:
        // "ipx contains 00:00:00:00" matches nothing, "eth contains 00:00:00:00" matches.
        FieldStore store = load("ipx_rip.pcap").frame(1).newStore(registry);
        int ipx = store.first(registry.byName("ipx").orElseThrow().id());
        long ipxLen = store.num(store.first(registry.byName("ipx.len").orElseThrow().id()));
        assertEquals(store.offset(ipx) + ipxLen, store.tvbEnd(ipx));
        assertTrue(store.tvbEnd(ipx) < store.sourceLength(0));
        assertTrue(store.has(registry.byName("eth.padding").orElseThrow().id()));
        int eth = store.first(registry.byName("eth").orElseThrow().id());
        assertEquals(store.sourceLength(0), store.tvbEnd(eth));
    }

    @Test
    void columnsComeFromTheColumnsExport() {
        CaptureFixture fx = load("http.pcap");
        FieldStore store = fx.frame(1).newStore(registry);
        Map<String, Integer> cols = new TreeMap<>();
        for (FieldDef d : registry.all()) {
            if (d.abbrev().startsWith("_ws.col.") && store.has(d.id())) {
                cols.put(d.abbrev(), store.count(d.id()));
            }
        }
        String header = EXPORT.readString("http.pcap.columns.tsv").split("\n")[0];
        List<String> names = new ArrayList<>(Arrays.asList(header.split("\t")));
        names.remove("frame.number");
        assertEquals(new TreeMap<>(names.stream().collect(java.util.stream.Collectors.toMap(s -> s, s -> 1))), cols);
    }

    @Test
    void pdmlKeepsRawLineBreaksInAttributes() {
        Pdml.Element root = Pdml.parse("<pdml><packet><field name=\"a\" show=\"x\r\ny &quot;&#x27;&lt;&gt;&amp;\"/>"
                + "</packet></pdml>");
        assertEquals("x\r\ny \"'<>&", root.children.get(0).children.get(0).children.get(0).attr("show"));
    }

    @Test
    void valueParsing() {
        FieldDef u16hex = new FieldDef(0, "a", "a", FieldType.FT_UINT16, "BASE_HEX", 0, 0);
        assertEquals(0x800, PdmlValues.parse(u16hex, "0x0800", "0800").num());
        FieldDef i32 = new FieldDef(0, "b", "b", FieldType.FT_INT32, "BASE_DEC", 0, 0);
        assertEquals(-1, PdmlValues.parse(i32, "-1", "ffffffff").num());
        FieldDef i8mask = new FieldDef(0, "c", "c", FieldType.FT_INT8, "BASE_CUSTOM", 0x0f, 0);
        assertEquals(-1, PdmlValues.parse(i8mask, "minus one", "FFFFFFFF").num());
        FieldDef abs = new FieldDef(0, "d", "d", FieldType.FT_ABSOLUTE_TIME, "", 0, 0);
        long ns = 1041342931_300000000L;
        assertEquals(ns, PdmlValues.parse(abs, "2002-12-31T13:55:31.300000000+0000", null).num());
        assertEquals(ns, PdmlValues.parse(abs, "2002-12-31T13:55:31.300000000Z", null).num());
        assertEquals(ns, PdmlValues.parse(abs, "1041342931.300000000", null).num());
        assertEquals(ns, PdmlValues.parse(abs, "Dec 31, 2002 13:55:31.300000000 UTC", null).num());
        FieldDef rel = new FieldDef(0, "e", "e", FieldType.FT_RELATIVE_TIME, "", 0, 0);
        assertEquals(-1_500_000_000L, PdmlValues.parse(rel, "-1.500000000", null).num());
        FieldDef flt = new FieldDef(0, "f", "f", FieldType.FT_FLOAT, "", 0, 0);
        assertEquals((double) 0.1f, Double.longBitsToDouble(PdmlValues.parse(flt, "0.1", null).num()));
        assertArrayEquals(new byte[] {(byte) 0xfe, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4},
                PdmlValues.parseIpv6("fe80::102:304"));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 1, 2, 3, 4},
                PdmlValues.parseIpv6("::ffff:1.2.3.4"));
    }
}
