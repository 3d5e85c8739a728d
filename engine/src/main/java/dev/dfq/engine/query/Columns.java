package dev.dfq.engine.query;

import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import dev.dfq.fields.resolve.MacNames;
import dev.dfq.fields.resolve.ServiceNames;
import java.util.Locale;

/**
 * tshark's default one-line summary: No., Time (relative), Source, Destination, Protocol, Length,
 * Info. Info is tshark's text for TCP segments and UDP datagrams; for application protocols dfq
 * does not dissect yet, the TCP line is shown.
 */
public final class Columns {
    private final int frameNumber;
    private final int timeRelative;
    private final int frameLen;
    private final int ipSrc;
    private final int ipDst;
    private final int ipv6Src;
    private final int ipv6Dst;
    private final int ethSrc;
    private final int ethDst;
    private final int sllSrcEth;
    private final int tcpSrc;
    private final int tcpDst;
    private final int tcpFlags;
    private final int tcpSeq;
    private final int tcpAck;
    private final int tcpWin;
    private final int tcpLen;
    private final int mss;
    private final int wscale;
    private final int wsMultiplier;
    private final int tsval;
    private final int tsecr;
    private final int tcpOptions;
    private final int sackLe;
    private final int sackRe;
    private final int udpSrc;
    private final int udpDst;
    private final int udpLength;
    private final int tcpChecksumStatus;
    private final int arpOpcode;
    private final int arpSrcMac;
    private final int arpSrcIp;
    private final int arpDstIp;
    private final int udpChecksumStatus;
    private final int udpLengthBad;
    private final int tcp;
    private final int udp;
    private final int frameProtocols;
    private final int frameTime;
    private final int frameDelta;
    private final TcpInfoPrefix analysis;
    private String timeFormat = "r";
    private long lastDisplayed = Long.MIN_VALUE;
    private boolean macNames = true;
    private boolean portNames;

    /**
     * Name resolution as tshark's -n / -N: with MAC names (the default) the address columns of frames
     * without IP name the MAC addresses; with port names (-N t) TCP and UDP ports in Info read
     * {@code smtp(25)}.
     */
    public Columns names(boolean mac, boolean ports) {
        this.macNames = mac;
        this.portNames = ports;
        return this;
    }

    /** The formats of tshark's -t. */
    public static final java.util.Set<String> TIME_FORMATS = java.util.Set.of("a", "ad", "adoy", "d", "dd", "e", "r", "u",
            "ud", "udoy");

    /** tshark's -t: how the Time column shows time (relative by default). */
    public Columns timeFormat(String format) {
        this.timeFormat = format;
        return this;
    }

    public Columns(FieldRegistry r) {
        frameNumber = id(r, "frame.number");
        timeRelative = id(r, "frame.time_relative");
        frameLen = id(r, "frame.len");
        ipSrc = id(r, "ip.src");
        ipDst = id(r, "ip.dst");
        ipv6Src = id(r, "ipv6.src");
        ipv6Dst = id(r, "ipv6.dst");
        ethSrc = id(r, "eth.src");
        ethDst = id(r, "eth.dst");
        sllSrcEth = id(r, "sll.src.eth");
        tcpSrc = id(r, "tcp.srcport");
        tcpDst = id(r, "tcp.dstport");
        tcpFlags = id(r, "tcp.flags");
        tcpSeq = id(r, "tcp.seq");
        tcpAck = id(r, "tcp.ack");
        tcpWin = id(r, "tcp.window_size");
        tcpLen = id(r, "tcp.len");
        mss = id(r, "tcp.options.mss_val");
        wscale = id(r, "tcp.options.wscale.shift");
        wsMultiplier = id(r, "tcp.options.wscale.multiplier");
        tsval = id(r, "tcp.options.timestamp.tsval");
        tsecr = id(r, "tcp.options.timestamp.tsecr");
        tcpOptions = id(r, "tcp.options");
        sackLe = id(r, "tcp.options.sack_le");
        sackRe = id(r, "tcp.options.sack_re");
        udpSrc = id(r, "udp.srcport");
        udpDst = id(r, "udp.dstport");
        udpLength = id(r, "udp.length");
        tcpChecksumStatus = id(r, "tcp.checksum.status");
        arpOpcode = id(r, "arp.opcode");
        arpSrcMac = id(r, "arp.src.hw_mac");
        arpSrcIp = id(r, "arp.src.proto_ipv4");
        arpDstIp = id(r, "arp.dst.proto_ipv4");
        udpChecksumStatus = id(r, "udp.checksum.status");
        udpLengthBad = id(r, "udp.length.bad");
        tcp = id(r, "tcp");
        udp = id(r, "udp");
        frameProtocols = id(r, "frame.protocols");
        frameTime = id(r, "frame.time");
        frameDelta = id(r, "frame.time_delta");
        analysis = new TcpInfoPrefix(r);
    }

