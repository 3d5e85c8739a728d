package dev.dfq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dfq command line end to end: statuses, messages and outputs as tshark gives them. */
class MainTest {
    private static final String LAB = "../samples/smtp-lab.pcap";

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    /** tshark46's frames for a filter on the lab capture, from the lower-layer goldens. */
    static String[] goldenFrames(String filter) throws IOException {
        for (String line : Files.readAllLines(Path.of("../engine/src/test/resources/goldens/lower/smtp-lab.pcap.filters.tsv"),
                StandardCharsets.UTF_8)) {
            String[] p = line.split("\t", -1);
            if (p[0].equals(filter)) {
                return p[2].isEmpty() ? new String[0] : p[2].split(",");
            }
        }
        throw new IllegalStateException("no golden for " + filter);
    }

    @Test
    void count_readmeQuery_matchesTshark() throws IOException {
        Run r = run("-r", LAB, "-Y", "tcp.port == 25 && tcp.len > 1000", "--count");
        assertThat(r.status()).isZero();
        assertThat(r.out().strip()).isEqualTo(Integer.toString(goldenFrames("tcp.port == 25 && tcp.len > 1000").length));
    }

    @Test
    void fields_frameNumbers_matchTshark() throws IOException {
        Run r = run("-r", LAB, "-Y", "tcp.flags.syn == 1 && tcp.flags.ack == 0", "-T", "fields", "-e", "frame.number");
        assertThat(r.status()).isZero();
        assertThat(r.out().strip().split("\n")).containsExactly(goldenFrames("tcp.flags.syn == 1 && tcp.flags.ack == 0"));
    }

    @Test
    void fields_headerAndSeparator_asTsharkOptions() {
        Run r = run("-r", LAB, "-c", "2", "-T", "fields", "-E", "header=y", "-E", "separator=,", "-e", "frame.number",
                "-e", "tcp.srcport");
        assertThat(r.out().split("\n")).containsExactly("frame.number,tcp.srcport", "1,46560", "2,25");
    }

    @Test
    void invalidFilter_exitsFourWithTsharkMessageAndCaret() {
        Run r = run("-r", LAB, "-Y", "tcp.port = 80");
        assertThat(r.status()).isEqualTo(4);
        assertThat(r.err().split("\n")).containsExactly("\"=\" was unexpected in this context.", "    tcp.port = 80",
                "             ^");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingFile_exitsThree() {
        Run r = run("-r", "no-such-file.pcap");
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains("doesn't exist");
    }

    @Test
    void damagedFile_printsGoodFramesThenErrorAndExitsFourteen(@TempDir Path dir) throws IOException {
        byte[] all = Files.readAllBytes(Path.of(LAB));
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(all, 5000));
        Run r = run("-r", cut.toString(), "-T", "fields", "-e", "frame.number");
        assertThat(r.status()).isEqualTo(14);
        assertThat(r.out().strip().split("\n").length).isGreaterThan(3);
        assertThat(r.err()).contains("cut short in the middle of a packet");
    }

    @Test
    void unknownPreference_exitsOneLikeTshark() {
        Run r = run("-r", LAB, "-o", "tcp.nonsense:1", "--count");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("-o flag \"tcp.nonsense:1\" specifies unknown preference");
    }

    @Test
    void noMatch_otherCaseWouldMatch_hintsCaseSensitivity() {
        Run r = run("-r", LAB, "-Y", "smtp.req.command == \"EHLO\"", "--count");
        Run lower = run("-r", LAB, "-Y", "smtp.req.command == \"ehlo\"", "--count");
        assertThat(r.out().strip()).isEqualTo("0");
        assertThat(r.err()).contains("would with \"ehlo\"").contains("case-sensitive");
        assertThat(r.err()).contains(" " + lower.out().strip() + " would");
    }

    @Test
    void noMatch_withPacketLimit_hintReadsOnlyThoseFrames() {
        Run r = run("-r", LAB, "-c", "200", "-Y", "smtp.req.command == \"EHLO\"", "--count");
        Run lower = run("-r", LAB, "-c", "200", "-Y", "smtp.req.command == \"ehlo\"", "--count");
        Run all = run("-r", LAB, "-Y", "smtp.req.command == \"ehlo\"", "--count");
        assertThat(Long.parseLong(lower.out().strip())).isLessThan(Long.parseLong(all.out().strip()));
        assertThat(r.err()).contains(" " + lower.out().strip() + " would with \"ehlo\"");
    }

    @Test
    void outOfMemory_oneLineAndStatus70_noStackTrace() throws Exception {
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx20m", "-cp", System.getProperty("java.class.path"), "dev.dfq.cli.Main", "-2", "-r", LAB)
                .redirectErrorStream(false).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("stderr: %s", err).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err).contains("dfq: out of memory").doesNotContain("\tat ");
        assertThat(out).isNotNull();
    }

    @Test
    void explain_printsDftestProgram() {
        Run r = run("explain", "tcp.port == 25");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains(" 0000 READ_TREE        tcp.port <FT_UINT16> -> R0");
    }

    @Test
    void fieldsSearch_responseCode_findsSmtpField() {
        Run r = run("fields", "response", "code");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("smtp.response.code");
    }

    @Test
    void write_matchingFrames_readBackIdentical(@TempDir Path dir) {
        Path out = dir.resolve("syn.pcapng");
        Run w = run("-r", LAB, "-Y", "tcp.flags.syn == 1", "-w", out.toString());
        assertThat(w.status()).isZero();
        Run back = run("-r", out.toString(), "--count");
        Run direct = run("-r", LAB, "-Y", "tcp.flags.syn == 1", "--count");
        assertThat(back.out()).isEqualTo(direct.out());
    }

    @Test
    void hostileFilter_deepNesting_isAnErrorNotACrash() {
        Run r = run("explain", "(".repeat(20000) + "tcp" + ")".repeat(20000));
        assertThat(r.status()).isEqualTo(4);
        assertThat(r.err()).doesNotContain("Exception");
    }
}
