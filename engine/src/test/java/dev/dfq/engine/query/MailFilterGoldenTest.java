package dev.dfq.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dfq.engine.golden.Goldens;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SOC mail filters (goldens/mail/filters.txt: the 55 examples plus the analyst walkthrough's
 * questions) select the same frames as tshark 4.6.9 on the lab capture and the mail corner
 * captures, recorded by scripts/record-mail-filter-goldens.py. Entries of mail/known-failures.txt
 * ("filter" or "capture filter", TAB reason) may differ.
 */
class MailFilterGoldenTest {
    @ParameterizedTest
    @ValueSource(strings = {"smtp-lab.pcap", "corner/s1_baseline.pcap", "corner/s4_pipelining.pcap",
        "corner/s5_starttls.pcap", "corner/s6_bdat.pcap", "corner/s8_ooo.pcap", "corner/soc.pcap"})
    void mailFilters_bundledCapture_selectTheFramesTshark469Selects(String capture) throws Exception {
        String base = capture.substring(capture.lastIndexOf('/') + 1);
        Set<String> known = Goldens.knownFailures("mail/known-failures.txt");
        String[] rows = Goldens.resource("mail/" + base + ".filters.tsv").split("\n");
        int[] ok = new int[1];
        List<String> problems = LowerLayerGoldenTest.checkFilters(capture, rows, known, ok);
        System.out.printf("mail goldens %s: %d passed, %d failed%n", base, ok[0], rows.length - ok[0]);
        assertThat(rows.length).isGreaterThanOrEqualTo(70);
        assertThat(problems).as("differences from tshark46 not listed in mail/known-failures.txt").isEmpty();
    }
}