    static int id(FieldRegistry r, String name) {
        return r.byName(name).orElseThrow().id();
    }

    /** The fields the summary line reads (dissection must produce them). */
    public int[] fields() {
        int[] own = {frameNumber, timeRelative, frameLen, ipSrc, ipDst, ipv6Src, ipv6Dst, ethSrc, ethDst, sllSrcEth, tcpSrc,
            tcpDst, tcpFlags, tcpSeq, tcpAck, tcpWin, tcpLen, mss, wscale, wsMultiplier, tsval, tsecr, tcpOptions, sackLe, sackRe, udpSrc,
            udpDst, udpLength, tcp, udp, frameProtocols, frameTime, frameDelta, tcpChecksumStatus, udpChecksumStatus, udpLengthBad, arpOpcode, arpSrcMac, arpSrcIp, arpDstIp};
        int[] notes = analysis.fields();
        int[] all = java.util.Arrays.copyOf(own, own.length + notes.length);
        System.arraycopy(notes, 0, all, own.length, notes.length);
        return all;
    }

    public String line(FieldStore s) {
        return line(s, null, null, 0);
    }

    /** Indexes of {@link #cells}: tshark's default columns, in order. */
    public static final int NUMBER = 0;
    public static final int TIME = 1;
    public static final int SOURCE = 2;
    public static final int DESTINATION = 3;
    public static final int PROTOCOL = 4;
    public static final int LENGTH = 5;
    public static final int INFO = 6;

    /**
     * The summary line; {@code protocol}/{@code info}, when not null, are the mail dissectors' columns;
     * {@code reassembledIn}, when not 0, the frame of the TCP line's "[TCP PDU reassembled in N]".
     */
    public String line(FieldStore s, String mailProtocol, String mailInfo, int reassembledIn) {
        String[] c = cells(s, mailProtocol, mailInfo, reassembledIn, true);
        StringBuilder sb = new StringBuilder(128);
        // String.format was half of a whole run's time with text output: the columns are padded by hand
        padLeft(sb, c[NUMBER], 5);
        padLeft(sb.append(' '), c[TIME], 10);
        // tshark pads the address columns to 12 characters: source to the right, destination to the left
        padLeft(sb.append(' '), c[SOURCE], 12).append(" \u2192 ");
        padRight(sb, c[DESTINATION], 12);
        return sb.append(' ').append(c[PROTOCOL]).append(' ').append(c[LENGTH]).append(' ').append(c[INFO]).toString();
    }

    /**
     * The seven columns' text, unpadded (as the {@code _ws.col.*} fields hold it). {@code displayed}
     * says whether this frame is being shown, which moves the "previous displayed frame" of -t dd.
     */
    public String[] cells(FieldStore s, String mailProtocol, String mailInfo, int reassembledIn, boolean displayed) {
        String[] c = new String[7];
        c[NUMBER] = Long.toString(num(s, frameNumber));
        c[TIME] = timeColumn(s, displayed);
        String src;
        String dst;
        if (s.has(ipSrc)) {
            src = dev.dfq.engine.vm.ValueText.ipv4(num(s, ipSrc), -1);
            dst = dev.dfq.engine.vm.ValueText.ipv4(num(s, ipDst), -1);
        } else if (s.has(ipv6Src)) {
            src = dev.dfq.engine.vm.ValueText.ipv6(s.valueBytes(s.first(ipv6Src)), -1);
            dst = dev.dfq.engine.vm.ValueText.ipv6(s.valueBytes(s.first(ipv6Dst)), -1);
        } else if (s.has(ethSrc)) {
            src = macColumn(s.valueBytes(s.first(ethSrc)));
            dst = macColumn(s.valueBytes(s.first(ethDst)));
        } else if (s.has(sllSrcEth)) {
            src = macColumn(s.valueBytes(s.first(sllSrcEth))); // a cooked header has no destination
            dst = "";
        } else {
            src = "";
            dst = "";
        }
        c[SOURCE] = src;
        c[DESTINATION] = dst;
        c[PROTOCOL] = mailProtocol != null ? mailProtocol : protocol(s);
        c[LENGTH] = Long.toString(num(s, frameLen));
        StringBuilder sb = new StringBuilder(96);
        if (mailProtocol != null && mailInfo != null) {
            analysis.append(s, sb);
            sb.append(mailInfo);
        } else if (s.has(tcp)) {
            tcpInfo(s, sb);
            if (reassembledIn != 0) {
                sb.append(" [TCP PDU reassembled in ").append(reassembledIn).append(']');
            }
        } else if (s.has(arpOpcode)) {
            arpInfo(s, sb);
        } else if (s.has(udp)) {
            long ulen = num(s, udpLength);
            sb.append(udpPort(num(s, udpSrc))).append(" \u2192 ").append(udpPort(num(s, udpDst)));
            if (s.has(udpLengthBad)) {
                if (ulen < 8) {
                    c[INFO] = sb.append(" [BAD UDP LENGTH ").append(ulen).append(" < 8]").toString();
                    return c;
                }
                sb.append(" [BAD UDP LENGTH ").append(ulen).append(" > IP PAYLOAD LENGTH]");
            }
            sb.append(" Len=").append(Math.max(0, ulen - 8));
            long status = s.has(udpChecksumStatus) ? num(s, udpChecksumStatus) : -1;
            if (status == 0) {
                sb.append(" [UDP CHECKSUM INCORRECT]");
            } else if (status == 4) {
                sb.append(" [ILLEGAL CHECKSUM (0)]");
            }
        }
        c[INFO] = sb.toString();
        return c;
    }

