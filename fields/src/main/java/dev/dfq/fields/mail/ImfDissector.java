package dev.dfq.fields.mail;

import dev.dfq.fields.FieldStore;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Internet Message Format (RFC 5322) headers, as Wireshark 4.6.9's IMF dissector shows them.
 *
 * <pre>
 *   message = *(name ":" value CRLF *(WSP text CRLF)) CRLF body      (RFC 5322 2.1, 2.2.3 folding)
 * </pre>
 *
 * <p>Header names are matched lower-cased and exactly; values keep their folding (CRLF + WSP) and run
 * from the first non-blank byte after the colon to the final CRLF. Address headers are split on every
 * comma, quotes notwithstanding; the last item keeps the CRLF. The body goes to the dissector of its
 * Content-Type only when that header has parameters (a ';'); otherwise it is Message-Text.
 */
final class ImfDissector {
    private enum Kind { PLAIN, MAILBOX_LIST, ADDRESS_LIST, MAILBOX, CONTENT_TYPE, SIO_LABEL }

    private record Header(int id, Kind kind) {}

    private static final String[][] TABLE = {
        {"date", "imf.date", "P"}, {"from", "imf.from", "ML"}, {"sender", "imf.sender", "MB"},
        {"reply-to", "imf.reply_to", "AL"}, {"to", "imf.to", "AL"}, {"cc", "imf.cc", "AL"},
        {"bcc", "imf.bcc", "AL"}, {"message-id", "imf.message_id", "P"}, {"in-reply-to", "imf.in_reply_to", "P"},
        {"references", "imf.references", "P"}, {"subject", "imf.subject", "P"}, {"comments", "imf.comments", "P"},
        {"user-agent", "imf.user_agent", "P"}, {"keywords", "imf.keywords", "P"},
        {"resent-date", "imf.resent.date", "P"}, {"resent-from", "imf.resent.from", "ML"},
        {"resent-sender", "imf.resent.sender", "MB"}, {"resent-to", "imf.resent.to", "AL"},
        {"resent-cc", "imf.resent.cc", "AL"}, {"resent-bcc", "imf.resent.bcc", "AL"},
        {"resent-message-id", "imf.resent.message_id", "P"}, {"return-path", "imf.return_path", "P"},
        {"received", "imf.received", "P"}, {"content-type", "imf.content.type", "CT"},
        {"content-id", "imf.content.id", "P"}, {"content-description", "imf.content.description", "P"},
        {"content-transfer-encoding", "imf.content.transfer_encoding", "P"},
        {"mime-version", "imf.mime_version", "P"}, {"delivered-to", "imf.delivered_to", "MB"},
        {"x-mailer", "imf.ext.mailer", "P"}, {"x-mimeole", "imf.ext.mimeole", "P"},
        {"expiry-date", "imf.ext.expiry-date", "P"}, {"x-ms-tnef-correlator", "imf.ext.tnef-correlator", "P"},
        {"x-uidl", "imf.ext.uidl", "P"}, {"x-authentication-warning", "imf.ext.authentication_warning", "P"},
        {"x-virus-scanned", "imf.ext.virus_scanned", "P"}, {"x-original-to", "imf.ext.original-to", "AL"},
        {"thread-index", "imf.thread-index", "P"}, {"lines", "imf.lines", "P"},
        {"precedence", "imf.precedence", "P"}, {"content-language", "imf.content_language", "P"},
        {"importance", "imf.importance", "P"}, {"priority", "imf.priority", "P"},
        {"sensitivity", "imf.sensitivity", "P"}, {"autoforwarded", "imf.autoforwarded", "P"},
        {"autosubmitted", "imf.autosubmitted", "P"}, {"expires", "imf.expires", "P"},
        {"reply-by", "imf.reply_by", "P"}, {"supersedes", "imf.supersedes", "P"},
        {"delivery-date", "imf.delivery_date", "P"}, {"deferred-delivery", "imf.deferred_delivery", "P"},
        {"latest-delivery-time", "imf.latest_delivery_time", "P"}, {"conversion", "imf.conversion", "P"},
        {"conversion-with-loss", "imf.conversion_with_loss", "P"},
        {"incomplete-copy", "imf.incomplete_copy", "P"}, {"message-type", "imf.message_type", "P"},
        {"dl-expansion-history", "imf.dl_expansion_history", "P"},
        {"original-encoded-information-types", "imf.original_encoded_information_types", "P"},
        {"originator-return-address", "imf.originator_return_address", "P"},
        {"x400-content-identifier", "imf.x400_content_identifier", "P"},
        {"x400-content-type", "imf.x400_content_type", "P"}, {"x400-mts-identifier", "imf.x400_mts_identifier", "P"},
        {"x400-originator", "imf.x400_originator", "P"}, {"x400-received", "imf.x400_received", "P"},
        {"x400-recipients", "imf.x400_recipients", "P"},
        {"discarded-x400-ipms-extensions", "imf.discarded_x400_ipms_extensions", "P"},
        {"discarded-x400-mts-extensions", "imf.discarded_x400_mts_extensions", "P"},
        {"sio-label", "imf.siolabel", "SIO"},
    };

