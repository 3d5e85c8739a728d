package dev.dfq.fields.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dfq.fields.FieldRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mail part of tshark 4.6.9's columns, one pass: for each frame whose Protocol column is SMTP or
 * SMTP/IMF, the Protocol column, the Info column (less TCP's "[TCP ...] " prefixes) and the protocols
 * after {@code tcp} in frame.protocols must be what the mail dissectors produced; and frames tshark
 * gave no mail protocol must get none. Goldens: NAME.cols.tsv; documented gaps: known-gaps-cols.txt.
 */
class MailColumnsTest {
    static List<String> captures() {
        return MailGoldenTest.CAPTURES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void columns_mailFrames_matchTshark(String capture) {
        List<String> mismatches = mismatches(capture);
        Set<String> known = new LinkedHashSet<>();
        for (String l : MailGoldenTest.lines(MailGoldenTest.GOLD + "known-gaps-cols.txt")) {
            String[] p = l.split("\\s+");
            if (!l.startsWith("#") && p.length >= 2 && p[0].equals(capture)) {
                known.add(p[1]);
            }
        }
        List<String> unexpected = mismatches.stream().filter(m -> !known.contains(m.substring(0, m.indexOf(' '))))
                .toList();
        Set<String> fixed = new LinkedHashSet<>(known);
        mismatches.forEach(m -> fixed.remove(m.substring(0, m.indexOf(' '))));
        assertThat(unexpected).as("frames whose mail columns differ from tshark").isEmpty();
        assertThat(fixed).as("known column gaps that now match").isEmpty();
    }

    static List<String> mismatches(String capture) {
        FieldRegistry reg = FieldRegistry.wireshark();
        List<String> golden = MailGoldenTest.lines(MailGoldenTest.GOLD + capture + ".cols.tsv",
                java.nio.charset.StandardCharsets.UTF_8);
        MailHarness h = new MailHarness(reg, SmtpPrefs.defaults());
        List<TestPcap.Segment> frames;
        try (InputStream in = MailColumnsTest.class.getResourceAsStream(MailGoldenTest.CAPS + capture + ".pcap")) {
            frames = TestPcap.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        h.pass(frames, true, (n, r) -> {
            String[] g = n < golden.size() ? golden.get(n).split("\t", -1) : new String[0];
            if (g.length < 4) {
                return;
            }
            String proto = g[2];
            boolean mail = proto.equals("SMTP") || proto.equals("SMTP/IMF");
            String ours = r.ctx().protocolColumn();
            boolean oursMail = ours != null && ours.startsWith("SMTP");
            if (!mail && !oursMail) {
                return;
            }
            String info = unescape(g[3].replaceFirst("^(\\[TCP [^\\]]*\\] )+", ""));
            int tcp = g[1].indexOf(":tcp:");
            String tail = tcp < 0 ? "" : g[1].substring(tcp + 5);
            String ourTail = String.join(":", r.ctx().protocols());
            String ourInfo = r.ctx().infoText();
            if (!proto.equals(ours) || !info.equals(ourInfo) || !tail.equals(ourTail)) {
                out.add(n + " tshark=[" + proto + "|" + tail + "|" + info + "] dfq=[" + ours + "|" + ourTail + "|"
                        + ourInfo + "]");
            }
        });
        return out;
    }

    /** Undoes -T fields escaping (backslash, CR, LF, TAB). */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
