package dev.dfq.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a rejected display filter would compile as a capture filter (BPF), in which case
 * tshark adds "Note: That read filter code looks like a valid capture filter; maybe you mixed them
 * up?". tshark asks libpcap; dfq parses the common part of libpcap's grammar: primitives
 * ({@code [src|dst] [host|net|port|portrange] value}, protocol names), relations between numbers
 * or {@code len}, combined with {@code and or not && || !} and parentheses.
 */
public final class CaptureFilterNote {
    public static final String NOTE = "  Note: That read filter code looks like a valid capture filter;\n        maybe you mixed them up?";

    private static final Set<String> PROTOCOLS = Set.of("ether", "ip", "ip6", "arp", "rarp", "tcp", "udp", "icmp",
            "icmp6", "sctp", "igmp", "vlan", "mpls", "pppoed", "pppoes", "stp", "ipx", "decnet", "atalk", "iso", "wlan");
    private static final Set<String> DIRECTIONS = Set.of("src", "dst");
    private static final Set<String> TYPES = Set.of("host", "net", "port", "portrange", "gateway");
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*([0-9a-fA-F]{1,2}(?::[0-9a-fA-F]{1,2}){5}|\\d+(?:\\.\\d+){0,3}(?:/\\d+)?(?:-\\d+)?|[A-Za-z][A-Za-z0-9_.-]*"
                    + "|&&|\\|\\||==|!=|>=|<=|[()<>=!+*/&|-])");
    private static final Set<String> RELOPS = Set.of("==", "=", "!=", ">", "<", ">=", "<=");

    private final List<String> tokens;
    private int pos;

    private CaptureFilterNote(List<String> tokens) {
        this.tokens = tokens;
    }

    public static boolean looksLikeCaptureFilter(String filter) {
        if (filter.length() > 10_000 || filter.chars().filter(c -> c == '(' || c == '!').count() > 64) {
            return false; // libpcap's parser would not take it either; and our recursion stays shallow
        }
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(filter);
        int at = 0;
        String rest = filter.strip();
        if (rest.isEmpty()) {
            return false;
        }
        while (at < filter.length() && !filter.substring(at).isBlank()) {
            if (!m.find(at) || m.start() != at) {
                return false;
            }
            tokens.add(m.group(1));
            at = m.end();
        }
        CaptureFilterNote p = new CaptureFilterNote(tokens);
        return p.expr() && p.pos == tokens.size();
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : "";
    }

    private boolean expr() {
        if (!term()) {
            return false;
        }
        while ("and".equals(peek()) || "or".equals(peek()) || "&&".equals(peek()) || "||".equals(peek())) {
            pos++;
            if (!term()) {
                return false;
            }
        }
        return true;
    }

    private boolean term() {
        String t = peek();
        if (t.isEmpty()) {
            return false;
        }
        if (t.equals("not") || t.equals("!")) {
            pos++;
            return term();
        }
        if (t.equals("(")) {
            pos++;
            if (!expr() || !")".equals(peek())) {
                return false;
            }
            pos++;
            return true;
        }
        if (isValue(t) || t.equals("len")) {
            if (!arith()) {
                return false;
            }
            if (!RELOPS.contains(peek())) {
                return false;
            }
            pos++;
            return arith();
        }
        return primitive();
    }

    /** value (op value)*, values being numbers or len. */
    private boolean arith() {
        String v = peek();
        if (v.isEmpty() || !(isValue(v) || v.equals("len"))) {
            return false;
        }
        pos++;
        while (ARITH.contains(peek())) {
            pos++;
            v = peek();
            if (v.isEmpty() || !(isValue(v) || v.equals("len"))) {
                return false;
            }
            pos++;
        }
        return true;
    }

    private static final Set<String> ARITH = Set.of("+", "-", "*", "/", "&", "|");

    private boolean primitive() {
        boolean any = false;
        if (PROTOCOLS.contains(peek())) {
            pos++;
            any = true;
        }
        if (DIRECTIONS.contains(peek())) {
            pos++;
            any = true;
        }
        if (TYPES.contains(peek())) {
            pos++;
            String v = peek();
            if (v.isEmpty() || !(isValue(v) || Character.isLetter(v.charAt(0)) && !isKeyword(v))) {
                return false;
            }
            pos++;
            return true;
        }
        if (any && !peek().isEmpty() && isValue(peek())) {
            pos++; // "src 10.0.0.1"
        }
        return any;
    }

    private static boolean isKeyword(String t) {
        return t.equals("and") || t.equals("or") || t.equals("not");
    }

    private static boolean isValue(String t) {
        return !t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.matches("[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}"));
    }
}
