package dev.dfq.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BundledRegistryTest {
    static FieldRegistry reg;
    static long loadMillis;

    @BeforeAll
    static void load() {
        long t0 = System.nanoTime();
        reg = FieldRegistry.wireshark();
        loadMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("[registry] FieldRegistry.wireshark() first call: %d ms (load %d ms), %d entries%n",
                loadMillis, BundledRegistry.lastLoadNanos / 1_000_000, reg.size());
    }

    @Test
    void size_wiresharkDump_matchesFieldAndProtocolCounts() {
        // tshark-4.6.9-G-fields: 3181 P lines, 269620 F lines
        assertThat(reg.size()).isEqualTo(272_801);
        long protocols = reg.all().stream().filter(FieldDef::isProtocol).count();
        assertThat(protocols).isEqualTo(3181);
        assertThat(reg.size() - protocols).isEqualTo(269_620);
    }

    @Test
    void byName_tcpPort_isUint16PortOfTcp() {
        FieldDef d = reg.byName("tcp.port").orElseThrow();
        assertThat(d.type()).isEqualTo(FieldType.FT_UINT16);
        assertThat(d.base()).isEqualTo("BASE_PT_TCP");
        assertThat(d.name()).isEqualTo("Source or Destination Port");
        assertThat(reg.protocolOf(d).abbrev()).isEqualTo("tcp");
        assertThat(reg.protocolOf(d).isProtocol()).isTrue();
        assertThat(d.bitmask()).isZero();
    }

    @Test
    void byName_spotChecks_haveDumpTypes() {
        assertThat(reg.byName("smtp.response.code").orElseThrow().type()).isEqualTo(FieldType.FT_UINT32);
        assertThat(reg.byName("frame.time_epoch").orElseThrow().type()).isEqualTo(FieldType.FT_ABSOLUTE_TIME);
        assertThat(reg.byName("_ws.col.info")).isPresent();
        assertThat(reg.byName("ip.src").orElseThrow().type()).isEqualTo(FieldType.FT_IPv4);
        assertThat(reg.byName("ipv6.src").orElseThrow().type()).isEqualTo(FieldType.FT_IPv6);
        assertThat(reg.byName("tcp").orElseThrow().isProtocol()).isTrue();
        assertThat(reg.byName("no.such.field")).isEmpty();
        assertThat(reg.byName("TCP")).isEmpty();
    }

    @Test
    void byName_flagField_hasBitmaskAndBooleanBase() {
        FieldDef df = reg.byName("ip.flags.df").orElseThrow();
        assertThat(df.type()).isEqualTo(FieldType.FT_BOOLEAN);
        assertThat(df.base()).isEqualTo("8");
        assertThat(df.bitmask()).isEqualTo(0x40);
    }

    @Test
    void byName_duplicateAbbrev_firstRegisteredWins() {
        // c15.tone is registered as an FT_PROTOCOL field of c15 before the protocol c15.tone
        FieldDef tone = reg.byName("c15.tone").orElseThrow();
        assertThat(tone.isProtocol()).isFalse();
        assertThat(reg.protocolOf(tone).abbrev()).isEqualTo("c15");
        // fields registered after the protocol c15.tone belong to it
        FieldDef dev = reg.byName("c15.tone.cot_control.device_id").orElseThrow();
        assertThat(reg.protocolOf(dev).isProtocol()).isTrue();
        assertThat(reg.protocolOf(dev).abbrev()).isEqualTo("c15.tone");
        FieldDef tpkt = reg.byName("tpkt").orElseThrow();
        assertThat(tpkt.name()).isEqualTo("TPKT - ISO on TCP - RFC1006");
    }

    @Test
    void all_ids_areDenseAndConsistent() {
        List<FieldDef> all = reg.all();
        assertThat(all).hasSize(reg.size());
        for (int id : new int[] {0, 1, 1000, 123_456, reg.size() - 1}) {
            FieldDef d = all.get(id);
            assertThat(d.id()).isEqualTo(id);
            assertThat(reg.abbrevOf(id)).isEqualTo(d.abbrev());
            assertThat(reg.byId(d.parentId()).isProtocol()).isTrue();
        }
    }

    @Test
    void valueStrings_tcpChecksumStatus_hasUnverified() {
        ValueStrings vs = reg.valueStrings(reg.byName("tcp.checksum.status").orElseThrow());
        assertThat(vs).isNotNull();
        assertThat(vs.lookup(2)).isEqualTo("Unverified");
    }

    @Test
    void valueStrings_ipFlagsDf_isSetNotSet() {
        ValueStrings vs = reg.valueStrings(reg.byName("ip.flags.df").orElseThrow());
        assertThat(vs.trueFalse()).isEqualTo(new ValueStrings.TrueFalse("Set", "Not set"));
        assertThat(vs.values()).isEmpty();
    }

    @Test
    void valueStrings_ipProto_hasTcpAndUdp() {
        ValueStrings vs = reg.valueStrings(reg.byName("ip.proto").orElseThrow());
        assertThat(vs.lookup(6)).isEqualTo("TCP");
        assertThat(vs.lookup(17)).isEqualTo("UDP");
    }

    @Test
    void valueStrings_rangeAndHugeValues_decoded() {
        ValueStrings sub = reg.valueStrings(reg.byName("ieee1722.subtype").orElseThrow());
        assertThat(sub.ranges()).isNotEmpty();
        assertThat(sub.lookup(0)).isEqualTo("IEC 61883/IIDC Format");
        ValueStrings msg = reg.valueStrings(reg.byName("smb2.msg_id").orElseThrow());
        assertThat(msg.lookup(-1L)).isEqualTo("unsolicited response");
        ValueStrings eid = reg.valueStrings(reg.byName("bpv7.eid.ipn_service").orElseThrow());
        assertThat(eid.lookup(-1L)).isEqualTo("Reserved");
    }

    @Test
    void valueStrings_charField_literalsDecoded() {
        ValueStrings vs = reg.valueStrings(reg.byName("gdb.ack").orElseThrow());
        assertThat(vs.values()).extracting(ValueStrings.Entry::value).contains((long) '+', (long) '-');
    }

    @Test
    void valueStrings_fieldWithout_isNull() {
        assertThat(reg.valueStrings(reg.byName("ip.src").orElseThrow())).isNull();
    }

    @Test
    void resolve_deprecatedAliases_mapToCurrentProtocols() {
        assertThat(reg.resolve("bootp").orElseThrow().abbrev()).isEqualTo("dhcp");
        assertThat(reg.resolve("ssl").orElseThrow().abbrev()).isEqualTo("tls");
        assertThat(reg.resolve("bootp.option.type").orElseThrow().abbrev()).isEqualTo("dhcp.option.type");
        assertThat(reg.resolve("nas_eps.nas_msg_emm_type").orElseThrow().abbrev()).isEqualTo("nas-eps.nas_msg_emm_type");
        assertThat(reg.isAlias("ssl")).isTrue();
        assertThat(reg.isAlias("ssl.record.content_type")).isTrue();
        assertThat(reg.isAlias("bootp.nonexistent")).isFalse();
        assertThat(reg.isAlias("tls")).isFalse();
        assertThat(reg.byName("ssl")).isEmpty();
        assertThat(reg.aliases()).containsEntry("104apci", "iec60870_104").hasSize(9);
    }

    @Test
    void byName_nameOnlyProtocol_isBytesProtocol() {
        FieldDef d = reg.byName("btgatt.uuid0x1800").orElseThrow();
        assertThat(d.type()).isEqualTo(FieldType.FT_BYTES);
        assertThat(d.isProtocol()).isTrue();
        assertThat(reg.byName("tcp").orElseThrow().type()).isEqualTo(FieldType.FT_PROTOCOL);
    }
}
