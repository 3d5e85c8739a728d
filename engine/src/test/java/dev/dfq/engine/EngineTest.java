package dev.dfq.engine;

import dev.dfq.fields.FieldStore;
import dev.dfq.grammar.ast.Node;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dfq.engine.EngineTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

class EngineTest {
    private final FilterCompiler fc = new FilterCompiler(REG);

    private CompiledFilter compile(String text, Node root) {
        CompileResult r = fc.compileTree(text, root);
        assertThat(r.error()).as("error").isNull();
        return r.filter();
    }

    private Diagnostic error(String text, Node root) {
        CompileResult r = fc.compileTree(text, root);
        assertThat(r.ok()).isFalse();
        return r.error();
    }

    @Test
    void equality_presentField_matches() {
        CompiledFilter f = compile("tcp.port == 80", cmp(Node.CmpOp.ANY_EQ, id("tcp.port", 0), num("80", 12)));
        FieldStore s = new FieldStore(REG);
        assertThat(f.matches(httpFrame(s, 1, 3267, 80))).isTrue();
        assertThat(f.matches(httpFrame(s, 2, 3267, 81))).isFalse();
        assertThat(f.interestingFields()).containsExactly(id("tcp.port"));
    }

    @Test
    void notEqual_isAllNe_andFalseWhenAbsent() {
        CompiledFilter f = compile("tcp.port != 80", cmp(Node.CmpOp.ALL_NE, id("tcp.port", 0), num("80", 12)));
        FieldStore s = new FieldStore(REG);
        assertThat(f.matches(httpFrame(s, 1, 3267, 80))).isFalse();
        assertThat(f.matches(httpFrame(s, 1, 3267, 81))).isTrue();
        assertThat(f.matches(httpFrame(s, 1))).isFalse();
    }

    @Test
    void negativeConstant_triState() {
        Node neg = new Node.Negate(num("1", 13), sp(12, 2));
        CompiledFilter eq = compile("tcp.port == -1", cmp(Node.CmpOp.ANY_EQ, id("tcp.port", 0), neg));
        CompiledFilter ne = compile("tcp.port != -1", cmp(Node.CmpOp.ALL_NE, id("tcp.port", 0), neg));
        FieldStore s = httpFrame(new FieldStore(REG), 1, 80);
        assertThat(eq.matches(s)).isFalse();
        assertThat(ne.matches(s)).isTrue();
        assertThat(eq.dftest()).contains("FVALUE(-1 <FT_INT64>)");
    }

    @Test
    void protocolContains_readsToTvbEnd() {
        Node c = new Node.Contains(Node.Quantifier.NONE, id("ip", 0), str("HEAD", 12), sp(3, 8), sp(0, 18));
        CompiledFilter f = compile("ip contains \"HEAD\"", c);
        assertThat(f.matches(httpFrame(new FieldStore(REG), 1, 80))).isTrue();
    }

    @Test
    void valueString_quotedAndContains() {
        CompiledFilter f = compile("ip.proto == \"tcp\"", cmp(Node.CmpOp.ANY_EQ, id("ip.proto", 0), str("tcp", 12)));
        assertThat(f.matches(httpFrame(new FieldStore(REG), 1, 80))).isTrue();
        Node c = new Node.Contains(Node.Quantifier.NONE, id("ip.proto", 0), str("TC", 18), sp(9, 8), sp(0, 22));
        CompiledFilter g = compile("ip.proto contains \"TC\"", c);
        assertThat(g.matches(httpFrame(new FieldStore(REG), 1, 80))).isTrue();
        assertThat(g.dftest()).contains("FIELD(ip.proto::value_string <FT_STRING>)");
    }

    @Test
    void cidr_and_and() {
        Node f1 = cmp(Node.CmpOp.ANY_EQ, id("ip.addr", 0),
                new Node.Identifier("192.168.0.0/16", Node.WordKind.UNPARSED, sp(11, 14)));
        Node f2 = cmp(Node.CmpOp.GT, id("tcp.len", 29), num("1000", 39));
        CompiledFilter f = compile("ip.addr == 192.168.0.0/16 && tcp.len > 1000", and(f1, f2));
        assertThat(f.matches(httpFrame(new FieldStore(REG), 1, 80))).isTrue();
    }