    private final MailFields f;
    private final Map<String, Header> headers = new HashMap<>();
    private final MultipartDissector multipart;

    ImfDissector(MailFields f) {
        this.f = f;
        for (String[] row : TABLE) {
            Kind k = switch (row[2]) {
                case "ML" -> Kind.MAILBOX_LIST;
                case "AL" -> Kind.ADDRESS_LIST;
                case "MB" -> Kind.MAILBOX;
                case "CT" -> Kind.CONTENT_TYPE;
                case "SIO" -> Kind.SIO_LABEL;
                default -> Kind.PLAIN;
            };
            headers.put(row[0], new Header(f.id(row[1]), k));
        }
        this.multipart = new MultipartDissector(f, this);
    }

    /** Dissects a message in {@code [off, off+len)} of source {@code src}. */
    void dissect(MailContext ctx, int src, int off, int len, int parent) {
        FieldStore st = ctx.store();
        byte[] d = st.sourceData(src);
        int max = off + len;
        int layer = ctx.enter(MailContext.P_IMF, "imf");
        int top = Emit.raw(st, f.imf, layer, parent, src, off, len);
        if (top >= 0 && max < st.sourceLength(src)) {
            st.setValue(top, max, null);
        }
        String pc = ctx.protocolColumn();
        ctx.setProtocolColumn(pc == null ? "IMF" : pc + "/IMF");
        ctx.clearInfo();
        int start = off;
        boolean[] last = {false};
        String ctType = null;
        String cte = null;
        int ctParamOff = -1;
        int ctParamLen = 0;
        while (!last[0] && start < max) {
            int colon = Lines.indexOf(d, start, max, (byte) ':');
            if (colon < 0) {
                break;
            }
            int end = fieldEnd(d, colon + 1, max, last);
            // A header whose CRLF is the message's last two bytes is cut two bytes short and has
            // no Content-Type parameters (tshark 4.6.9 on a message without an empty line).
            boolean cutAtEnd = end == max && end - 2 > colon && d[end - 2] == '\r' && d[end - 1] == '\n';
            if (cutAtEnd) {
                end -= 2;
            }
            int vs = colon + 1;
            while (vs < end && (d[vs] == ' ' || d[vs] == '\t')) {
                vs++;
            }
            int vlen = Math.max(0, end - 2 - vs);
            String key = new String(d, start, colon - start, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            Header h = headers.get(key);
            if (h == null) {
                int ext = Emit.string(st, f.extension, layer, top, src, start, Math.max(0, end - 2 - start));
                Emit.string(st, f.extensionType, layer, ext, src, start, colon - start);
                Emit.string(st, f.extensionValue, layer, ext, src, vs, vlen);
            } else {
                int item = Emit.string(st, h.id(), layer, top, src, vs, vlen);
                switch (h.kind()) {
                    case MAILBOX_LIST -> list(st, layer, item, src, d, vs, end, false);
                    case ADDRESS_LIST -> list(st, layer, item, src, d, vs, end, true);
                    case MAILBOX -> mailbox(st, layer, item, src, d, vs, end);
                    case SIO_LABEL -> sioLabel(st, layer, item, src, d, vs, vs + vlen);
                    case CONTENT_TYPE -> {
                        int semi = Lines.indexOf(d, vs, vs + vlen, (byte) ';');
                        if (semi >= 0) {
                            int ts = vs;
                            while (ts < semi && (d[ts] == ' ' || d[ts] == '\t')) {
                                ts++;
                            }
                            Emit.string(st, f.contentTypeType, layer, item, src, ts, semi - ts);
                            if (!cutAtEnd) {
                                Emit.string(st, f.contentTypeParams, layer, item, src, semi + 1,
                                        vs + vlen - semi - 1);
                            }
                            ctType = new String(d, ts, semi - ts, StandardCharsets.ISO_8859_1);
                            ctParamOff = semi + 1;
                            ctParamLen = vs + vlen - semi - 1;
                        }
                    }
                    default -> { }
                }
                if (key.equals("from") || key.equals("subject")) {
                    ctx.info().append(key).append(": ").append(escaped(d, vs, vlen)).append(", ");
                }
                if (key.equals("content-transfer-encoding")) {
                    cte = new String(d, vs, vlen, StandardCharsets.ISO_8859_1);
                }
            }
            start = end;
        }
        if (!last[0]) {
            // The headers did not end with an empty line: the body text is the whole message.
            start = off;
        } else if (start + 2 <= max && d[start] == '\r' && d[start + 1] == '\n') {
            start += 2;
        }
        // The header summary survives a nested message's clear (tshark keeps the outer From and
        // Subject but loses part types noted before an inner message/rfc822).
        ctx.fenceInfo();
        body(ctx, src, d, start, max, layer, top, ctType, ctParamOff, ctParamLen, cte);
    }

    private void body(MailContext ctx, int src, byte[] d, int start, int max, int layer, int top, String ctType,
                      int paramOff, int paramLen, String cte) {
        FieldStore st = ctx.store();
        if (ctType != null) {
            int bsrc = src;
            int bOff = start;
            int bLen = max - start;
            if (cte != null && cte.toLowerCase(Locale.ROOT).startsWith("base64")) {
                byte[] dec = SmtpDissector.base64(d, start, max - start);
                bsrc = st.addSource(cte, dec, dec.length);
                bOff = 0;
                bLen = dec.length;
            }
            String params = new String(d, paramOff, paramLen, StandardCharsets.ISO_8859_1);
            dispatchMedia(ctx, bsrc, bOff, bLen, ctType, params, top);
            return;
        }
        if (start >= max) {
            return;
        }
        int text = Emit.none(st, f.messageText, layer, top, src, start, max - start);
        int[] next = new int[1];
        for (int o = start; o < max; o = next[0]) {
            int lineLen = Lines.lineEnd(d, o, max, false, next);
            if (text >= 0 && f.textItems()) {
                // each line a text item under Message-Text, its blanks and line end as spaces
                st.addText(text, ItemLabel.of(FormatText.of(d, o, next[0] - o, true)));
            }
            if (ctx.info().length() > 0) {
                ctx.info().append(", ");
            }
            ctx.info().append(column(d, o, next[0] - o));
        }
    }

    /**
     * Hands a body to the dissector registered for its media type (Wireshark's media_type table);
     * returns false when no dissector takes it.
     */
    boolean dispatchMedia(MailContext ctx, int src, int off, int len, String type, String params, int parent) {
        String t = type.toLowerCase(Locale.ROOT).trim();
        if (MultipartDissector.handles(t)) {
            multipart.dissect(ctx, src, off, len, type, params, parent);
            return true;
        }
        if (t.equals("message/rfc822")) {
            dissect(ctx, src, off, len, parent);
            return true;
        }
        if (TextLines.handles(t)) {
            TextLines.dissect(ctx, f, src, off, len, type, parent);
            return true;
        }
        return false;
    }

    /** imf_find_field_end: the offset after a header's final CRLF, following folded lines. */
    static int fieldEnd(byte[] d, int off, int max, boolean[] last) {
        while (off < max) {
            int cr = -1;
            for (int i = off; i + 1 < max; i++) {
                if (d[i] == '\r' && d[i + 1] == '\n') {
                    cr = i;
                    break;
                }
            }
            if (cr < 0) {
                last[0] = true;
                return max;
            }
            off = cr + 2;
            if (off >= max) {
                last[0] = true;
                return off;
            }
            if (d[off] == ' ' || d[off] == '\t') {
                continue;
            }
            if (off + 1 < max && d[off] == '\r' && d[off + 1] == '\n') {
                last[0] = true;
            }
            return off;
        }
        last[0] = true;
        return max;
    }

    /**
     * SIO-Label parameters (name=value; ...): marking, fgcolor, bgcolor, type and label become
     * fields with the raw value (quotes kept); any other parameter is "unknown" as a whole.
     */
    private void sioLabel(FieldStore st, int layer, int parent, int src, byte[] d, int from, int end) {
        int s = from;
        while (s < end) {
            int semi = Lines.indexOf(d, s, end, (byte) ';');
            int e = semi < 0 ? end : semi;
            int ns = s;
            while (ns < e && (d[ns] == ' ' || d[ns] == '\t')) {
                ns++;
            }
            int eq = Lines.indexOf(d, ns, e, (byte) '=');
            String name = eq < 0 ? "" : new String(d, ns, eq - ns, StandardCharsets.ISO_8859_1);
            int id = switch (name) {
                case "marking" -> f.sioMarking;
                case "fgcolor" -> f.sioFgcolor;
                case "bgcolor" -> f.sioBgcolor;
                case "type" -> f.sioType;
                case "label" -> f.sioLabel;
                default -> -2;
            };
            if (id == -2) {
                int u = Emit.string(st, f.sioUnknown, layer, parent, src, ns, e - ns);
                Emit.expert(st, f, f.unknownParam, layer, u >= 0 ? u : parent, "Unknown parameter");
            } else {
                Emit.string(st, id, layer, parent, src, eq + 1, e - eq - 1);
            }
            if (semi < 0) {
                break;
            }
            s = semi + 1;
        }
    }

    /** A mailbox or address list over [from, end): split on every comma. */
    private void list(FieldStore st, int layer, int parent, int src, byte[] d, int from, int end, boolean address) {
        int itemId = address ? f.addressListItem : f.mailboxListItem;
        int s = from;
        while (s <= end) {
            int comma = Lines.indexOf(d, s, end, (byte) ',');
            int e = comma < 0 ? end : comma;
            int item = Emit.string(st, itemId, layer, parent, src, s, e - s);
            int colon = address ? Lines.indexOf(d, s, e, (byte) ':') : -1;
            if (colon >= 0) {
                // A group (RFC 5322 3.4): the name stops one byte short of the colon, as for '<'; its
                // members run to the ';'.
                if (colon - 1 > s) {
                    Emit.string(st, f.displayName, layer, item, src, s, colon - 1 - s);
                }
                int semi = Lines.indexOf(d, colon + 1, e, (byte) ';');
                int gEnd = semi < 0 ? e : semi;
                if (gEnd > colon + 1) {
                    mailbox(st, layer, item, src, d, colon + 1, gEnd);
                }
            } else {
                mailbox(st, layer, item, src, d, s, e);
            }
            if (comma < 0) {
                break;
            }
            s = comma + 1;
        }
    }

    /** A mailbox: "display name" &lt;address&gt;, or a bare address (kept whole, CRLF and all). */
    private void mailbox(FieldStore st, int layer, int parent, int src, byte[] d, int from, int end) {
        int lt = Lines.indexOf(d, from, end, (byte) '<');
        if (lt < 0) {
            Emit.string(st, f.address, layer, parent, src, from, end - from);
            return;
        }
        int ns = from;
        while (ns < lt && (d[ns] == ' ' || d[ns] == '\t')) {
            ns++;
        }
        if (lt - 1 > ns) {
            Emit.string(st, f.displayName, layer, parent, src, ns, lt - 1 - ns);
        }
        int gt = Lines.indexOf(d, lt + 1, end, (byte) '>');
        Emit.string(st, f.address, layer, parent, src, lt + 1, (gt < 0 ? end : gt) - lt - 1);
    }

    static String utf8(byte[] d, int off, int len) {
        return new String(d, off, Math.max(0, len), StandardCharsets.UTF_8);
    }

    /** Column text of a header value: UTF-8, with CR, LF and TAB written as \\r, \\n, \\t. */
    static String escaped(byte[] d, int off, int len) {
        return utf8(d, off, len).replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    /** Column text: UTF-8, with CR, LF and TAB shown as spaces. */
    static String column(byte[] d, int off, int len) {
        return utf8(d, off, len).replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
    }
}
