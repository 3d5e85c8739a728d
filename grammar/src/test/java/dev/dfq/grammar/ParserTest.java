package dev.dfq.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dfq.grammar.ast.Node;
import dev.dfq.grammar.ast.Span;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParserTest {
    private final FilterParser parser = new FilterParser(Macros.empty());

    private ParseResult parse(String f) {
        return parser.parse(f, n -> n.equals("ip.src") || n.equals("tcp.port") || n.equals("frame.number"));
    }

    @Test
    void parse_chainedComparison_becomesAndWithMiddleDuplicated() {
        Node root = parse("1 < tcp.port < 100").root();
        assertThat(root).isInstanceOf(Node.Logical.class);
        Node.Logical and = (Node.Logical) root;
        assertThat(((Node.Comparison) and.left()).right()).isEqualTo(((Node.Comparison) and.right()).left());
    }

    @Test
    void parse_precedence_orBelowXorBelowAnd() {
        String tree = AstPrinter.print(parse("tcp or udp xor ip and eth").root());
        assertThat(tree).startsWith("OR ");
        assertThat(tree).contains("\n  XOR ").contains("\n    AND ");
    }

    @Test
    void parse_spansAreUtf8Bytes() {
        ParseResult r = parse("frame contains \"éé\" and )");
        assertThat(r.error().span()).isEqualTo(new Span(26, 1));
        assertThat(r.error().message()).isEqualTo("\")\" was unexpected in this context.");
    }

    @Test
    void parse_endOfInput_hasNoLocation() {
        assertThat(parse("tcp.port == 80 and").error()).isEqualTo(new SyntaxError("Unexpected end of filter expression.", null));
    }

    @Test
    void parse_deepNesting_isAnErrorNotAStackOverflow() {
        ParseResult r = parse("(".repeat(100_000) + "tcp" + ")".repeat(100_000));
        assertThat(r.ok()).isFalse();
        assertThat(r.error().message()).startsWith("Filter is nested too deeply");
    }

    @Test
    void parse_hugeFlatFilter_parses() {
        String f = "tcp.port == 1" + " or tcp.port == 1".repeat(3000);
        assertThat(parse(f).ok()).isTrue();
    }

    @Test
    void macros_allCallForms_expandAlike() {
        FilterParser p = new FilterParser(Macros.of(Map.of("priv", "$1 == 10.0.0.0/8")));
        String a = p.parse("$priv(ip.src)", n -> false).expandedText();
        String b = p.parse("${priv:ip.src}", n -> false).expandedText();
        String c = p.parse("${priv;ip.src}", n -> false).expandedText();
        assertThat(a).isEqualTo("ip.src == 10.0.0.0/8").isEqualTo(b).isEqualTo(c);
    }

    @Test
    void macros_fieldReferenceIsNotAMacro() {
        assertThat(parse("frame.number == ${frame.number}").ok()).isTrue();
        assertThat(parse("tcp.port == ${frame.numbr}").error().message()).isEqualTo("invalid character in macro name");
        assertThat(parse("tcp.port == ${tcp}").error().message()).isEqualTo("macro 'tcp' does not exist");
    }

    @Test
    void macros_argumentErrors_asWireshark() {
        FilterParser p = new FilterParser(Macros.of(Map.of("priv", "$1 == 10.0.0.0/8")));
        assertThat(p.parse("$priv()", n -> false).error().message())
                .isEqualTo("wrong number of arguments for macro 'priv', expecting 1 instead of 0");
        assertThat(p.parse("${priv:;x}", n -> false).error().message()).isEqualTo("null argument in macro expression");
    }

    @Test
    void strings_escapesAndRaw() {
        Node.Contains c = (Node.Contains) parse("frame contains \"a\\x41\\101\\n\"").root();
        assertThat(((Node.StringLit) c.right()).value()).containsExactly('a', 'A', 'A', '\n');
        Node.Contains raw = (Node.Contains) parse("frame contains r\"a\\d\"").root();
        assertThat(((Node.StringLit) raw.right()).value()).containsExactly('a', '\\', 'd');
    }
}
