package dev.dfq.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recognizer for the common libpcap capture-filter language (primitives with qualifiers, and/or/not,
 * parentheses), used only to decide whether tshark would add its "looks like a valid capture filter"
 * note. Not a full pcap compiler: it accepts what libpcap would for typical filters.
 */
final class CaptureFilters {
    private CaptureFilters() {
    }

    private static final Set<String> DIR = Set.of("src", "dst");
    private static final Set<String> TYPE = Set.of("host", "net", "port", "portrange", "gateway");
    private static final Set<String> PROTO = Set.of("ether", "fddi", "tr", "wlan", "ip", "ip6", "arp", "rarp",
            "decnet", "tcp", "udp", "sctp", "icmp", "icmp6", "igmp", "vrrp", "ah", "esp", "pim", "stp", "ipx",
            "netbeui", "vlan", "mpls", "pppoed", "pppoes", "atalk", "aarp", "iso", "isis", "clnp", "esis", "radio");
    private static final Set<String> STANDALONE = Set.of("broadcast", "multicast", "less", "greater", "vlan", "mpls",
            "pppoed", "pppoes", "inbound", "outbound");

    static boolean looksLikeCaptureFilter(String s) {
        List<String> toks = tokenize(s);
        if (toks == null || toks.isEmpty()) {
            return false;
        }
        int[] pos = {0};
        return expr(toks, pos) && pos[0] == toks.size();
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == '!') {
                out.add(String.valueOf(c));
                i++;
            } else if (s.startsWith("&&", i) || s.startsWith("||", i)) {
                out.add(s.substring(i, i + 2));
                i += 2;
            } else {
                int j = i;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "()!&|".indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    private static boolean expr(List<String> t, int[] p) {
        if (!term(t, p)) {
            return false;
        }
        while (p[0] < t.size() && Set.of("and", "or", "&&", "||").contains(t.get(p[0]))) {
            p[0]++;
            if (!term(t, p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean term(List<String> t, int[] p) {
        if (p[0] >= t.size()) {
            return false;
        }
        String x = t.get(p[0]);
        if (x.equals("not") || x.equals("!")) {
            p[0]++;
            return term(t, p);
        }
        if (x.equals("(")) {
            p[0]++;
            if (!expr(t, p) || p[0] >= t.size() || !t.get(p[0]).equals(")")) {
                return false;
            }
            p[0]++;
            return true;
        }
        return primitive(t, p);
    }

    private static boolean primitive(List<String> t, int[] p) {
        int start = p[0];
        boolean qual = false;
        if (p[0] < t.size() && PROTO.contains(t.get(p[0]))) {
            p[0]++;
            qual = true;
        }
        if (p[0] < t.size() && DIR.contains(t.get(p[0]))) {
            p[0]++;
            qual = true;
            if (p[0] < t.size() && (t.get(p[0]).equals("or") || t.get(p[0]).equals("and"))
                    && p[0] + 1 < t.size() && DIR.contains(t.get(p[0] + 1))) {
                p[0] += 2;
            }
        }
        if (p[0] < t.size() && TYPE.contains(t.get(p[0]))) {
            p[0]++;
            if (p[0] >= t.size() || !isId(t.get(p[0]))) {
                p[0] = start;
                return false;
            }
            p[0]++;
            if (p[0] + 1 < t.size() && t.get(p[0]).equals("mask")) {
                p[0] += 2;
            }
            return true;
        }
        if (p[0] < t.size() && STANDALONE.contains(t.get(p[0]))) {
            String w = t.get(p[0]++);
            if ((w.equals("less") || w.equals("greater")) && (p[0] >= t.size() || !isId(t.get(p[0]++)))) {
                return false;
            }
            return true;
        }
        if (qual) {
            return true;
        }
        // a bare id after a previous qualified primitive ("host a or b") is allowed by libpcap
        if (p[0] < t.size() && start > 0 && isId(t.get(p[0])) && !Set.of("and", "or", "not").contains(t.get(p[0]))) {
            p[0]++;
            return true;
        }
        return false;
    }

    private static boolean isId(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> Character.isLetterOrDigit(c) || ".:-_/".indexOf(c) >= 0);
    }
}
