package dev.dfq.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dfq.engine.CompileResult;
import dev.dfq.engine.FilterCompiler;
import dev.dfq.engine.capture.CaptureReader;
import dev.dfq.engine.golden.Goldens;
import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frame, link, IP, TCP and UDP dissection against tshark 4.6.9 on the bundled captures
 * (goldens/lower, recorded by scripts/record-lower-goldens.py): every field of fields.txt with
 * identical -T fields text on every frame, and 197 filters selecting identical frames. Fields
 * and filters listed in lower/known-failures.txt may differ and must still differ.
 */
class LowerLayerGoldenTest {
    private static final FieldRegistry REGISTRY = FieldRegistry.wireshark();

    static Path sample(String name) {
        try {
            return Path.of(LowerLayerGoldenTest.class.getResource("/samples/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"smtp-lab.pcap", "corner/s10_midstream.pcap", "corner/s11_null.pcap",
        "corner/s11_sll.pcap", "corner/s8_ooo.pcap", "corner/soc.pcap", "vlan/vlan.pcap", "vlan/qinq.pcap", "ipfrag/ipv4_frag.pcap", "ipfrag/ipv6_ext.pcap"})
    void fieldsAndFilters_bundledCapture_matchTshark469(String capture) throws Exception {
        String base = capture.substring(capture.lastIndexOf('/') + 1);
        Set<String> known = Goldens.knownFailures("lower/known-failures.txt");
        List<String> problems = new ArrayList<>();

        // -T fields text, column by column
        String[] expected = Goldens.resource("lower/" + base + ".fields.tsv").split("\n");
        String[] names = expected[0].split("\t", -1);
        List<FieldDef> defs = new ArrayList<>();
        for (String n : names) {
            defs.add(REGISTRY.byName(n).orElseThrow());
        }
        FieldsFormat format = new FieldsFormat(defs, List.of("occurrence=a"));
        List<String> got = new ArrayList<>();
        QueryRunner all = new QueryRunner(REGISTRY, null, defs.stream().mapToInt(FieldDef::id).toArray(), 0);
        try (CaptureReader r = CaptureReader.open(sample(capture))) {
            all.run(r, (frame, fields) -> got.add(format.line(fields)));
        }
        assertThat(got).as("frames in " + base).hasSize(expected.length - 1);
        Map<String, Integer> badColumns = new LinkedHashMap<>();
        int cells = 0;
        for (int i = 1; i < expected.length; i++) {
            String[] want = expected[i].split("\t", -1);
            String[] have = got.get(i - 1).split("\t", -1);
            for (int c = 0; c < names.length; c++) {
                cells++;
                String w = c < want.length ? want[c] : "";
                String h = c < have.length ? have[c] : "";
                if (!w.equals(h) && !known.contains(names[c])) {
                    if (badColumns.merge(names[c], 1, Integer::sum) == 1) {
                        problems.add(base + " frame " + i + " " + names[c] + ": tshark \"" + w + "\", dfq \"" + h + "\"");
                    }
                }
            }
        }

        int[] ok = new int[1];
        String[] rows = Goldens.resource("lower/" + base + ".filters.tsv").split("\n");
        problems.addAll(checkFilters(capture, rows, known, ok));
        int filtersOk = ok[0];
        System.out.printf("lower goldens %s: %d cells, %d differing columns; filters: %d passed, %d failed%n",
                base, cells, badColumns.size(), filtersOk, rows.length - filtersOk);
        assertThat(problems).as("differences from tshark46 not listed in lower/known-failures.txt").isEmpty();
    }

    /** Runs each recorded filter (filter, exit status, frames) on the capture; returns the differences. */
    static List<String> checkFilters(String capture, String[] rows, Set<String> known, int[] passed) throws Exception {
        String base = capture.substring(capture.lastIndexOf('/') + 1);
        List<String> problems = new ArrayList<>();
        FilterCompiler compiler = new FilterCompiler(REGISTRY);
        for (String row : rows) {
            String[] p = row.split("\t", -1);
            String filter = p[0];
            int status = Integer.parseInt(p[1]);
            String frames = p.length > 2 ? p[2] : "";
            CompileResult cr = compiler.compile(filter);
            String verdict;
            if (!cr.ok()) {
                verdict = status == 4 ? null : "dfq rejects it: " + cr.error().message();
            } else if (status != 0) {
                verdict = "tshark rejects it (exit " + status + ")";
            } else {
                List<String> matched = new ArrayList<>();
                QueryRunner q = new QueryRunner(REGISTRY, cr.filter(), new int[0], 0);
                try (CaptureReader r = CaptureReader.open(sample(capture))) {
                    q.run(r, (frame, fields) -> matched.add(Long.toString(frame.number())));
                }
                String have = String.join(",", matched);
                verdict = have.equals(frames) ? null : "tshark [" + abbreviate(frames) + "], dfq [" + abbreviate(have) + "]";
            }
            if (verdict == null) {
                passed[0]++;
            } else if (!known.contains(filter) && !known.contains(base + " " + filter)) {
                problems.add(base + " filter " + filter + ": " + verdict);
            }
        }
        return problems;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
