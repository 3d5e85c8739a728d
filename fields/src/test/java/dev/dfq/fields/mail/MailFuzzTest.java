package dev.dfq.fields.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dfq.fields.FieldRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed input never breaks the mail dissectors: every committed corner capture, with its TCP
 * payloads mutated (bytes changed to CR, LF, ':', '<', ',', ';', '-', '.', NUL or random; payloads
 * cut short), goes through SMTP, IMF and multipart in both passes and every preference set without
 * a single internal error (which would show as {@code _ws.malformed}).
 */
class MailFuzzTest {
    private static final byte[] SPICE = {'\r', '\n', ':', '<', '>', ',', ';', '-', '.', 0, ' ', '"', '=', '\t'};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void dissect_mutatedCaptures_noInternalError(long seed) throws IOException {
        FieldRegistry reg = FieldRegistry.wireshark();
        Random rnd = new Random(seed);
        for (String c : List.of("s1_baseline", "s4_pipelining", "s6_bdat", "s12_misc", "s13_longline", "soc",
                "s5_starttls", "s15_two_msgs")) {
            List<TestPcap.Segment> frames;
            try (InputStream in = getClass().getResourceAsStream(MailGoldenTest.CAPS + c + ".pcap")) {
                frames = TestPcap.read(in);
            }
            List<TestPcap.Segment> mutated = new ArrayList<>();
            for (TestPcap.Segment s : frames) {
                mutated.add(s == null || s.payloadLen() == 0 ? s : mutate(s, rnd));
            }
            for (boolean dec : new boolean[] {false, true}) {
                for (boolean data : new boolean[] {true, false}) {
                    MailHarness h = new MailHarness(reg, new SmtpPrefs(SmtpPrefs.defaults().ports(), true, data, dec));
                    h.pass(mutated, true, (n, r) -> { });
                    h.pass(mutated, false, (n, r) -> { });
                    assertThat(h.smtp().internalErrors()).as(c + " seed " + seed).isZero();
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void imf_randomMessages_neverThrow(long seed) {
        FieldRegistry reg = FieldRegistry.wireshark();
        MailFields f = new MailFields(reg);
        ImfDissector imf = new ImfDissector(f);
        dev.dfq.fields.FieldStore store = new dev.dfq.fields.FieldStore(reg);
        Random rnd = new Random(seed);
        String[] tokens = {"From: ", "To: ", "Content-Type: ", "multipart/mixed", "; boundary=", "\"B\"", "B",
            "--B", "--B--", "\r\n", "\n", "\r", " ", "\t", "<", ">", ",", ":", "a@b.c", "message/rfc822",
            "text/plain", "Content-Transfer-Encoding: base64", "application/octet-stream", "=", "x"};
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder();
            int n = rnd.nextInt(60);
            for (int j = 0; j < n; j++) {
                b.append(tokens[rnd.nextInt(tokens.length)]);
            }
            byte[] msg = b.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            store.reset(i + 1);
            int src = store.addSource("Reassembled SMTP", msg, msg.length);
            imf.dissect(new MailContext(store, i + 1, true), src, 0, msg.length, -1);
        }
    }

    private static TestPcap.Segment mutate(TestPcap.Segment s, Random rnd) {
        byte[] b = s.bytes().clone();
        int len = s.payloadLen();
        int edits = 1 + rnd.nextInt(Math.max(1, len / 8));
        for (int i = 0; i < edits; i++) {
            int at = s.payloadOff() + rnd.nextInt(len);
            b[at] = rnd.nextInt(4) == 0 ? (byte) rnd.nextInt(256) : SPICE[rnd.nextInt(SPICE.length)];
        }
        if (rnd.nextInt(6) == 0) {
            len = rnd.nextInt(len + 1);
        }
        return new TestPcap.Segment(s.frame(), b, s.src(), s.dst(), s.sport(), s.dport(), s.seq(), s.flags(),
                s.payloadOff(), len);
    }
}
