package dev.dfq.fields.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where each smtp.*, imf.* and mime_multipart.* item lies (offset and length in its data source, as
 * tshark 4.6.9's PDML gives them: NAME.pos.tsv), per frame and field, in any order. Positions decide
 * what {@code @field} and slices of raw bytes see. Documented gaps: known-gaps-pos.txt.
 */
class MailPositionsTest {
    private static final String[] PREFIXES = {"smtp.", "imf.", "mime_multipart."};

    static List<String> captures() {
        return MailGoldenTest.CAPTURES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void positions_mailItems_matchTshark(String capture) {
        List<String> mismatches = mismatches(capture);
        Set<String> known = new LinkedHashSet<>();
        for (String l : MailGoldenTest.lines(MailGoldenTest.GOLD + "known-gaps-pos.txt")) {
            String[] p = l.split("\\s+");
            if (!l.startsWith("#") && p.length >= 2 && p[0].equals(capture)) {
                known.add(p[1]);
            }
        }
        List<String> unexpected = mismatches.stream().filter(m -> !known.contains(m.substring(0, m.indexOf(' '))))
                .toList();
        Set<String> fixed = new LinkedHashSet<>(known);
        mismatches.forEach(m -> fixed.remove(m.substring(0, m.indexOf(' '))));
        assertThat(unexpected).as("frames whose item positions differ from tshark").isEmpty();
        assertThat(fixed).as("known position gaps that now match").isEmpty();
    }

    static List<String> mismatches(String capture) {
        FieldRegistry reg = FieldRegistry.wireshark();
        Map<Integer, Map<String, List<String>>> want = new TreeMap<>();
        for (String l : MailGoldenTest.lines(MailGoldenTest.GOLD + capture + ".pos.tsv")) {
            String[] p = l.split("\t", -1);
            if (p.length == 4) {
                want.computeIfAbsent(Integer.parseInt(p[0]), k -> new TreeMap<>())
                        .computeIfAbsent(p[1], k -> new ArrayList<>()).add(p[2] + ":" + p[3]);
            }
        }
        MailHarness h = new MailHarness(reg, SmtpPrefs.defaults());
        List<TestPcap.Segment> frames;
        try (InputStream in = MailPositionsTest.class.getResourceAsStream(MailGoldenTest.CAPS + capture + ".pcap")) {
            frames = TestPcap.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        h.pass(frames, true, (n, r) -> {
            Map<String, List<String>> got = new TreeMap<>();
            FieldStore st = r.store();
            for (int occ = 0; occ < st.size(); occ++) {
                if (st.fieldId(occ) == FieldStore.TEXT) {
                    continue; // a text-only item has no field, and so no position to compare
                }
                String name = reg.byId(st.fieldId(occ)).abbrev();
                for (String prefix : PREFIXES) {
                    if (name.startsWith(prefix)) {
                        got.computeIfAbsent(name, k -> new ArrayList<>()).add(st.offset(occ) + ":" + st.length(occ));
                    }
                }
            }
            Map<String, List<String>> w = want.getOrDefault(n, Map.of());
            got.values().forEach(Collections::sort);
            Map<String, List<String>> ws = new TreeMap<>();
            w.forEach((k, v) -> {
                List<String> c = new ArrayList<>(v);
                Collections.sort(c);
                ws.put(k, c);
            });
            if (!ws.equals(got)) {
                StringBuilder b = new StringBuilder().append(n).append(' ');
                Set<String> names = new java.util.TreeSet<>(ws.keySet());
                names.addAll(got.keySet());
                for (String name : names) {
                    List<String> a = ws.getOrDefault(name, List.of());
                    List<String> g = got.getOrDefault(name, List.of());
                    if (!a.equals(g)) {
                        b.append("\n  ").append(name).append(": tshark=").append(a).append(" dfq=").append(g);
                    }
                }
                out.add(b.toString());
            }
        });
        return out;
    }
}
