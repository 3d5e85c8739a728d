package dev.dfq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analyst's walkthrough on the lab capture, through the command line, each answer compared with
 * what tshark 4.6.9 answered (walkthrough.tsv, recorded by scripts/record-walkthrough.py).
 */
class WalkthroughTest {
    record Step(String question, String filter, String fields, String answer) {
        @Override
        public String toString() {
            return question;
        }
    }

    static List<Step> steps() throws IOException {
        try (InputStream in = WalkthroughTest.class.getResourceAsStream("/walkthrough.tsv")) {
            List<Step> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    String[] p = line.split("\t", -1);
                    out.add(new Step(p[0], p[1], p[2], p[3].replace("\\t", "\t")));
                }
            }
            return out;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void step_answer_isTsharks(Step step) {
        List<String> args = new ArrayList<>(List.of("-r", "../samples/smtp-lab.pcap", "-Y", step.filter()));
        if (step.fields().isEmpty()) {
            args.add("--count");
        } else {
            args.add("-T");
            args.add("fields");
            for (String f : step.fields().split(",")) {
                args.add("-e");
                args.add(f);
            }
        }
        MainTest.Run r = MainTest.run(args.toArray(new String[0]));
        assertThat(r.status()).isZero();
        String out = r.out().endsWith("\n") ? r.out().substring(0, r.out().length() - 1) : r.out();
        String answer = r.out().isEmpty() ? "" : String.join(" | ", out.split("\n", -1));
        assertThat(answer).isEqualTo(step.answer());
    }

    @org.junit.jupiter.api.Test
    void findResponseCodeField_dfqFields_listsIt() {
        MainTest.Run r = MainTest.run("fields", "response", "code");
        assertThat(r.out()).contains("smtp.response.code");
    }
}
