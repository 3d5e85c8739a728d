package dev.dfq.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dfq.fields.ValueStringMatcher.AsText;
import dev.dfq.fields.ValueStringMatcher.Bool;
import dev.dfq.fields.ValueStringMatcher.NoValueStrings;
import dev.dfq.fields.ValueStringMatcher.NotFound;
import dev.dfq.fields.ValueStringMatcher.Number;
import org.junit.jupiter.api.Test;

/** Expectations are dftest46 (4.6.9) output for {@code field == "text"}. */
class ValueStringMatcherTest {
    private static final FieldRegistry REG = FieldRegistry.wireshark();
    private final ValueStringMatcher m = new ValueStringMatcher(REG);

    private ValueStringMatcher.Match match(String field, String text) {
        return m.match(REG.byName(field).orElseThrow(), text);
    }

    @Test
    void match_ipProtoTcpAnyCase_isSix() {
        assertThat(match("ip.proto", "tcp")).isEqualTo(new Number(6));
        assertThat(match("ip.proto", "TCP")).isEqualTo(new Number(6));
        assertThat(match("ip.proto", "ICMP")).isEqualTo(new Number(1));
    }

    @Test
    void match_textOfSeveralValues_isValueStringComparison() {
        assertThat(match("ip.proto", "Unassigned")).isInstanceOf(AsText.class);
        assertThat(((AsText) match("ip.proto", "unassigned")).values()).hasSizeGreaterThan(1);
    }

    @Test
    void match_unknownText_isNotFoundWithWiresharkMessage() {
        assertThat(match("ip.proto", "nonexistent")).isEqualTo(
                new NotFound("\"nonexistent\" cannot be found among the possible values for ip.proto."));
        assertThat(match("ip.proto", "6")).isInstanceOf(NotFound.class);
    }

    @Test
    void match_rangeStrings_singleValueIsNumberWideRangeIsText() {
        assertThat(match("ieee1722.subtype", "MMA Streams")).isEqualTo(new Number(1));
        assertThat(match("bpv7.eid.scheme", "Unassigned")).isInstanceOf(AsText.class);
        assertThat(match("bpv7.eid.scheme", "private use")).isInstanceOf(AsText.class);
        assertThat(match("bpv7.eid.scheme", "Reserved")).isInstanceOf(AsText.class);
        assertThat(match("a21.auth_chall_para_rand_num_type", "RAND")).isEqualTo(new Number(1));
    }

    @Test
    void match_trueFalseStrings_caseInsensitiveOnly() {
        assertThat(match("ip.flags.df", "Set")).isEqualTo(new Bool(true));
        assertThat(match("ip.flags.df", "not SET")).isEqualTo(new Bool(false));
        assertThat(match("ip.flags.df", "True")).isEqualTo(
                new NotFound("expected \"Set\" or \"Not set\", not \"True\" for ip.flags.df."));
        assertThat(match("ip.flags.df", "1")).isInstanceOf(NotFound.class);
    }

    @Test
    void match_booleanWithoutStrings_usesTrueFalse() {
        assertThat(match("frame.marked", "True")).isEqualTo(new Bool(true));
        assertThat(match("frame.marked", "false")).isEqualTo(new Bool(false));
        assertThat(match("frame.marked", "yes")).isEqualTo(
                new NotFound("expected \"True\" or \"False\", not \"yes\" for frame.marked."));
    }

    @Test
    void match_nameRegisteredTwice_textMustNameOneValueInEveryRegistration() {
        // l2tp.result_code: two tables; "Reserved" is 0 in both
        assertThat(match("l2tp.result_code", "Reserved")).isEqualTo(new Number(0));
        assertThat(match("l2tp.result_code", "General request to clear control connection")).isInstanceOf(AsText.class);
        assertThat(match("l2tp.result_code", "Finite state machine error or timeout")).isInstanceOf(AsText.class);
        // dns.flags.conflict: two true/false pairs; the message names the last one
        assertThat(match("dns.flags.conflict", "None")).isInstanceOf(AsText.class);
        assertThat(match("dns.flags.conflict", "The name is considered unique")).isInstanceOf(AsText.class);
        assertThat(match("dns.flags.conflict", "xyz")).isEqualTo(new NotFound(
                "expected \"The name is not considered unique\" or \"The name is considered unique\", not \"xyz\" "
                        + "for dns.flags.conflict."));
        // a repeated entry inside one table is not unique either
        assertThat(match("elf.machine", "Cyan Technology eCOG1X family")).isInstanceOf(AsText.class);
        // a registration the dump does not show
        assertThat(match("3comxns.type", "IPv4")).isInstanceOf(AsText.class);
        assertThat(match("eth.type", "IPv4")).isEqualTo(new Number(0x800));
    }

    @Test
    void match_fieldWithoutValueStrings_isNoValueStrings() {
        assertThat(match("tcp.port", "http")).isInstanceOf(NoValueStrings.class);
        assertThat(match("ip.src", "x")).isInstanceOf(NoValueStrings.class);
    }

    @Test
    void valuesNamed_andTrueFalse_helpers() {
        FieldDef status = REG.byName("tcp.checksum.status").orElseThrow();
        assertThat(m.valuesNamed(status, "unverified")).containsExactly(2L);
        assertThat(m.trueFalse(REG.byName("ip.flags.df").orElseThrow()))
                .isEqualTo(new ValueStrings.TrueFalse("Set", "Not set"));
        assertThat(m.trueFalse(REG.byName("frame.marked").orElseThrow()))
                .isEqualTo(new ValueStrings.TrueFalse("True", "False"));
    }

    @Test
    void units_unitStringField_hasSingularAndPlural() {
        assertThat(m.units(REG.byName("aaf.stream_data_len").orElseThrow())).containsExactly(" byte", " bytes");
        assertThat(m.units(REG.byName("tcp.port").orElseThrow())).isNull();
    }

    @Test
    void match_builtRegistry_usesItsValueStrings() {
        FieldRegistry.Builder b = FieldRegistry.builder();
        b.protocol("p", "P");
        b.field("p.x", "X", FieldType.FT_UINT8, "BASE_DEC", 0, "p");
        b.valueStrings("p.x", new ValueStrings(
                java.util.List.of(new ValueStrings.Entry(1, "One"), new ValueStrings.Entry(2, "Two"),
                        new ValueStrings.Entry(3, "two")), java.util.List.of(), null));
        FieldRegistry small = b.build();
        ValueStringMatcher sm = new ValueStringMatcher(small);
        FieldDef x = small.byName("p.x").orElseThrow();
        assertThat(sm.match(x, "ONE")).isEqualTo(new Number(1));
        assertThat(sm.match(x, "two")).isInstanceOf(AsText.class);
    }
}
