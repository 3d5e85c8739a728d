package dev.dfq.engine.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal reader for tshark's PDML ({@code -T pdml}) output.
 *
 * <p>A standard XML parser cannot be used: tshark writes string values verbatim into attributes,
 * so a {@code show} attribute may contain raw CR and LF characters (e.g. {@code http.request.line}
 * shows {@code "Accept: * / *\r\n"}), which XML attribute-value normalisation would turn into
 * spaces. This reader keeps attribute text byte-exact apart from decoding the entities tshark
 * writes ({@code &amp; &lt; &gt; &quot; &#x27;} and any numeric reference).
 */
public final class Pdml {
    private Pdml() {
    }

    /** One element: its tag ({@code packet}, {@code proto}, {@code field}), attributes and children. */
    public static final class Element {
        public final String tag;
        public final Map<String, String> attrs;
        public final List<Element> children = new ArrayList<>();

        Element(String tag, Map<String, String> attrs) {
            this.tag = tag;
            this.attrs = attrs;
        }

        public String attr(String name) {
            return attrs.get(name);
        }

        @Override
        public String toString() {
            return "<" + tag + " " + attrs + ">";
        }
    }

    /** Parses a whole document and returns its {@code <packet>} elements in order. */
    public static List<Element> packets(String text) {
        Element root = parse(text);
        List<Element> packets = new ArrayList<>();
        for (Element e : root.children) {
            if (e.tag.equals("pdml")) {
                for (Element p : e.children) {
                    if (p.tag.equals("packet")) {
                        packets.add(p);
                    }
                }
            }
        }
        return packets;
    }

    /** Parses a document into a synthetic root element whose children are the top elements. */
    public static Element parse(String s) {
        Element root = new Element("#root", Map.of());
        List<Element> stack = new ArrayList<>();
        stack.add(root);
        int i = 0;
        int n = s.length();
        while (i < n) {
            int lt = s.indexOf('<', i);
            if (lt < 0) {
                break;
            }
            if (s.startsWith("<?", lt)) {
                i = end(s, s.indexOf("?>", lt), lt) + 2;
                continue;
            }
            if (s.startsWith("<!--", lt)) {
                i = end(s, s.indexOf("-->", lt), lt) + 3;
                continue;
            }
            if (s.startsWith("</", lt)) {
                int gt = end(s, s.indexOf('>', lt), lt);
                String tag = s.substring(lt + 2, gt).trim();
                Element top = stack.remove(stack.size() - 1);
                if (!top.tag.equals(tag)) {
                    throw new IllegalArgumentException("PDML: </" + tag + "> closes <" + top.tag + "> at " + lt);
                }
                i = gt + 1;
                continue;
            }
            // Start tag: name, then attributes name="value" until '>' or '/>'.
            int p = lt + 1;
            int nameStart = p;
            while (p < n && !Character.isWhitespace(s.charAt(p)) && s.charAt(p) != '>' && s.charAt(p) != '/') {
                p++;
            }
            String tag = s.substring(nameStart, p);
            Map<String, String> attrs = new LinkedHashMap<>();
            boolean selfClosing = false;
            while (true) {
                while (p < n && Character.isWhitespace(s.charAt(p))) {
                    p++;
                }
                if (p >= n) {
                    throw new IllegalArgumentException("PDML: unterminated tag at " + lt);
                }
                char c = s.charAt(p);
                if (c == '>') {
                    p++;
                    break;
                }
                if (c == '/' && p + 1 < n && s.charAt(p + 1) == '>') {
                    selfClosing = true;
                    p += 2;
                    break;
                }
                int eq = s.indexOf('=', p);
                String name = s.substring(p, eq).trim();
                int q = eq + 1;
                while (Character.isWhitespace(s.charAt(q))) {
                    q++;
                }
                char quote = s.charAt(q);
                if (quote != '"' && quote != '\'') {
                    throw new IllegalArgumentException("PDML: unquoted attribute at " + q);
                }
                int close = end(s, s.indexOf(quote, q + 1), q);
                attrs.put(name, decodeEntities(s.substring(q + 1, close)));
                p = close + 1;
            }
            Element e = new Element(tag, attrs);
            stack.get(stack.size() - 1).children.add(e);
            if (!selfClosing) {
                stack.add(e);
            }
            i = p;
        }
        if (stack.size() != 1) {
            throw new IllegalArgumentException("PDML: unclosed <" + stack.get(stack.size() - 1).tag + ">");
        }
        return root;
    }

    private static int end(String s, int found, int from) {
        if (found < 0) {
            throw new IllegalArgumentException("PDML: unterminated construct at " + from);
        }
        return found;
    }

    /** Decodes XML entities; everything else (including raw CR/LF) is kept as is. */
    public static String decodeEntities(String v) {
        int amp = v.indexOf('&');
        if (amp < 0) {
            return v;
        }
        StringBuilder sb = new StringBuilder(v.length());
        int i = 0;
        while (amp >= 0) {
            sb.append(v, i, amp);
            int semi = v.indexOf(';', amp);
            if (semi < 0) {
                throw new IllegalArgumentException("PDML: bad entity in " + v);
            }
            String ent = v.substring(amp + 1, semi);
            switch (ent) {
                case "amp" -> sb.append('&');
                case "lt" -> sb.append('<');
                case "gt" -> sb.append('>');
                case "quot" -> sb.append('"');
                case "apos" -> sb.append('\'');
                default -> {
                    if (ent.startsWith("#x") || ent.startsWith("#X")) {
                        sb.appendCodePoint(Integer.parseInt(ent.substring(2), 16));
                    } else if (ent.startsWith("#")) {
                        sb.appendCodePoint(Integer.parseInt(ent.substring(1)));
                    } else {
                        throw new IllegalArgumentException("PDML: unknown entity &" + ent + ";");
                    }
                }
            }
            i = semi + 1;
            amp = v.indexOf('&', i);
        }
        sb.append(v, i, v.length());
        return sb.toString();
    }
}