    /** A MAC address in the Source or Destination column: its name when MAC names are on. */
    private String macColumn(byte[] mac) {
        return macNames ? MacNames.get().name(MacNames.mac(mac, 0)) : hex(mac);
    }

    /** A TCP port in Info: "name(port)" when port names are on and the port has one. */
    private String tcpPort(long port) {
        return portNames ? ServiceNames.withPort(ServiceNames.get().tcp((int) port), (int) port) : Long.toString(port);
    }

    /** A UDP port in Info, likewise. */
    private String udpPort(long port) {
        return portNames ? ServiceNames.withPort(ServiceNames.get().udp((int) port), (int) port) : Long.toString(port);
    }

    /** ARP's Info for requests and replies, as tshark writes it (other opcodes: none yet). */
    private void arpInfo(FieldStore s, StringBuilder sb) {
        long op = num(s, arpOpcode);
        String spa = dev.dfq.engine.vm.ValueText.ipv4(num(s, arpSrcIp), -1);
        if (op == 1) {
            sb.append("Who has ").append(dev.dfq.engine.vm.ValueText.ipv4(num(s, arpDstIp), -1)).append("? Tell ").append(spa);
        } else if (op == 2 && s.has(arpSrcMac)) {
            sb.append(spa).append(" is at ").append(hex(s.valueBytes(s.first(arpSrcMac))));
        }
    }

    private String protocol(FieldStore s) {
        if (!s.has(frameProtocols)) {
            return "";
        }
        String p = new String(s.valueBytes(s.first(frameProtocols)), java.nio.charset.StandardCharsets.US_ASCII);
        String last = p.substring(p.lastIndexOf(':') + 1);
        return switch (last) {
            case "data" -> s.has(tcp) ? "TCP" : s.has(udp) ? "UDP" : "DATA";
            case "ethertype" -> "ETHERTYPE";
            default -> last.toUpperCase(Locale.ROOT);
        };
    }

