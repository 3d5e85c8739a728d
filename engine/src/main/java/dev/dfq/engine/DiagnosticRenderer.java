package dev.dfq.engine;

import dev.dfq.grammar.ast.Span;
import java.nio.charset.StandardCharsets;

/**
 * Renders a diagnostic the way tshark 4.6 prints a bad filter on stderr (minus "tshark: "):
 *
 * <pre>
 * "=" was unexpected in this context.
 *     tcp.port = 80
 *              ^
 * </pre>
 *
 * The caret line counts bytes, as Wireshark's locations do: a multi-byte character before the
 * span moves the caret by its byte length, and a tab counts as one column. No caret lines are
 * printed when the diagnostic has no span. dfq's own hints follow on further lines.
 */
public final class DiagnosticRenderer {
    private DiagnosticRenderer() {
    }

    public static String render(String filterText, Diagnostic d) {
        StringBuilder sb = new StringBuilder(d.message()).append('\n');
        Span span = d.span();
        if (span != null) {
            sb.append("    ").append(filterText).append('\n');
            sb.append("    ").append(" ".repeat(span.start())).append('^');
            int tildes = span.length() - 1;
            if (tildes > 0) {
                sb.append("~".repeat(tildes));
            }
            sb.append('\n');
        }
        for (String hint : d.hints()) {
            sb.append(hint).append('\n');
        }
        return sb.toString();
    }

    /**
     * As tshark prints it: the diagnostic, then (without dfq's hints) the capture-filter note
     * when the text would be a valid capture filter.
     */
    public static String renderLikeTshark(String filterText, Diagnostic d) {
        String text = render(filterText, new Diagnostic(d.message(), d.span()));
        if (CaptureFilterNote.looksLikeCaptureFilter(filterText)) {
            text += CaptureFilterNote.NOTE + "\n";
        }
        return text;
    }

    /** The number of UTF-8 bytes of a string (spans are in bytes). */
    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
