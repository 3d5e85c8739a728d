package dev.dfq.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSearchTest {
    private final FieldRegistry reg = FieldRegistry.wireshark();
    private final FieldSearch search = new FieldSearch(reg);

    private static List<String> abbrevs(List<FieldDef> defs) {
        return defs.stream().map(FieldDef::abbrev).toList();
    }

    @Test
    void search_responseCode_findsSmtpAndOtherProtocolsNearTop() {
        long t0 = System.nanoTime();
        List<String> top = abbrevs(search.search("response code", 20));
        System.out.printf("[registry] search 'response code': %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(top.subList(0, 10)).contains("smtp.response.code");
        assertThat(top).contains("ftp.response.code");
        assertThat(top.stream().filter(a -> a.endsWith("response.code")).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void search_exactAbbrev_isFirst() {
        assertThat(abbrevs(search.search("tcp.port", 5))).first().isEqualTo("tcp.port");
        assertThat(abbrevs(search.search("TCP.PORT", 5))).first().isEqualTo("tcp.port");
    }

    @Test
    void search_abbrevPrefix_ranksBeforeNameMatches() {
        List<String> r = abbrevs(search.search("tcp.flags", 30));
        assertThat(r.get(0)).isEqualTo("tcp.flags");
        assertThat(r).contains("tcp.flags.syn", "tcp.flags.ack");
        assertThat(r.subList(0, 13)).allMatch(a -> a.startsWith("tcp.flags"));
    }

    @Test
    void search_displayNameWords_matchWhenAbbrevDoesNot() {
        // "Don't fragment" is ip.flags.df's display name
        assertThat(abbrevs(search.search("don't fragment", 10))).contains("ip.flags.df");
    }

    @Test
    void search_everyWordRequired_noMatchIsEmpty() {
        assertThat(search.search("zzqx nonsense")).isEmpty();
        assertThat(search.search("   ")).isEmpty();
    }

    @Test
    void search_duplicateAbbrev_listedOnce() {
        List<String> r = abbrevs(search.search("tpkt"));
        assertThat(r.stream().filter("tpkt"::equals).count()).isEqualTo(1);
    }
}
