package dev.dfq.fields;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BundledRegistryTest {
    private final FieldRegistry registry = FieldRegistry.wireshark();

    @Test
    void wireshark_counts_matchTshark469Dump() {
        long protocols = registry.all().stream().filter(FieldDef::isProtocol).count();
        assertThat(protocols).isEqualTo(3181);
        assertThat(registry.size()).isEqualTo(3181 + 269620);
    }

    @Test
    void byName_tcpPort_isUint16OfTcp() {
        FieldDef port = registry.byName("tcp.port").orElseThrow();
        assertThat(port.type()).isEqualTo(FieldType.FT_UINT16);
        assertThat(port.base()).isEqualTo("BASE_PT_TCP");
        assertThat(registry.protocolOf(port).abbrev()).isEqualTo("tcp");
        assertThat(registry.byName("smtp.response.code").orElseThrow().type()).isEqualTo(FieldType.FT_UINT32);
        assertThat(registry.byName("frame.time_epoch").orElseThrow().type()).isEqualTo(FieldType.FT_ABSOLUTE_TIME);
        assertThat(registry.byName("_ws.col.info")).isPresent();
        assertThat(registry.byName("smtp.resp_code")).isEmpty();
    }

    @Test
    void valueStrings_checksumStatusAndTfs_loadedOnDemand() {
        FieldDef status = registry.byName("tcp.checksum.status").orElseThrow();
        assertThat(registry.valueStrings(status).lookup(2)).isEqualTo("Unverified");
        ValueStrings df = registry.valueStrings(registry.byName("ip.flags.df").orElseThrow());
        assertThat(df.trueFalse()).isEqualTo(new ValueStrings.TrueFalse("Set", "Not set"));
        assertThat(registry.valueStrings(registry.byName("ip.proto").orElseThrow()).lookup(6)).isEqualTo("TCP");
        assertThat(registry.valueStrings(registry.byName("tcp.port").orElseThrow())).isNull();
    }

    @Test
    void resolve_deprecatedAliases_mapToRenamedProtocol() {
        assertThat(registry.resolve("bootp").orElseThrow().abbrev()).isEqualTo("dhcp");
        assertThat(registry.resolve("bootp.option.type").orElseThrow().abbrev()).isEqualTo("dhcp.option.type");
        assertThat(registry.isAlias("ssl")).isTrue();
        assertThat(registry.isAlias("tls")).isFalse();
        assertThat(registry.resolve("bootpx")).isEmpty();
    }
}
