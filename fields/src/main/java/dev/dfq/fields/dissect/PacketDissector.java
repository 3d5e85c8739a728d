package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldDef;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Dissects frames into a {@link FieldStore}: frame, link layer (Ethernet II with 802.1Q/802.1ad
 * tags, Linux cooked v1/v2, BSD null/loopback, raw IP), IPv4, IPv6, TCP, UDP, with Wireshark 4.6's
 * field names and values. Lazy: given the fields a query needs, it adds only those and stops
 * descending once nothing deeper is needed; TCP conversation state (stream index, relative
 * sequence numbers) is kept for every TCP segment whenever any TCP field is needed, since it
 * depends on every earlier segment. Malformed or cut-short headers end dissection of that frame
 * quietly, never with an exception.
 *
 * <p>One instance per capture, frames in order; not thread-safe.
 */
public final class PacketDissector {
    /** How deep dissection must go. */
    private static final int LEVEL_FRAME = 0;
    private static final int LEVEL_LINK = 1;
    private static final int LEVEL_NETWORK = 2;
    private static final int LEVEL_TRANSPORT = 3;
    /** Mail (smtp, imf, mime_multipart, tls...) above TCP. */
    private static final int LEVEL_APPLICATION = 4;

    private final F f;
    private final BitSet wanted;
    private final int level;
    private final FrameLayer frame;
    private final NetworkLayers network;
    private final Layers layers;

    /**
     * @param needed ids of the fields to produce; null for every field dfq dissects
     */
    public PacketDissector(FieldRegistry registry, int[] needed) {
        this(registry, needed, dev.dfq.fields.mail.SmtpPrefs.defaults());
    }

    /** @param smtpPrefs SMTP preferences (ports, desegmentation, smtp.decryption) */
    public PacketDissector(FieldRegistry registry, int[] needed, dev.dfq.fields.mail.SmtpPrefs smtpPrefs) {
        this(registry, needed, smtpPrefs, null);
    }

    /**
     * What two passes over a capture share (tshark -2): the SMTP dissector with its two-pass state
     * and the SMTP sessions by TCP stream. Make one, then a dissector for each pass.
     */
    public static final class TwoPass {
        final dev.dfq.fields.mail.SmtpDissector smtp;
        final java.util.Map<Integer, dev.dfq.fields.mail.SmtpSession> sessions = new HashMap<>();
        /** Each TCP stream's final tcp.completeness and initial RTT, from the first pass. */
        final java.util.Map<Integer, long[]> completeness = new HashMap<>();
        /** The frame completing each multi-segment PDU, by each earlier frame of it, from the first pass. */
        final java.util.Map<Integer, Integer> reassembledIn = new HashMap<>();
        /** The frame completing each IP fragment's datagram, from the first pass. */
        final java.util.Map<Integer, Integer> ipReassembledIn = new HashMap<>();
        /** Each TCP stream's two directions (their sequence ranges seen), from the first pass. */
        final java.util.Map<Integer, Object> tcpDirections = new HashMap<>();
        /** The reply of each ICMP echo request, from the first pass. */
        final java.util.Map<Integer, Integer> echoReplies = new HashMap<>();
        boolean firstDone;

        public TwoPass(FieldRegistry registry, dev.dfq.fields.mail.SmtpPrefs prefs) {
            this(registry, prefs, null);
        }

        /** @param needed the fields either pass reads (null: all), as for {@link PacketDissector} */
        public TwoPass(FieldRegistry registry, dev.dfq.fields.mail.SmtpPrefs prefs, int[] needed) {
            this.smtp = new dev.dfq.fields.mail.SmtpDissector(registry, prefs, true, wantedMail(needed));
        }
    }

    /** @param twoPass null for one pass; else the shared state, first call = first pass, second = second pass */
    public PacketDissector(FieldRegistry registry, int[] needed, dev.dfq.fields.mail.SmtpPrefs smtpPrefs,
                           TwoPass twoPass) {
        this(registry, needed, smtpPrefs, twoPass, LowerPrefs.defaults());
    }

    /** @param lowerPrefs the TCP/IP/UDP preferences (relative sequence numbers, checksum checks) */
    public PacketDissector(FieldRegistry registry, int[] needed, dev.dfq.fields.mail.SmtpPrefs smtpPrefs,
                           TwoPass twoPass, LowerPrefs lowerPrefs) {
        this.f = new F(new Ids(registry));
        BitSet w = new BitSet(registry.size());
        int deepest = LEVEL_FRAME;
        if (needed == null) {
            w.set(0, registry.size());
            deepest = LEVEL_APPLICATION;
        } else {
            for (int id : needed) {
                w.set(id);
                deepest = Math.max(deepest, levelOf(registry, registry.byId(id)));
            }
            if (w.get(registry.byName("frame.protocols").orElseThrow().id())) {
                deepest = LEVEL_APPLICATION; // frame.protocols names every layer
            }
        }
        this.wanted = w;
        this.level = deepest;
        this.layers = new Layers(w.get(registry.byName("frame.protocols").orElseThrow().id()));
        this.frame = new FrameLayer(f, w);
        boolean mailNeeded = needed == null || deepest > LEVEL_TRANSPORT;
        boolean secondPass = twoPass != null && twoPass.firstDone;
        MailHandoff mail = null;
        if (mailNeeded) {
            if (twoPass == null) {
                mail = new MailHandoff(registry, smtpPrefs, wantedMail(needed));
            } else {
                mail = new MailHandoff(twoPass.smtp, registry, !secondPass, twoPass.sessions, twoPass.reassembledIn);
            }
        }
        if (mail != null) {
            mail.segmentItems(f, w);
        }
        if (twoPass != null) {
            twoPass.firstDone = true;
        }
        TcpCompleteness completeness = new TcpCompleteness(f, w, twoPass == null ? null : twoPass.completeness, secondPass,
                twoPass == null ? null : twoPass.tcpDirections);
        IpFragments fragments = twoPass == null ? new IpFragments()
                : new IpFragments(twoPass.ipReassembledIn, !secondPass);
        Icmp icmp = new Icmp(f, w, registry, twoPass == null ? null : twoPass.echoReplies, secondPass);
        Icmpv6 icmpv6 = new Icmpv6(f, w, registry, twoPass == null ? null : twoPass.echoReplies, secondPass);
        this.network = new NetworkLayers(f, w, mail, lowerPrefs, completeness, fragments, icmp, icmpv6);
    }

