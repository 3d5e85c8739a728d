package dev.dfq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code dfq -2} against tshark 4.6.9's two-pass answers (twopass.tsv, scripts/record-twopass-goldens.py). */
class TwoPassTest {
    record Row(String capture, String filter, String answer) {
        @Override
        public String toString() {
            return capture + " " + filter;
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        try (InputStream in = TwoPassTest.class.getResourceAsStream("/twopass.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] p = line.split("\t", -1);
                if (p.length == 3) {
                    out.add(new Row(p[0], p[1], p[2]));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void twoPass_filter_sameFramesAndReassembledIn(Row row) {
        MainTest.Run r = MainTest.run("-2", "-r", "../samples/" + row.capture(), "-Y", row.filter(), "-T", "fields",
                "-e", "frame.number", "-e", "smtp.data.reassembled.in");
        assertThat(r.status()).isZero();
        String out = r.out().endsWith("\n") ? r.out().substring(0, r.out().length() - 1) : r.out();
        String answer = r.out().isEmpty() ? "" : String.join(" | ", out.replace('\t', ' ').split("\n", -1));
        assertThat(answer).isEqualTo(row.answer());
    }

    static List<String[]> selectedRows() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = TwoPassTest.class.getResourceAsStream("/selected-frame.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] p = line.split("\t", -1);
                if (p.length == 4) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    @org.junit.jupiter.api.Test
    void selectedFrame_references_readThatFramesValues() throws IOException {
        for (String[] row : selectedRows()) {
            MainTest.Run r = MainTest.run("-2", "--selected-frame", row[1], "-r", "../samples/" + row[0], "-Y", row[2],
                    "-T", "fields", "-e", "frame.number");
            assertThat(r.status()).as(row[2]).isZero();
            assertThat(String.join(",", r.out().strip().isEmpty() ? new String[0] : r.out().strip().split("\n")))
                    .as(row[0] + " " + row[1] + " " + row[2]).isEqualTo(row[3]);
        }
    }
}
