package dev.dfq.fields.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time scans agree with a plain byte loop at every offset, length and alignment. */
class LinesTest {
    private static int naive(byte[] d, int from, int end, byte[] pat) {
        for (int i = from; i + pat.length <= end; i++) {
            boolean ok = true;
            for (int j = 0; j < pat.length && ok; j++) {
                ok = d[i + j] == pat[j];
            }
            if (ok) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void byteSearchMatchesAByteLoopEverywhere() {
        Random r = new Random(7);
        for (int round = 0; round < 2000; round++) {
            byte[] d = new byte[r.nextInt(40)];
            for (int i = 0; i < d.length; i++) {
                d[i] = (byte) "ab.\r\n-\u0080\u00ff".charAt(r.nextInt(8));
            }
            int from = d.length == 0 ? 0 : r.nextInt(d.length + 1);
            int end = from + r.nextInt(d.length - from + 1);
            for (byte b : new byte[] {'.', '-', (byte) 0x80, (byte) 0xff, 0}) {
                assertThat(Lines.indexOf(d, from, end, b)).as("round %d byte %d", round, b)
                        .isEqualTo(naive(d, from, end, new byte[] {b}));
            }
        }
    }

    @Test
    void patternSearchMatchesAByteLoop() {
        Random r = new Random(11);
        byte[][] pats = {"\r\n.\r\n".getBytes(StandardCharsets.ISO_8859_1),
            "\r\n--b1".getBytes(StandardCharsets.ISO_8859_1), "--".getBytes(StandardCharsets.ISO_8859_1),
            "x".getBytes(StandardCharsets.ISO_8859_1)};
        for (int round = 0; round < 5000; round++) {
            byte[] d = new byte[r.nextInt(60)];
            for (int i = 0; i < d.length; i++) {
                d[i] = (byte) "\r\n.-b1x".charAt(r.nextInt(7));
            }
            int from = d.length == 0 ? 0 : r.nextInt(d.length + 1);
            int end = from + r.nextInt(d.length - from + 1);
            for (byte[] p : pats) {
                assertThat(Lines.indexOf(d, from, end, p)).as("round %d", round).isEqualTo(naive(d, from, end, p));
            }
        }
    }

    @Test
    void findsTheEndOfDataAfterALongBase64Body() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            body.append("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3\r\n");
        }
        byte[] d = (body + ".\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Lines.indexOf(d, 0, d.length, "\r\n.\r\n".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo(body.length() - 2);
    }
}