    /** Which mail fields to add: those needed, or all (null) when every field is. */
    private static java.util.function.IntPredicate wantedMail(int[] needed) {
        if (needed == null) {
            return null;
        }
        BitSet w = new BitSet();
        for (int id : needed) {
            w.set(id);
        }
        return w::get;
    }

    private static final Map<String, Integer> LEVELS = new HashMap<>(Map.ofEntries(
            Map.entry("frame", LEVEL_FRAME), Map.entry("_ws", LEVEL_FRAME),
            Map.entry("eth", LEVEL_LINK), Map.entry("vlan", LEVEL_LINK), Map.entry("ieee8021ad", LEVEL_LINK),
            Map.entry("ieee8021ah", LEVEL_LINK), Map.entry("sll", LEVEL_LINK),
            Map.entry("null", LEVEL_LINK), Map.entry("raw", LEVEL_LINK),
            Map.entry("ip", LEVEL_NETWORK), Map.entry("ipv6", LEVEL_NETWORK), Map.entry("arp", LEVEL_NETWORK),
            Map.entry("ipv6.hopopts", LEVEL_NETWORK), Map.entry("ipv6.routing", LEVEL_NETWORK),
            Map.entry("ipv6.dstopts", LEVEL_NETWORK), Map.entry("ipv6.fraghdr", LEVEL_NETWORK),
            Map.entry("tcp", LEVEL_TRANSPORT), Map.entry("udp", LEVEL_TRANSPORT), Map.entry("icmp", LEVEL_TRANSPORT),
            Map.entry("icmpv6", LEVEL_TRANSPORT)));

    private static int levelOf(FieldRegistry registry, FieldDef def) {
        String name = def.abbrev();
        if (name.startsWith("tcp.segment") || name.startsWith("tcp.reassembled")) {
            return LEVEL_APPLICATION; // made by the reassembly the protocols above TCP ask for
        }
        String proto = registry.protocolOf(def).abbrev();
        if (proto.startsWith("ip.options.")) {
            return LEVEL_NETWORK; // each IPv4 option is a protocol of its own in Wireshark
        }
        return LEVELS.getOrDefault(proto, LEVEL_APPLICATION);
    }

    /** True when a field of this registry id can be produced by this dissector at all. */
    public boolean produces(int fieldId) {
        return f.known(fieldId);
    }

    public void dissect(FrameInfo info, FieldStore store) {
        store.reset(info.number);
        store.addSource("Frame", info.data, info.caplen);
        Layers layers = this.layers;
        layers.names.setLength(0);
        layers.count = 0;
        layers.mailProtocol = null;
        layers.mailInfo = null;
        layers.pduReassembledIn = 0;
        int frameOcc = frame.dissect(info, store);
        if (level >= LEVEL_LINK) {
            try {
                network.dissect(info, store, layers, level >= LEVEL_TRANSPORT, level >= LEVEL_NETWORK);
            } catch (IndexOutOfBoundsException | TooDeep e) {
                // a header cut short by the snap length, or too many layers: what was dissected so far stands
            }
        }
        frame.finish(info, store, frameOcc, layers);
    }

    /** Thrown when a frame has more layers than Wireshark keeps (no stack trace: it is expected). */
    static final class TooDeep extends RuntimeException {
        TooDeep() {
            super("too many protocol layers", null, false, false);
        }
    }

    /** Protocol names in the frame, for frame.protocols. */
    public static final class Layers {
        final StringBuilder names = new StringBuilder();
        private static final int MAX_LAYERS = 500;
        private static final RuntimeException TOO_DEEP = new TooDeep();
        private int count;
        /** Whether frame.protocols is read at all: if not, the names are not worth joining per frame. */
        private final boolean keep;
        /** Protocol and Info columns set by the mail dissectors for this frame, or null. */
        String mailProtocol;
        String mailInfo;
        int pduReassembledIn;

        Layers(boolean keep) {
            this.keep = keep;
        }

        /**
         * Names the next protocol layer. Wireshark keeps at most 499 layers beside the frame's (its
         * gui.max_tree_depth of 500); adding one more ends the frame's dissection there, which only a
         * capture nesting ICMP errors hundreds deep reaches.
         */
        void add(String name) {
            if (++count >= MAX_LAYERS) {
                throw TOO_DEEP;
            }
            if (!keep) {
                return;
            }
            if (names.length() > 0) {
                names.append(':');
            }
            names.append(name);
        }
    }

    /** The Protocol column text the mail dissectors set for the last frame, or null. */
    public String mailProtocolColumn() {
        return layers.mailProtocol;
    }

    /** The frame of "[TCP PDU reassembled in N]" for the last frame, or 0. */
    public int pduReassembledIn() {
        return layers.pduReassembledIn;
    }

    /** The Info column text the mail dissectors set for the last frame, or null. */
    public String mailInfoColumn() {
        return layers.mailInfo;
    }

    /** TCP conversations kept; for tests. */
    int conversationCount() {
        return network.conversationCount();
    }

    boolean wants(int id) {
        return wanted.get(id);
    }
}