    @Test
    void matches_caseInsensitive_andBackreferenceRefused() {
        Node m = new Node.Matches(Node.Quantifier.NONE, id("http.host", 0), str("example\\.COM$", 18), sp(10, 7), sp(0, 33));
        assertThat(compile("x", m).matches(httpFrame(new FieldStore(REG), 1, 80))).isTrue();
        Node bad = new Node.Matches(Node.Quantifier.NONE, id("http.host", 0), str("(a)\\1", 18), sp(10, 7), sp(0, 25));
        assertThat(error("x", bad).message()).startsWith("unsupported regex feature:");
        Node paren = new Node.Matches(Node.Quantifier.NONE, id("http.host", 0), str("(", 18), sp(10, 7), sp(0, 21));
        assertThat(error("x", paren).message()).isEqualTo("Regex compilation error: missing closing parenthesis.");
    }

    @Test
    void errors_messagesAndSpans() {
        Diagnostic d = error("tcp.port == 70000", cmp(Node.CmpOp.ANY_EQ, id("tcp.port", 0), num("70000", 12)));
        assertThat(d.message()).isEqualTo("\"70000\" too big for this field, maximum 65535.");
        assertThat(d.span()).isEqualTo(sp(12, 5));
        d = error("TCP", id("TCP", 0));
        assertThat(d.message()).isEqualTo("\"TCP\" is not a valid protocol or protocol field.");
        d = error("ip.flags.df == \"True\"", cmp(Node.CmpOp.ANY_EQ, id("ip.flags.df", 0), str("True", 15)));
        assertThat(d.message()).isEqualTo("expected \"Set\" or \"Not set\", not \"True\" for ip.flags.df.");
        d = error("6 == 7", cmp(Node.CmpOp.ANY_EQ, num("6", 0), num("7", 5)));
        assertThat(d.message()).isEqualTo("Constant expression is invalid");
    }

    @Test
    void alias_warnsDeprecated() {
        CompileResult r = fc.compileTree("bootp", id("bootp", 0));
        assertThat(r.ok()).isTrue();
        assertThat(r.warnings()).extracting(Diagnostic::message).containsExactly("Deprecated token \"bootp\"");
        assertThat(r.filter().dftest()).contains("CHECK_EXISTS     dhcp <FT_PROTOCOL>");
    }

    @Test
    void membership_allIn() {
        Node set = new Node.SetLiteral(List.of(new Node.SetElement(num("80", 13), null, sp(13, 2)),
                new Node.SetElement(num("3267", 17), null, sp(17, 4))), sp(12, 10));
        Node m = new Node.Membership(Node.Quantifier.ALL, false, id("tcp.port", 4), (Node.SetLiteral) set, sp(0, 22));
        CompiledFilter f = compile("all tcp.port in {80, 3267}", m);
        assertThat(f.matches(httpFrame(new FieldStore(REG), 1, 3267, 80))).isTrue();
        assertThat(f.matches(httpFrame(new FieldStore(REG), 1, 3267, 81))).isFalse();
    }

    @Test
    void diagnosticRenderer_caretsCountBytes() {
        String out = DiagnosticRenderer.render("port 80", new Diagnostic("\"80\" was unexpected in this context.", sp(5, 2)));
        assertThat(out).isEqualTo("\"80\" was unexpected in this context.\n    port 80\n         ^~\n"
                + "  Note: That read filter code looks like a valid capture filter;\n        maybe you mixed them up?\n");
        assertThat(DiagnosticRenderer.render("tcp.port == 80 and", new Diagnostic("Unexpected end of filter expression.", null)))
                .isEqualTo("Unexpected end of filter expression.\n");
    }

    @Test
    void steadyState_isFast() {
        Node f1 = cmp(Node.CmpOp.ANY_EQ, id("tcp.port", 0), num("25", 12));
        Node f2 = cmp(Node.CmpOp.GT, id("tcp.len", 18), num("1000", 28));
        CompiledFilter f = compile("tcp.port == 25 && tcp.len > 1000", and(f1, f2));
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
