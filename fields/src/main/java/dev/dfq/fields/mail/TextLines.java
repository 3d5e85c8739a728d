package dev.dfq.fields.mail;

import dev.dfq.fields.FieldStore;
import java.util.Set;

/**
 * The body protocols mail hands parts to: data-text-lines (text media types, one unfilterable item
 * per line), media (the fallback for multipart parts) and data (raw bytes).
 */
final class TextLines {
    private static final Set<String> TYPES = Set.of("text/plain", "text/richtext", "text/enriched",
            "text/parameters", "text/css", "text/html", "text/dns", "text/x-dns", "text/vnd.wap.si",
            "text/vnd.wap.sl", "text/vnd.wap.co", "text/vnd.wap.emn", "text/vnd.sun.j2me.app-descriptor",
            "text/tab-separated-values", "text/x-csrc", "text/x-chdr", "text/x-c++src", "text/x-c++hdr",
            "text/x-csh", "text/x-sh", "text/vnd.ms-vhd", "application/x-www-form-urlencoded",
            "application/x-shockwave-flash", "application/x-javascript", "application/javascript",
            "text/javascript", "application/x-ns-proxy-autoconfig", "text/x-sip");

    private TextLines() {}

    static boolean handles(String lowerType) {
        return TYPES.contains(lowerType);
    }

    static void dissect(MailContext ctx, MailFields f, int src, int off, int len, String type, int parent) {
        // The media type goes to Info even for an empty body, which adds no tree item (and so no layer).
        if (type != null) {
            appendType(ctx, type);
        }
        if (len <= 0) {
            return;
        }
        lines(ctx, f, src, off, len, type.trim().toLowerCase(java.util.Locale.ROOT), parent);
    }

    /** A DATA fragment's text: data-text-lines without a media type. */
    static void fragment(MailContext ctx, MailFields f, int src, int off, int len, int parent) {
        lines(ctx, f, src, off, len, null, parent);
    }

    /**
     * data-text-lines over {@code [off, off+len)}: the protocol item, whose label (kept as its object
     * value, for -e) names the media type and counts the lines, and under it one text-only item per
     * line (line end included), labelled with the line's text as Wireshark formats it.
     */
    private static void lines(MailContext ctx, MailFields f, int src, int off, int len, String type, int parent) {
        int layer = ctx.enter(MailContext.P_TEXT, "data-text-lines");
        FieldStore st = ctx.store();
        int top = protocol(st, f.textLines, layer, parent, src, off, len);
        if (top < 0) {
            return;
        }
        byte[] d = st.sourceData(src);
        int[] next = new int[1];
        int count = 0;
        for (int o = off; o < off + len; o = next[0]) {
            Lines.lineEnd(d, o, off + len, false, next);
            count++;
            if (f.textItems()) {
                st.addText(top, ItemLabel.of(FormatText.of(d, o, next[0] - o)));
            }
        }
        st.setValue(top, st.num(top), "Line-based text data" + (type == null ? "" : ": " + type) + " (" + count + " lines)");
    }

    static void media(MailContext ctx, MailFields f, int src, int off, int len, String type, int parent) {
        if (len <= 0) {
            return;
        }
        if (type != null) {
            appendType(ctx, type);
        }
        int layer = ctx.enter(MailContext.P_MEDIA, "media");
        int top = protocol(ctx.store(), f.media, layer, parent, src, off, len);
        Emit.raw(ctx.store(), f.mediaType, layer, top, src, off, len);
    }

    static void data(MailContext ctx, MailFields f, int src, int off, int len, int parent) {
        if (len <= 0) {
            return;
        }
        int layer = ctx.enter(MailContext.P_DATA, "data");
        int top = protocol(ctx.store(), f.data, layer, parent, src, off, len);
        Emit.raw(ctx.store(), f.dataData, layer, top, src, off, len);
        Emit.uint(ctx.store(), f.dataLen, layer, top, src, off, 0, len);
    }

    /** col_append_sep_fstr(" ", "(type)"): the blank only when Info already has text. */
    private static void appendType(MailContext ctx, String type) {
        if (ctx.info().length() > 0) {
            ctx.info().append(' ');
        }
        ctx.info().append('(').append(type).append(')');
    }

    private static int protocol(FieldStore st, int id, int layer, int parent, int src, int off, int len) {
        int occ = Emit.raw(st, id, layer, parent, src, off, len);
        if (occ >= 0 && off + len < st.sourceLength(src)) {
            st.setValue(occ, off + len, null);
        }
        return occ;
    }
}
