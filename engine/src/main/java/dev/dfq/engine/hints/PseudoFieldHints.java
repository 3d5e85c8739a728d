package dev.dfq.engine.hints;

import java.util.List;
import java.util.Map;

/**
 * Rewrites for the pseudo-fields that circulate in tutorials and cheat sheets but are not
 * Wireshark's ({@code smtp.resp_code}, {@code smtp.to}, ...). Wireshark rejects them with "is not a
 * valid protocol or protocol field"; dfq keeps that error and adds the filter the author most
 * likely meant. The table is data: one row per pseudo-field.
 */
public final class PseudoFieldHints {
    private static final Map<String, List<String>> REWRITES = Map.ofEntries(
            Map.entry("smtp.resp_code", List.of("smtp.response.code")),
            Map.entry("smtp.response_code", List.of("smtp.response.code")),
            Map.entry("smtp.reply_code", List.of("smtp.response.code")),
            Map.entry("smtp.code", List.of("smtp.response.code")),
            Map.entry("smtp.contains", List.of("smtp contains \"...\"  (contains is an operator: protocol, space, contains)")),
            Map.entry("smtp.helo", List.of("smtp.req.command == \"HELO\" || smtp.req.command == \"EHLO\"")),
            Map.entry("smtp.ehlo", List.of("smtp.req.command == \"HELO\" || smtp.req.command == \"EHLO\"")),
            Map.entry("smtp.to", List.of("imf.to", "smtp.req.parameter contains \"TO:\"")),
            Map.entry("smtp.from", List.of("imf.from", "smtp.req.parameter contains \"FROM:\"")),
            Map.entry("smtp.mail_from", List.of("smtp.req.command == \"MAIL\"", "imf.from")),
            Map.entry("smtp.rcpt_to", List.of("smtp.req.command == \"RCPT\"")),
            Map.entry("smtp.rcpt", List.of("smtp.req.command == \"RCPT\"")),
            Map.entry("smtp.command_code", List.of("smtp.req.command")),
            Map.entry("smtp.command", List.of("smtp.req.command")),
            Map.entry("smtp.data_len", List.of("smtp.data.reassembled.length")),
            Map.entry("smtp.data.len", List.of("smtp.data.reassembled.length")),
            Map.entry("smtp.flags.push", List.of("tcp.flags.push")),
            Map.entry("smtp.auth", List.of("smtp.auth.username", "smtp.req.command == \"AUTH\"")),
            Map.entry("smtp.user", List.of("smtp.auth.username")),
            Map.entry("smtp.password", List.of("smtp.auth.password")),
            Map.entry("smtp.date", List.of("imf.date")),
            Map.entry("smtp.subject", List.of("imf.subject")),
            Map.entry("smtp.quit", List.of("smtp.req.command == \"QUIT\"")),
            Map.entry("smtp.data", List.of("smtp.req.command == \"DATA\"", "smtp.data.fragment")),
            Map.entry("smtp.attachment", List.of("imf contains \"filename=\"", "mime_multipart.header.content-disposition contains \"attachment\"")),
            Map.entry("imf.attachment", List.of("mime_multipart.header.content-disposition contains \"attachment\"")),
            Map.entry("imf.x_mailer", List.of("imf.ext.mailer")),
            Map.entry("imf.mailer", List.of("imf.ext.mailer")),
            Map.entry("imf.x-mailer", List.of("imf.ext.mailer")),
            Map.entry("imf.user_agent", List.of("imf.ext.mailer", "imf.user_agent")));

    /** The pseudo-field in front of a would-be comparison ({@code smtp.command_code == "DATA"}). */
    private static final Map<String, String> COMPARISON_REWRITES = Map.of(
            "smtp.command_code", "smtp.req.command",
            "smtp.command", "smtp.req.command",
            "smtp.resp_code", "smtp.response.code",
            "smtp.response_code", "smtp.response.code",
            "smtp.reply_code", "smtp.response.code",
            "smtp.code", "smtp.response.code");

    private PseudoFieldHints() {
    }

    /** Filters to suggest for an unknown name, best first; empty when the name is not a known pseudo-field. */
    public static List<String> rewrites(String unknownName) {
        return REWRITES.getOrDefault(unknownName, List.of());
    }

    /**
     * For a relation whose left side is an unknown pseudo-field, the same relation on the real field
     * ({@code smtp.command_code == "DATA"} → {@code smtp.req.command == "DATA"}), or null.
     */
    public static String rewriteRelation(String filterText, String unknownName, int nameStart) {
        String real = COMPARISON_REWRITES.get(unknownName);
        if (real == null || nameStart < 0 || nameStart + unknownName.length() > filterText.length()
                || !filterText.startsWith(unknownName, nameStart)) {
            return null;
        }
        return filterText.substring(0, nameStart) + real + filterText.substring(nameStart + unknownName.length());
    }
}