    private void tcpInfo(FieldStore s, StringBuilder sb) {
        analysis.append(s, sb);
        sb.append(tcpPort(num(s, tcpSrc))).append(" \u2192 ").append(tcpPort(num(s, tcpDst))).append(' ');
        long flags = num(s, tcpFlags);
        String[] names = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};
        StringBuilder f = new StringBuilder();
        int[] order = {1, 0, 2, 3, 4, 5, 6, 7, 8};
        for (int bit : order) {
            if ((flags & (1L << bit)) != 0) {
                f.append(f.length() == 0 ? "" : ", ").append(names[bit]);
            }
        }
        if (f.length() > 0) {
            sb.append('[').append(f).append("] ");
        }
        sb.append("Seq=").append(num(s, tcpSeq));
        if ((flags & 0x10) != 0) {
            sb.append(" Ack=").append(num(s, tcpAck));
        }
        sb.append(" Win=").append(num(s, tcpWin));
        if (s.has(tcpChecksumStatus) && num(s, tcpChecksumStatus) == 0) {
            sb.append(" [TCP CHECKSUM INCORRECT]"); // tcp.check_checksum on: tshark puts it before Len
        }
        if (s.has(tcpLen)) { // absent for a first fragment dissected alone, as in tshark
            sb.append(" Len=").append(num(s, tcpLen));
        }
        if (s.has(tcpOptions)) {
            options(s, sb, s.valueBytes(s.first(tcpOptions)));
        }
    }

    /** MSS, WS, SACK_PERM, TSval/TSecr and SACK blocks (SLE/SRE, relative), in the order the options come. */
    private void options(FieldStore s, StringBuilder sb, byte[] o) {
        int le = s.first(sackLe);
        int re = s.first(sackRe);
        for (int i = 0; i + 1 < o.length; ) {
            int kind = o[i] & 0xff;
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                i++;
                continue;
            }
            if (kind == 2 && s.has(mss)) {
                sb.append(" MSS=").append(num(s, mss));
            } else if (kind == 3 && s.has(wsMultiplier)) {
                sb.append(" WS=").append(num(s, wsMultiplier));
            } else if (kind == 4) {
                sb.append(" SACK_PERM");
            } else if (kind == 8 && s.has(tsval)) {
                sb.append(" TSval=").append(num(s, tsval)).append(" TSecr=").append(num(s, tsecr));
            } else if (kind == 5) {
                for (int b = 0; b < ((o[i + 1] & 0xff) - 2) / 8 && le >= 0 && re >= 0; b++) {
                    sb.append(" SLE=").append(s.num(le)).append(" SRE=").append(s.num(re));
                    le = s.next(le);
                    re = s.next(re);
                }
            }
            i += Math.max(2, o[i + 1] & 0xff);
        }
    }

    private String timeColumn(FieldStore s, boolean displayed) {
        long t = num(s, frameTime);
        long previous = lastDisplayed;
        if (displayed) {
            lastDisplayed = t;
        }
        switch (timeFormat) {
            case "d":
                return s.has(frameDelta) ? relTime(num(s, frameDelta)) : "";
            case "dd":
                return previous == Long.MIN_VALUE ? "" : relTime(t - previous);
            case "r":
                return relTime(num(s, timeRelative));
            default:
                break;
        }
        java.time.ZoneId zone = timeFormat.startsWith("u") ? java.time.ZoneOffset.UTC : java.time.ZoneId.systemDefault();
        java.time.ZonedDateTime z = java.time.Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L),
                Math.floorMod(t, 1_000_000_000L)).atZone(zone);
        String clock = String.format(Locale.ROOT, "%02d:%02d:%02d.%06d", z.getHour(), z.getMinute(), z.getSecond(),
                z.getNano() / 1000);
        String utc = timeFormat.startsWith("u") && timeFormat.length() > 1 ? "Z" : "";
        return switch (timeFormat) {
            case "a", "u" -> clock;
            case "ad", "ud" -> String.format(Locale.ROOT, "%04d-%02d-%02d ", z.getYear(), z.getMonthValue(), z.getDayOfMonth())
                    + clock + utc;
            case "adoy", "udoy" -> String.format(Locale.ROOT, "%04d/%03d ", z.getYear(), z.getDayOfYear()) + clock + utc;
            case "e" -> String.format(Locale.ROOT, "%d.%06d", Math.floorDiv(t, 1_000_000_000L),
                    Math.floorMod(t, 1_000_000_000L) / 1000);
            default -> relTime(num(s, timeRelative));
        };
    }

    private static long num(FieldStore s, int id) {
        int occ = s.first(id);
        return occ < 0 ? 0 : s.num(occ);
    }

    /** Seconds with six decimals, as "%.6f" prints them (which stays the rule for sub-microsecond values). */
    static String relTime(long ns) {
        if (ns % 1000 != 0 || ns == Long.MIN_VALUE) {
            return String.format(Locale.ROOT, "%.6f", ns / 1e9);
        }
        long us = Math.abs(ns / 1000);
        StringBuilder b = new StringBuilder(16);
        if (ns < 0) {
            b.append('-');
        }
        String frac = Long.toString(us % 1_000_000);
        b.append(us / 1_000_000).append('.');
        for (int i = frac.length(); i < 6; i++) {
            b.append('0');
        }
        return b.append(frac).toString();
    }

    private static StringBuilder padLeft(StringBuilder sb, String text, int width) {
        for (int i = text.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb.append(text);
    }

    private static StringBuilder padRight(StringBuilder sb, String text, int width) {
        sb.append(text);
        for (int i = text.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        for (int i = 0; i < b.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return sb.toString();
    }
}
