package dev.dfq.fields.mail;

import dev.dfq.fields.FieldStore;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MIME multipart bodies (RFC 2046 5.1), as Wireshark 4.6.9's mime_multipart dissector shows them.
 *
 * <pre>
 *   body      = [preamble CRLF] "--" boundary CRLF part *(CRLF "--" boundary CRLF part)
 *               CRLF "--" boundary "--" CRLF [trailer]
 *   part      = *(header CRLF) CRLF content
 * </pre>
 *
 * <p>Boundaries include the CRLF before them and the rest of their line after. Part headers are
 * unfolded and compacted (no blanks around {@code : ; , =}); nine names become fields. A part goes
 * to data when its type is application/octet-stream or absent, else to its media dissector, else to
 * media.
 */
final class MultipartDissector {
    private static final Set<String> TYPES = Set.of("multipart/mixed", "multipart/related",
            "multipart/alternative", "multipart/form-data", "multipart/report", "multipart/signed",
            "multipart/encrypted", "multipart/");

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("content-description", "mime_multipart.header.content-description"),
            Map.entry("content-disposition", "mime_multipart.header.content-disposition"),
            Map.entry("content-encoding", "mime_multipart.header.content-encoding"),
            Map.entry("e", "mime_multipart.header.content-encoding"),
            Map.entry("content-id", "mime_multipart.header.content-id"),
            Map.entry("content-language", "mime_multipart.header.content-language"),
            Map.entry("content-length", "mime_multipart.header.content-length"),
            Map.entry("l", "mime_multipart.header.content-length"),
            Map.entry("content-transfer-encoding", "mime_multipart.header.content-transfer-encoding"),
            Map.entry("content-type", "mime_multipart.header.content-type"),
            Map.entry("c", "mime_multipart.header.content-type"),
            Map.entry("originalcontent", "mime_multipart.header.originalcontent"));

    private final MailFields f;
    private final ImfDissector imf;

    MultipartDissector(MailFields f, ImfDissector imf) {
        this.f = f;
        this.imf = imf;
    }

    static boolean handles(String lowerType) {
        return TYPES.contains(lowerType);
    }

    void dissect(MailContext ctx, int src, int off, int len, String type, String params, int parent) {
        FieldStore st = ctx.store();
        byte[] d = st.sourceData(src);
        int max = off + len;
        int layer = ctx.enter(MailContext.P_MULTIPART, "mime_multipart");
        int top = Emit.raw(st, f.multipart, layer, parent, src, off, len);
        if (top >= 0 && max < st.sourceLength(src)) {
            st.setValue(top, max, null);
        }
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        Emit.stringValue(st, f.mpType, layer, top, src, off, 0, typeBytes);
        String boundary = boundary(params);
        if (boundary == null) {
            // tshark reports the missing boundary as an expert note without a filterable item.
            TextLines.data(ctx, f, src, off, len, top);
            return;
        }
        byte[] dash = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int first = firstBoundary(d, off, max, dash);
        if (first < 0) {
            return;
        }
        if (first > off) {
            Emit.raw(st, f.mpPreamble, layer, top, src, off, first - off);
        }
        int[] next = new int[1];
        Lines.lineEnd(d, first, max, false, next);
        Emit.string(st, f.mpFirstBoundary, layer, top, src, first, next[0] - first);
        int partStart = next[0];
        byte[] delim = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        while (partStart < max) {
            int b = Lines.indexOf(d, partStart, max, delim);
            int partEnd = b < 0 ? max : b;
            part(ctx, src, d, partStart, partEnd, layer, top);
            if (b < 0) {
                return;
            }
            Lines.lineEnd(d, b + 2, max, false, next);
            boolean closing = Lines.startsWith(d, b + delim.length, max, "--");
            Emit.string(st, closing ? f.mpLastBoundary : f.mpBoundary, layer, top, src, b, next[0] - b);
            if (closing) {
                if (next[0] < max) {
                    Emit.raw(st, f.mpTrailer, layer, top, src, next[0], max - next[0]);
                }
                return;
            }
            partStart = next[0];
        }
    }

    private static int firstBoundary(byte[] d, int off, int max, byte[] dash) {
        int from = off;
        while (true) {
            int i = Lines.indexOf(d, from, max, dash);
            if (i < 0 || i == off || d[i - 1] == '\n') {
                return i;
            }
            from = i + 1;
        }
    }

    private void part(MailContext ctx, int src, byte[] d, int start, int end, int layer, int top) {
        FieldStore st = ctx.store();
        int item = Emit.stringValue(st, f.mpPart, layer, top, src, start, end - start, new byte[0]);
        String ctype = null;
        int o = start;
        boolean[] last = {false};
        while (o < end) {
            if (Lines.startsWith(d, o, end, "\r\n")) {
                break; // no header line: the empty line is the body's first, as in Wireshark
            }
            int colon = Lines.indexOf(d, o, end, (byte) ':');
            int lineEnd = ImfDissector.fieldEnd(d, o, end, last);
            if (colon < 0 || colon > lineEnd) {
                break;
            }
            String name = new String(d, o, colon - o, StandardCharsets.ISO_8859_1).trim().toLowerCase(Locale.ROOT);
            String value = compact(new String(d, colon + 1, Math.max(0, lineEnd - colon - 1),
                    StandardCharsets.ISO_8859_1));
            String abbrev = HEADERS.get(name);
            // The last header's item also covers the empty line that ends the headers.
            int hlen = lineEnd - o + (last[0] && Lines.startsWith(d, lineEnd, end, "\r\n") ? 2 : 0);
            if (abbrev == null && item >= 0 && f.textItems()) {
                // a header of another name is a text item: its raw lines
                st.addText(item, ItemLabel.of(FormatText.of(d, o, hlen)));
            }
            if (abbrev != null) {
                byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
                Emit.stringValue(st, f.id(abbrev), layer, item, src, o, hlen, v);
                if (abbrev.endsWith("content-type")) {
                    ctype = value;
                }
            }
            o = lineEnd;
            if (last[0]) {
                if (Lines.startsWith(d, o, end, "\r\n")) {
                    o += 2;
                }
                break;
            }
        }
        int bodyLen = Math.max(0, end - o);
        int under = item >= 0 ? item : top; // the body's protocol sits under its part
        if (ctype == null) {
            TextLines.data(ctx, f, src, o, bodyLen, under);
            return;
        }
        int semi = ctype.indexOf(';');
        String t = semi < 0 ? ctype : ctype.substring(0, semi);
        String params = semi < 0 ? "" : ctype.substring(semi + 1);
        if (t.toLowerCase(Locale.ROOT).startsWith("application/octet-stream")) {
            TextLines.data(ctx, f, src, o, bodyLen, under);
        } else if (!imf.dispatchMedia(ctx, src, o, bodyLen, t, params, under)) {
            TextLines.media(ctx, f, src, o, bodyLen, t, under);
        }
    }

    /** Unfolds and compacts a header value: CRLF and blank runs to one space, none around : ; , =. */
    static String compact(String v) {
        StringBuilder b = new StringBuilder(v.length());
        boolean quoted = false;
        boolean pendingSpace = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (quoted) {
                b.append(c);
                if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pendingSpace = true;
                continue;
            }
            boolean sep = c == ':' || c == ';' || c == ',' || c == '=';
            if (pendingSpace && b.length() > 0 && !sep && !isSep(b.charAt(b.length() - 1))) {
                b.append(' ');
            }
            pendingSpace = false;
            b.append(c);
            if (c == '"') {
                quoted = true;
            }
        }
        return b.toString();
    }

    private static boolean isSep(char c) {
        return c == ':' || c == ';' || c == ',' || c == '=';
    }

    /** The boundary parameter, unquoted, or null. */
    static String boundary(String params) {
        String p = compact(params);
        String lower = p.toLowerCase(Locale.ROOT);
        int i = 0;
        while ((i = lower.indexOf("boundary=", i)) >= 0) {
            if (i == 0 || lower.charAt(i - 1) == ';') {
                int s = i + 9;
                if (s < p.length() && p.charAt(s) == '"') {
                    int e = p.indexOf('"', s + 1);
                    return e < 0 ? p.substring(s + 1) : p.substring(s + 1, e);
                }
                int e = p.indexOf(';', s);
                return e < 0 ? p.substring(s) : p.substring(s, e);
            }
            i++;
        }
        return null;
    }
}
