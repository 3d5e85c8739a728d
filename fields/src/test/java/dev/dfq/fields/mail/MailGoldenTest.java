package dev.dfq.fields.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every smtp.*, imf.*, mime_multipart.* and tls.record.* field of every frame of the committed mail
 * captures must print as tshark 4.6.9 printed it (goldens from scripts/record-mail-goldens.sh), one
 * pass, two passes ({@code -2}) and with {@code smtp.decryption} on. Frames listed in
 * known-gaps.txt are the documented differences; a listed frame that starts matching fails too, so
 * the list only shrinks.
 */
class MailGoldenTest {
    static final String CAPS = "/captures/mail/";
    static final String GOLD = "/goldens/mail/";
    /** Every capture the recorder saw (captures.list, written by scripts/record-mail-goldens.sh). */
    static final List<String> CAPTURES = lines(GOLD + "captures.list").stream().filter(l -> !l.isBlank()).toList();

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String c : CAPTURES) {
            for (String mode : List.of("fields", "fields-2", "fields-dec", "fields-nodata")) {
                if (!lines(GOLD + c + "." + mode + ".tsv").isEmpty()) {
                    out.add(Arguments.of(c, mode));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void dissect_capture_matchesTshark(String capture, String mode) {
        List<String> mismatches = mismatches(capture, mode);
        Set<String> known = knownGaps(capture, mode);
        List<String> unexpected = mismatches.stream().filter(m -> !known.contains(key(m))).toList();
        Set<String> fixed = new LinkedHashSet<>(known);
        mismatches.forEach(m -> fixed.remove(key(m)));
        assertThat(unexpected).as("frames differing from tshark").isEmpty();
        assertThat(fixed).as("known gaps that now match (remove them from known-gaps.txt)").isEmpty();
    }

    private static String key(String mismatch) {
        return mismatch.substring(0, mismatch.indexOf(' '));
    }

    static List<String> mismatches(String capture, String mode) {
        FieldRegistry reg = FieldRegistry.wireshark();
        List<String> golden = lines(GOLD + capture + "." + mode + ".tsv");
        List<String> header = List.of(golden.get(0).split("\t", -1));
        int[] ids = new int[header.size()];
        for (int i = 1; i < ids.length; i++) {
            ids[i] = reg.byName(header.get(i)).map(FieldDef::id).orElse(-1);
        }
        SmtpPrefs d = SmtpPrefs.defaults();
        SmtpPrefs prefs = new SmtpPrefs(d.ports(), d.desegmentLines(), !mode.equals("fields-nodata"),
                mode.equals("fields-dec"));
        MailHarness h = new MailHarness(reg, prefs);
        List<TestPcap.Segment> frames;
        try (InputStream in = MailGoldenTest.class.getResourceAsStream(CAPS + capture + ".pcap")) {
            frames = TestPcap.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (mode.equals("fields-2")) {
            h.pass(frames, true, (n, r) -> { });
        }
        List<String> out = new ArrayList<>();
        h.pass(frames, !mode.equals("fields-2"), (n, r) -> {
            StringBuilder row = new StringBuilder().append(n);
            for (int i = 1; i < ids.length; i++) {
                row.append('\t').append(TsvValues.column(reg, r.store(), ids[i]));
            }
            String want = n < golden.size() ? golden.get(n) : "";
            if (!row.toString().equals(want)) {
                out.add(n + " " + diff(header, want, row.toString()));
            }
        });
        return out;
    }

    static String diff(List<String> header, String want, String got) {
        String[] w = want.split("\t", -1);
        String[] g = got.split("\t", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < header.size(); i++) {
            String a = i < w.length ? w[i] : "";
            String c = i < g.length ? g[i] : "";
            if (!a.equals(c)) {
                b.append("\n  ").append(header.get(i)).append(": tshark=[").append(a).append("] dfq=[").append(c)
                        .append(']');
            }
        }
        return b.toString();
    }

    static Set<String> knownGaps(String capture, String mode) {
        Set<String> out = new LinkedHashSet<>();
        for (String l : lines(GOLD + "known-gaps.txt")) {
            String[] p = l.split("\\s+");
            if (l.startsWith("#") || p.length < 3) {
                continue;
            }
            if (p[0].equals(capture) && (p[1].equals(mode) || p[1].equals("*"))) {
                out.add(p[2]);
            }
        }
        return out;
    }

    static List<String> lines(String resource) {
        return lines(resource, StandardCharsets.ISO_8859_1);
    }

    static List<String> lines(String resource, java.nio.charset.Charset cs) {
        try (InputStream in = MailGoldenTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            return List.of(new String(in.readAllBytes(), cs).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
