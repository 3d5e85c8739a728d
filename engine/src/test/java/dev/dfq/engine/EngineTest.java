package dev.dfq.engine;

import dev.dfq.fields.FieldStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dfq.engine.EngineTestSupport.REG;
import static dev.dfq.engine.EngineTestSupport.httpFrame;
import static dev.dfq.engine.EngineTestSupport.id;
import static dev.dfq.engine.EngineTestSupport.sp;
import static org.assertj.core.api.Assertions.assertThat;

/** Compiler and VM on a small hand-built registry and hand-built frames (no capture bytes). */
class EngineTest {
    private final FilterCompiler fc = new FilterCompiler(REG);

    private CompiledFilter compile(String text) {
        CompileResult r = fc.compile(text);
        assertThat(r.error()).as("error for " + text).isNull();
        return r.filter();
    }

    private Diagnostic error(String text) {
        CompileResult r = fc.compile(text);
        assertThat(r.ok()).as("should fail: " + text).isFalse();
        return r.error();
    }

    private boolean on(String filter, int... ports) {
        return compile(filter).matches(httpFrame(new FieldStore(REG), 1, ports));
    }

    @Test
    void equality_presentField_matches() {
        assertThat(on("tcp.port == 80", 3267, 80)).isTrue();
        assertThat(on("tcp.port == 80", 3267, 81)).isFalse();
        assertThat(compile("tcp.port == 80").interestingFields()).containsExactly(id("tcp.port"));
    }

    @Test
    void notEqual_isAllNe_andFalseWhenAbsent() {
        assertThat(on("tcp.port != 80", 3267, 80)).isFalse();
        assertThat(on("tcp.port != 80", 3267, 81)).isTrue();
        assertThat(on("tcp.port != 80")).isFalse();
        assertThat(on("!(tcp.port == 80)")).isTrue();
        assertThat(on("tcp.port !== 80", 3267, 80)).isTrue();
        assertThat(on("tcp.port === 80", 3267, 80)).isFalse();
    }

    @Test
    void negativeConstant_triState() {
        assertThat(on("tcp.port == -1", 80)).isFalse();
        assertThat(on("tcp.port != -1", 80)).isTrue();
        assertThat(compile("tcp.port == -1").dftest()).contains("FVALUE(-1 <FT_INT64>)");
    }

    @Test
    void vacuousAll_onEmptyArithmetic() {
        assertThat(on("frame.number / 0 === 1", 80)).isTrue();
        assertThat(on("frame.number / 0 == 1", 80)).isFalse();
    }

    @Test
    void protocolContains_readsToTvbEnd_butSliceStopsAtLength() {
        assertThat(on("ip contains \"HEAD\"", 80)).isTrue();
        assertThat(on("http contains \"HEAD\"", 80)).isTrue();
        assertThat(on("len(ip) == 20", 80)).isTrue();
    }

    @Test
    void valueString_quotedBareAndContains() {
        assertThat(on("ip.proto == \"tcp\"", 80)).isTrue();
        assertThat(on("ip.proto == UDP", 80)).isFalse();
        assertThat(on("ip.proto contains \"TC\"", 80)).isTrue();
        assertThat(compile("ip.proto contains \"TC\"").dftest()).contains("FIELD(ip.proto::value_string <FT_STRING>)");
    }

    @Test
    void cidr_layers_and_sets() {
        assertThat(on("ip.addr == 192.168.0.0/16 && tcp.len > 1000", 80)).isTrue();
        assertThat(on("ip.addr == 10.0.0.0/8", 80)).isTrue();
        assertThat(on("ip.addr == 11.0.0.0/8", 80)).isFalse();
        assertThat(on("all tcp.port in {80, 3267}", 3267, 80)).isTrue();
        assertThat(on("all tcp.port in {80, 3267}", 3267, 81)).isFalse();
        assertThat(on("tcp.port not in {80}")).isFalse();
        assertThat(on("tcp.port in {79..81}", 80)).isTrue();
    }

    @Test
    void matches_caseInsensitive_bytes() {
        assertThat(on("http.host matches \"example\\\\.COM$\"", 80)).isTrue();
        assertThat(on("http.host matches \"(?-i)EXAMPLE\"", 80)).isFalse();
    }

    @Test
    void errors_messagesAndSpans() {
        Diagnostic d = error("tcp.port == 70000");
        assertThat(d.message()).isEqualTo("\"70000\" too big for this field, maximum 65535.");
        assertThat(d.span()).isEqualTo(sp(12, 5));
        assertThat(error("TCP").message()).isEqualTo("\"TCP\" is not a valid protocol or protocol field.");
        assertThat(error("ip.flags.df == \"True\"").message())
                .isEqualTo("expected \"Set\" or \"Not set\", not \"True\" for ip.flags.df.");
        assertThat(error("6 == 7").message()).isEqualTo("Constant expression is invalid");
        assertThat(error("http.host matches \"(\"").message())
                .isEqualTo("Regex compilation error: missing closing parenthesis.");
    }

    @Test
    void alias_resolvesToTarget() {
        CompileResult r = fc.compile("bootp");
        assertThat(r.ok()).isTrue();
        assertThat(r.filter().dftest()).contains("CHECK_EXISTS     dhcp <FT_PROTOCOL>");
    }

    @Test
    void diagnosticRenderer_caretsCountBytes() {
        String out = DiagnosticRenderer.renderLikeTshark("port 80", new Diagnostic("\"80\" was unexpected in this context.", sp(5, 2)));
        assertThat(out).isEqualTo("\"80\" was unexpected in this context.\n    port 80\n         ^~\n"
                + "  Note: That read filter code looks like a valid capture filter;\n        maybe you mixed them up?\n");
        assertThat(DiagnosticRenderer.render("\"touché\"[5] == \"é\"", new Diagnostic("m", sp(0, 9))))
                .isEqualTo("m\n    \"touché\"[5] == \"é\"\n    ^~~~~~~~~\n");
    }

    @Test
    void steadyState_allocatesNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        FieldStore s = httpFrame(new FieldStore(REG), 1, 3267, 25);
        for (String filter : List.of("tcp.port == 25 && tcp.len > 1000", "tcp.port != 80 || ip.addr == 10.0.0.0/8",
                "ip contains \"HEAD\"", "frame[54:4] == \"HEAD\"", "tcp.port in {25, 80..90}")) {
            CompiledFilter.Evaluator ev = compile(filter).newEvaluator();
            for (int i = 0; i < 20_000; i++) {
                ev.matches(s, References.NONE);
            }
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                ev.matches(s, References.NONE);
            }
            long perEval = (mx.getCurrentThreadAllocatedBytes() - before) / 10_000;
            assertThat(perEval).as("bytes allocated per evaluation of " + filter).isLessThan(8);
        }
    }

    @Test
    void steadyState_isFast() {
        CompiledFilter f = compile("tcp.port == 25 && tcp.len > 1000");
        CompiledFilter.Evaluator ev = f.newEvaluator();
        FieldStore s = httpFrame(new FieldStore(REG), 1, 3267, 25);
        int hits = 0;
        for (int i = 0; i < 2_000_000; i++) {
            if (ev.matches(s, References.NONE)) {
                hits++;
            }
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < 2_000_000; i++) {
            if (ev.matches(s, References.NONE)) {
                hits++;
            }
        }
        long perFrame = (System.nanoTime() - t0) / 2_000_000;
        System.out.println("tcp.port == 25 && tcp.len > 1000: " + perFrame + " ns/frame");
        assertThat(hits).isEqualTo(4_000_000);
    }
}
