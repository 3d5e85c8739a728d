package dev.dfq.engine;

import java.nio.charset.StandardCharsets;

/**
 * Renders a compile error as tshark prints it on stderr: the message, then (when it has a span) the
 * filter and a caret line, indented by 4 spaces; carets count bytes, as Wireshark does; and the
 * capture-filter note when the text looks like a libpcap filter.
 */
public final class DiagnosticRenderer {
    private DiagnosticRenderer() {
    }

    /** Lines without the {@code tshark: } prefix; each line ends with a newline. */
    public static String render(String filter, Diagnostic d) {
        return render(filter, d, true);
    }

    /** As {@link #render(String, Diagnostic)}; {@code captureNote} false leaves out tshark's capture-filter note (dftest prints none). */
    public static String render(String filter, Diagnostic d, boolean captureNote) {
        StringBuilder sb = new StringBuilder(d.message()).append('\n');
        if (d.span() != null) {
            sb.append("    ").append(filter).append('\n');
            byte[] b = filter.getBytes(StandardCharsets.UTF_8);
            int start = Math.min(d.span().start(), b.length);
            sb.append("    ").append(" ".repeat(start)).append('^');
            sb.append("~".repeat(Math.max(0, d.span().length() - 1))).append('\n');
        }
        if (captureNote && CaptureFilters.looksLikeCaptureFilter(filter)) {
            sb.append("  Note: That read filter code looks like a valid capture filter;\n");
            sb.append("        maybe you mixed them up?\n");
        }
        for (String h : d.hints()) {
            sb.append(h).append('\n');
        }
        return sb.toString();
    }

    /** As tshark prints it: {@code tshark: } before the first line. */
    public static String renderTshark(String filter, Diagnostic d) {
        return "tshark: " + render(filter, d);
    }
}
