package dev.dfq.fields.mail;

import java.util.Set;

/**
 * SMTP preferences that change what tshark shows (names as in {@code tshark -G defaultprefs}).
 *
 * @param ports TCP ports SMTP is registered on ({@code smtp.tcp.port} plus 587; decode-as adds more)
 * @param desegmentLines {@code smtp.desegment_lines}: ask TCP for more data when a segment's first line is incomplete
 * @param desegmentData {@code smtp.desegment_data}: reassemble DATA into one message for IMF
 * @param decryption {@code smtp.decryption}: decode base64 AUTH data and 334 prompts
 */
public record SmtpPrefs(Set<Integer> ports, boolean desegmentLines, boolean desegmentData, boolean decryption) {
    public SmtpPrefs {
        ports = Set.copyOf(ports);
    }

    /** tshark 4.6.9's defaults. */
    public static SmtpPrefs defaults() {
        return new SmtpPrefs(Set.of(25, 587), true, true, false);
    }

    public SmtpPrefs withDecryption(boolean on) {
        return new SmtpPrefs(ports, desegmentLines, desegmentData, on);
    }
}
