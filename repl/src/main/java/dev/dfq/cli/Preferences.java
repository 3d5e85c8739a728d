package dev.dfq.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code -o PREF:VALUE} as tshark takes it. Every preference name of Wireshark 4.6.9 is known (from
 * {@code tshark -G defaultprefs}, names and defaults only), plus the {@code PROTO.tcp.port} /
 * {@code PROTO.udp.port} range preferences of protocols bound to a port, so an unknown name is the
 * same error as tshark's; the values of those that change what dfq's dissectors produce are kept.
 */
final class Preferences {
    private static final Map<String, String> DEFAULTS = loadDefaults();
    private static final Set<String> PORT_PREFS = loadPortPrefs();

    private final Map<String, String> values = new LinkedHashMap<>();
    /** Whether MAC addresses are resolved (-n, -N, nameres.mac_name, in command-line order). */
    private final boolean macNames;

    Preferences(boolean macNames) {
        this.macNames = macNames;
    }

    /** Sets one {@code name:value}; returns tshark's error text, or null when accepted. */
    String set(String option) {
        int colon = option.indexOf(':');
        if (colon <= 0) {
            return "Invalid -o flag \"" + option + "\"";
        }
        String name = option.substring(0, colon).trim();
        String value = option.substring(colon + 1).trim();
        if (!isKnown(name)) {
            return "-o flag \"" + option + "\" specifies unknown preference";
        }
        values.put(name, value);
        return null;
    }

    static boolean isKnown(String name) {
        if (DEFAULTS.containsKey(name)) {
            return true;
        }
        return PORT_PREFS.contains(name);
    }

    /** The value set with -o, else Wireshark's default, else null. */
    String get(String name) {
        String v = values.get(name);
        return v != null ? v : DEFAULTS.get(name);
    }

    boolean bool(String name) {
        String v = get(name);
        return v != null && v.equalsIgnoreCase("TRUE");
    }

    private final java.util.Set<Integer> decodeAsSmtp = new java.util.TreeSet<>();

    /**
     * {@code -d tcp.port==N[-M],smtp}: decode that TCP port as SMTP; returns tshark's error text, or
     * null. Other protocols are accepted by tshark but have no dissector in dfq: an error here.
     */
    String decodeAs(String spec) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("tcp\\.port==(\\d+)(?:-(\\d+))?,(\\S+)").matcher(spec.trim());
        if (!m.matches()) {
            return "\"" + spec + "\" isn't a valid decode-as specification (tcp.port==N,smtp)";
        }
        if (!m.group(3).equals("smtp")) {
            return "dfq decodes only smtp with -d, not \"" + m.group(3) + "\"";
        }
        int lo = Integer.parseInt(m.group(1));
        int hi = m.group(2) == null ? lo : Integer.parseInt(m.group(2));
        if (lo > 65535 || hi > 65535 || hi < lo) {
            return "\"" + spec + "\" isn't a valid decode-as specification (port out of range)";
        }
        for (int p = lo; p <= hi; p++) {
            decodeAsSmtp.add(p);
        }
        return null;
    }

    /** The SMTP dissector's preferences: smtp.tcp.port, smtp.desegment_lines/data, smtp.decryption, -d. */
    dev.dfq.fields.mail.SmtpPrefs smtpPrefs() {
        dev.dfq.fields.mail.SmtpPrefs p = dev.dfq.fields.mail.SmtpPrefs.defaults();
        java.util.Set<Integer> ports = new java.util.TreeSet<>(p.ports());
        String portPref = values.get("smtp.tcp.port");
        if (portPref != null) {
            java.util.Set<Integer> set = new java.util.TreeSet<>();
            for (String part : portPref.split(",")) {
                String t = part.trim();
                if (t.contains("-")) {
                    String[] r = t.split("-");
                    for (int x = Integer.parseInt(r[0].trim()); x <= Integer.parseInt(r[1].trim()); x++) {
                        set.add(x);
                    }
                } else if (!t.isEmpty()) {
                    set.add(Integer.parseInt(t));
                }
            }
            ports = set;
        }
        ports.addAll(decodeAsSmtp);
        return new dev.dfq.fields.mail.SmtpPrefs(ports, boolOr("smtp.desegment_lines", p.desegmentLines()),
                boolOr("smtp.desegment_data", p.desegmentData()), boolOr("smtp.decryption", p.decryption()));
    }

    /**
     * The TCP/IP/UDP preferences: tcp.relative_sequence_numbers (which needs
     * tcp.analyze_sequence_numbers, as in Wireshark), tcp.desegment_tcp_streams, the *.check_checksum ones and
     * ip.defragment / ipv6.defragment.
     */
    dev.dfq.fields.dissect.LowerPrefs lowerPrefs() {
        dev.dfq.fields.dissect.LowerPrefs p = dev.dfq.fields.dissect.LowerPrefs.defaults();
        boolean analyze = boolOr("tcp.analyze_sequence_numbers", p.tcpAnalyzeSeq());
        boolean relative = boolOr("tcp.relative_sequence_numbers", p.tcpRelativeSeq()) && analyze;
        return new dev.dfq.fields.dissect.LowerPrefs(relative, boolOr("tcp.check_checksum", p.tcpCheckChecksum()),
                boolOr("ip.check_checksum", p.ipCheckChecksum()), boolOr("udp.check_checksum", p.udpCheckChecksum()),
                boolOr("tcp.desegment_tcp_streams", p.tcpDesegment()), analyze,
                boolOr("ip.defragment", p.ipDefragment()), boolOr("ipv6.defragment", p.ipv6Defragment()), macNames);
    }

    private boolean boolOr(String name, boolean dflt) {
        String v = values.get(name);
        return v == null ? dflt : v.equalsIgnoreCase("TRUE"); // as Wireshark: "1" is false
    }

    Map<String, String> explicit() {
        return Collections.unmodifiableMap(values);
    }

    static Set<String> names() {
        return new TreeSet<>(DEFAULTS.keySet());
    }

    /** PROTO.tcp.port / PROTO.udp.port for the protocols bound to a port ({@code -G decodes}). */
    private static Set<String> loadPortPrefs() {
        Set<String> names = new java.util.HashSet<>();
        try (InputStream in = Preferences.class.getResourceAsStream("wireshark-4.6.9-port-prefs.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing port preference list resource");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    names.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read port preference list", e);
        }
        return Set.copyOf(names);
    }

    private static Map<String, String> loadDefaults() {
        Map<String, String> m = new HashMap<>();
        try (InputStream in = Preferences.class.getResourceAsStream("wireshark-4.6.9-prefs.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing preference list resource");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    m.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read preference list", e);
        }
        return Map.copyOf(m);
    }
}
