package dev.dfq.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dfq.engine.CompileResult;
import dev.dfq.engine.FilterCompiler;
import dev.dfq.fields.FieldRegistry;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile and random filters: the compiler answers with a program or a diagnostic, never an
 * exception, whatever the input (token soup from the language, random bytes, mutations of valid
 * filters).
 */
class CompilerFuzzTest {
    private static final FilterCompiler COMPILER = new FilterCompiler(FieldRegistry.wireshark());
    private static final List<String> TOKENS = List.of("tcp.port", "ip.src", "frame", "smtp.req.command", "imf.subject",
            "eth.src", "==", "!=", "===", "!==", "<", ">=", "contains", "matches", "in", "not", "and", "or", "xor", "&&",
            "||", "!", "(", ")", "{", "}", "[", "]", "..", ",", "#", "@", "$", "${", "-", "+", "*", "/", "%", "&", "1",
            "0x10", "1.5", "-3", "10.0.0.0/8", "::1", "00:11:22", "\"abc\"", "r\"a\\d\"", "'a'", ":", ".", "0:2",
            "len(", "upper(", "max(", "count(", "any", "all", "\"(\"", "\"\\\\1\"", "fc", "tcp", "_ws.col.info");

    private static final String MUTATIONS = "(){}[]\"'#@$:.,-!&|~\\ 0aZ";

    private static void compiles(String filter) {
        CompileResult r = COMPILER.compile(filter);
        assertThat(r.ok() || r.error().message() != null).as(filter).isTrue();
    }

    @Test
    void compile_tokenSoup_neverThrows() {
        Random rnd = new Random(4_6_9);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + rnd.nextInt(12);
            for (int k = 0; k < n; k++) {
                sb.append(TOKENS.get(rnd.nextInt(TOKENS.size()))).append(rnd.nextBoolean() ? " " : "");
            }
            compiles(sb.toString());
        }
    }

    @Test
    void compile_randomBytes_neverThrows() {
        Random rnd = new Random(17);
        for (int i = 0; i < 5_000; i++) {
            char[] c = new char[rnd.nextInt(40)];
            for (int k = 0; k < c.length; k++) {
                c[k] = (char) (rnd.nextInt(10) == 0 ? rnd.nextInt(0x3000) : 0x20 + rnd.nextInt(0x5f));
            }
            compiles(new String(c));
        }
    }

    @Test
    void compile_mutatedValidFilters_neverThrow() {
        String[] seeds = {"tcp.port == 25 && tcp.len > 1000", "frame contains \"attachment.scr\"",
            "smtp.req.parameter matches \"(?i)^from:<[^>]*@x\\\\.example>\"", "ip.src#2 in {10.0.0.1..10.0.0.9, 1.2.3.4}",
            "len(@tcp.payload[0:4]) == 4 || upper(imf.subject) contains \"DELIVERY\"", "${frame.number} < frame.number"};
        Random rnd = new Random(99);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder(seeds[rnd.nextInt(seeds.length)]);
            int edits = 1 + rnd.nextInt(4);
            for (int e = 0; e < edits && s.length() > 0; e++) {
                int at = rnd.nextInt(s.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, MUTATIONS.charAt(rnd.nextInt(MUTATIONS.length())));
                    default -> s.setCharAt(at, (char) (0x20 + rnd.nextInt(0x5f)));
                }
            }
            compiles(s.toString());
        }
    }
}
