package dev.dfq.fields.mail;

import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import dev.dfq.fields.mail.SmtpSession.Auth;
import dev.dfq.fields.mail.SmtpSession.Message;
import dev.dfq.fields.mail.SmtpSession.Pdu;
import dev.dfq.fields.mail.SmtpSession.State;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * SMTP (RFC 5321) over TCP, with pipelining (RFC 2920), CHUNKING/BDAT (RFC 3030) and AUTH (RFC 4954),
 * as Wireshark 4.6.9 shows it.
 *
 * <pre>
 *   command  = verb [SP parameter] CRLF          verb: 4 letters, or STARTTLS / X-EXPS / ...
 *   reply    = *(code "-" text CRLF) code [SP text] CRLF
 *   DATA     : 354, then message lines, then "." CRLF (dot-stuffed, RFC 5321 4.5.2)
 *   BDAT n [LAST] CRLF, then exactly n octets
 * </pre>
 *
 * <p>Direction: a payload is a request when its destination port is the SMTP port that matched.
 * Request frames are split, on their first visit, into PDUs (CMD, MESSAGE, EOM); the message of a
 * DATA or BDAT transfer is reassembled in arrival order and handed to IMF in the frame that ends it.
 * Lines end at CRLF, lone LF or lone CR. Malformed input never throws: odd lines become the fields
 * Wireshark shows for them.
 */
public final class SmtpDissector {
    /** Returned by {@link #dissect} when the first line is incomplete and TCP should add one more segment. */
    public static final int NEED_ONE_MORE_SEGMENT = -1;

    private final MailFields f;
    private final SmtpPrefs prefs;
    private final ImfDissector imf;
    private long internalErrors;
    private final boolean twoPass;
    /** Message buffers, reused: reassembly copies most of a mail capture's bytes. */
    private final MessageBuffers buffers = new MessageBuffers();

    /** A dissector for one pass over the capture: nothing is kept for a second visit. */
    public SmtpDissector(FieldRegistry registry, SmtpPrefs prefs) {
        this(registry, prefs, false);
    }

    /**
     * @param twoPass keep what a second pass needs (each request frame's PDUs, reassembled messages,
     *     which frame each fragment was reassembled in), as tshark -2 does; a single pass keeps only
     *     the message being reassembled
     */
    public SmtpDissector(FieldRegistry registry, SmtpPrefs prefs, boolean twoPass) {
        this(registry, prefs, twoPass, null);
    }

    /**
     * @param wanted the smtp/imf/mime fields the query reads (null: all); the others are not added,
     *     though every layer is still dissected, since what a layer finds steers the next
     */
    public SmtpDissector(FieldRegistry registry, SmtpPrefs prefs, boolean twoPass,
                         java.util.function.IntPredicate wanted) {
        this.twoPass = twoPass;
        this.f = new MailFields(registry, wanted);
        this.prefs = prefs;
        this.imf = new ImfDissector(f);
    }

    public SmtpPrefs prefs() {
        return prefs;
    }

    /** How many frames ended in an internal error (and were marked {@code _ws.malformed}). */
    public long internalErrors() {
        return internalErrors;
    }

    public SmtpSession newSession() {
        return new SmtpSession();
    }

    /**
     * Dissects the in-order payload TCP hands to SMTP for one frame: {@code [off, off+len)} of data
     * source {@code src} (the frame, or a "Reassembled TCP" source).
     *
     * @param request true when the destination port is the matched SMTP port
     * @param canDesegment whether TCP can supply more data (Wireshark's pinfo->can_desegment)
     * @return {@code len}, or {@link #NEED_ONE_MORE_SEGMENT} when nothing was added and TCP should
     *     retry with the next segment appended
     */
    /** Whether {@link #dissect} would ask for one more segment: desegmenting lines, and no line end yet. */
    public boolean needsMore(byte[] d, int off, int len, boolean canDesegment) {
        return prefs.desegmentLines() && canDesegment && len > 0 && Lines.lineEnd(d, off, off + len, true, new int[1]) < 0;
    }

    public int dissect(MailContext ctx, SmtpSession s, int src, int off, int len, boolean request,
                       boolean canDesegment) {
        FieldStore st = ctx.store();
        byte[] d = st.sourceData(src);
        int end = off + len;
        int[] next = new int[1];
        if (len <= 0) {
            return 0;
        }
        boolean desegment = prefs.desegmentLines() && canDesegment;
        if (needsMore(d, off, len, canDesegment)) {
            return NEED_ONE_MORE_SEGMENT;
        }
        buffers.frameStarted(ctx.frameNumber());
        try {
            List<Pdu> fresh = null;
            if (request && ctx.firstPass() && !s.pdus.containsKey(ctx.frameNumber())) {
                fresh = classify(s, ctx.frameNumber(), d, off, end, desegment);
                if (twoPass) {
                    s.pdus.put(ctx.frameNumber(), fresh);
                }
            }
            int layer = ctx.enter(MailContext.P_SMTP, "smtp");
            int top = Emit.raw(st, f.smtp, layer, -1, src, off, len);
            if (top >= 0 && end < st.sourceLength(src)) {
                st.setValue(top, end, null);
            }
            ctx.setProtocolColumn("SMTP");
            ctx.clearInfo();
            if (request) {
                List<Pdu> list = fresh != null ? fresh : s.pdus.get(ctx.frameNumber());
                if (list == null) {
                    list = classify(s, ctx.frameNumber(), d, off, end, desegment);
                }
                boolean[] started = {false};
                for (Pdu p : list) {
                    switch (p.type()) {
                        case SmtpSession.MESSAGE -> {
                            message(ctx, s, src, p, layer, top, started);
                        }
                        case SmtpSession.EOM -> {
                            Emit.none(st, f.eom, layer, top, src, p.start(), p.end() - p.start());
                            ctx.info().append(started[0] ? " | ." : "C: .");
                            started[0] = true;
                        }
                        default -> {
                            command(ctx, s, src, p, layer, top, started);
                            if (!p.moreFrags()) {
                                reassembled(ctx, s, layer, top, src, null, p.start());
                            }
                        }
                    }
                }
            } else {
                response(ctx, s, src, off, end, layer, top);
            }
        } catch (RuntimeException e) {
            // Never let odd bytes escape as an exception: what was added so far stays, and the
            // frame is marked malformed as Wireshark marks a dissector that ran off its data.
            internalErrors++;
            if (f.malformed >= 0) {
                ctx.store().add(f.malformed, 1, -1, src, off, 0, 0, null);
            }
        }
        return len;
    }

    // ---------------------------------------------------------------- request classification

    /** A "." line after a CRLF-ended line: the end of message data (RFC 5321 4.1.1.4). */
    private static final byte[] EOM_IN_DATA = {'\r', '\n', '.', '\r', '\n'};

    private List<Pdu> classify(SmtpSession s, int frame, byte[] d, int off, int end, boolean desegment) {
        List<Pdu> out = new ArrayList<>(2);
        int[] next = new int[1];
        int cur = off;
        int type = SmtpSession.CMD;
        int o = off;
        int eomPos = -1;
        while (o < end) {
            if (s.state == State.READING_DATA && s.bdat) {
                if (o > cur) {
                    boolean close = type == SmtpSession.CMD && s.closeInCommand;
                    s.closeInCommand = false;
                    out.add(new Pdu(type, cur, o, !close));
                }
                long want = s.msgTotLen - s.msgReadLen;
                int chunk = (int) Math.min(end - o, Math.max(0, want));
                s.msgReadLen += chunk;
                boolean done = s.msgReadLen >= s.msgTotLen;
                out.add(new Pdu(SmtpSession.MESSAGE, o, o + chunk, !(done && s.msgLast)));
                if (done) {
                    s.state = State.READING_CMDS;
                    s.bdat = false;
                    if (s.msgLast) {
                        s.msgLast = false;
                        s.msgTotLen = 0;
                        s.msgReadLen = 0;
                    }
                }
                o += chunk;
                cur = o;
                type = SmtpSession.CMD;
                if (chunk == 0) {
                    break;
                }
                continue;
            }
            if (s.state == State.READING_DATA && !s.bdat && !(s.crlfSeen && d[o] == '.')) {
                // Fast path through message data: every line before the next "\r\n.\r\n" is message
                // data, so jump to the "." line (or the end), keeping the CRLF state of the last line.
                if (eomPos < o) {
                    eomPos = Lines.indexOf(d, o, end, EOM_IN_DATA);
                    if (eomPos < 0) {
                        eomPos = end;
                    }
                }
                type = SmtpSession.MESSAGE;
                if (eomPos >= end) {
                    s.crlfSeen = end - o >= 2 && d[end - 2] == '\r' && d[end - 1] == '\n';
                    o = end;
                } else {
                    s.crlfSeen = true;
                    o = eomPos + 2;
                }
                continue;
            }
            int lineLen = Lines.lineEnd(d, o, end, false, next);
            int nextOff = next[0];
            if (desegment && nextOff == end && lineLen == end - o - 1 && d[end - 1] == '\r') {
                // With desegmentation, a later line whose CR ends the segment has no line end yet
                // and runs to the end, CR included (tshark: "DATA\r" then "\n" is no DATA command);
                // display stops before the CR either way.
                lineLen++;
            }
            if (s.state == State.READING_DATA) {
                boolean eom = s.crlfSeen && Lines.startsWith(d, o, end, ".\r\n");
                s.crlfSeen = nextOff - o >= 2 && d[nextOff - 2] == '\r' && d[nextOff - 1] == '\n';
                if (eom) {
                    out.add(new Pdu(SmtpSession.MESSAGE, cur, o, false));
                    out.add(new Pdu(SmtpSession.EOM, o, nextOff, false));
                    s.state = State.READING_CMDS;
                    cur = nextOff;
                    type = SmtpSession.CMD;
                } else {
                    type = SmtpSession.MESSAGE;
                }
            } else {
                type = commandLine(s, frame, d, o, lineLen, type);
            }
            o = nextOff;
        }
        if (end > cur) {
            boolean close = type == SmtpSession.CMD && s.closeInCommand;
            out.add(new Pdu(type, cur, end, !close));
        }
        s.closeInCommand = false;
        return out;
    }

    /** Classifies one non-DATA line; returns the frame's PDU type after it (last line wins). */
    private int commandLine(SmtpSession s, int frame, byte[] d, int o, int lineLen, int type) {
        int sp = Lines.indexOf(d, o, o + lineLen, (byte) ' ');
        int wordLen = (sp < 0 ? lineLen : sp - o);
        // While an AUTH exchange is open, smtp.decryption tests the decoded line (so a 4-letter
        // credential becomes a command and later plain commands stop being ones, as in tshark).
        boolean authData = s.auth != Auth.NONE && s.auth != Auth.SUCCESS && s.auth != Auth.FAILED;
        boolean isCommand;
        if (s.auth == Auth.PASSWORD_REQ) {
            // the line a password request awaits is the password, whatever its decoding looks like
            isCommand = false;
        } else if (prefs.decryption() && authData) {
            byte[] dec = base64(d, o, lineLen);
            int dsp = indexOf(dec, (byte) ' ');
            isCommand = isCommandWord(dec, 0, dsp < 0 ? dec.length : dsp);
        } else {
            isCommand = isCommandWord(d, o, wordLen);
        }
        if (isCommand) {
            if (Lines.startsWithIgnoreCase(d, o, o + lineLen, "DATA") && wordLen == 4) {
                s.state = State.READING_DATA;
                s.dataSeen = true;
                s.crlfSeen = true;
            } else if (Lines.startsWithIgnoreCase(d, o, o + lineLen, "BDAT") && wordLen == 4) {
                long n = lineLen > 5 ? strtoul(d, o + 5, o + lineLen) : 0;
                s.msgTotLen += n;
                if (n > 0) {
                    s.state = State.READING_DATA;
                    s.bdat = true;
                }
                if (indexOfIgnoreCase(d, o + 5, o + lineLen, "LAST") >= 0) {
                    s.msgLast = true;
                }
                s.dataSeen = true;
                if (n == 0 && s.msgLast) {
                    // A zero-size LAST chunk ends the message in this command PDU.
                    s.closeInCommand = true;
                    s.msgLast = false;
                    s.msgTotLen = 0;
                    s.msgReadLen = 0;
                }
            } else if (Lines.startsWithIgnoreCase(d, o, o + lineLen, "AUTH LOGIN")) {
                s.auth = lineLen <= 11 ? Auth.START : Auth.USERNAME_RSP;
                if (lineLen > 11) {
                    s.usernameCmdFrame = frame;
                }
                s.state = State.READING_CMDS;
            } else if (Lines.startsWithIgnoreCase(d, o, o + lineLen, "AUTH PLAIN")) {
                s.auth = lineLen <= 11 ? Auth.PLAIN_START_REQ : Auth.PLAIN_CRED_REQ;
                if (lineLen > 11) {
                    s.userPassCmdFrame = frame;
                }
                s.state = State.READING_CMDS;
            } else if (Lines.startsWithIgnoreCase(d, o, o + lineLen, "AUTH NTLM")) {
                s.auth = Auth.NTLM_REQ;
                s.state = State.READING_CMDS;
            } else if (Lines.startsWithIgnoreCase(d, o, o + lineLen, "STARTTLS")) {
                s.state = State.AWAITING_STARTTLS_RESPONSE;
            }
            return SmtpSession.CMD;
        }
        switch (s.auth) {
            case USERNAME_REQ -> {
                s.usernameFrame = frame;
                s.auth = Auth.USERNAME_RSP;
                return type;
            }
            case PASSWORD_REQ -> {
                s.passwordFrame = frame;
                s.auth = Auth.PASSWORD_RSP;
                return type;
            }
            case PLAIN_REQ -> {
                s.userPassFrame = frame;
                s.auth = Auth.PLAIN_RSP;
                return type;
            }
            case NTLM_CHALLENGE -> {
                s.auth = Auth.NTLM_RSP;
                return type;
            }
            default -> {
                return s.dataSeen || s.state == State.START ? SmtpSession.MESSAGE : SmtpSession.CMD;
            }
        }
    }

    private static boolean isCommandWord(byte[] d, int o, int n) {
        if (n == 4) {
            for (int i = 0; i < 4; i++) {
                int c = d[o + i] & 0xff;
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                    return false;
                }
            }
            return true;
        }
        String w = new String(d, o, n, StandardCharsets.ISO_8859_1);
        return w.equalsIgnoreCase("STARTTLS") || w.equalsIgnoreCase("X-EXPS") || w.equalsIgnoreCase("X-LINK2STATE")
                || w.equalsIgnoreCase("XEXCH50");
    }

    // ---------------------------------------------------------------- request display

    private void command(MailContext ctx, SmtpSession s, int src, Pdu p, int layer, int top, boolean[] started) {
        FieldStore st = ctx.store();
        byte[] d = st.sourceData(src);
        int frame = ctx.frameNumber();
        int[] next = new int[1];
        int o = p.start();
        while (o < p.end()) {
            int lineLen = Lines.lineEnd(d, o, p.end(), false, next);
            int nextOff = next[0];
            Emit.bool(st, f.req, layer, top, src, p.start(), 0, true); // hidden, at the PDU's start
            String infoText;
            if (frame == s.usernameFrame) {
                infoText = "User: " + credential(st, f.authUsername, layer, top, src, o, lineLen);
            } else if (frame == s.passwordFrame) {
                infoText = "Pass: " + credential(st, f.authPassword, layer, top, src, o, lineLen);
            } else if (frame == s.userPassFrame) {
                plainCredentials(st, layer, top, src, o, lineLen);
                infoText = Lines.ascii(d, o, lineLen);
            } else {
                int line = Emit.string(st, f.commandLine, layer, top, src, o, nextOff - o);
                int under = line >= 0 ? line : top; // the command and its parameter sit under their line
                Emit.string(st, f.reqCommand, layer, under, src, o, Math.min(4, lineLen));
                if (lineLen > 5) {
                    Emit.string(st, f.reqParameter, layer, under, src, o + 5, lineLen - 5);
                }
                infoText = Lines.ascii(d, o, lineLen);
                if (frame == s.usernameCmdFrame && lineLen > 11) {
                    infoText = Lines.ascii(d, o, 11) + "User: "
                            + credential(st, f.authUsername, layer, under, src, o + 11, lineLen - 11);
                } else if (frame == s.userPassCmdFrame && lineLen > 11) {
                    plainCredentials(st, layer, under, src, o + 11, lineLen - 11);
                }
            }
            ctx.info().append(started[0] ? " | " : "C: ").append(infoText);
            started[0] = true;
            o = nextOff;
        }
    }

    /** Adds a username or password: the base64 text, or its decoding with smtp.decryption. */
    private String credential(FieldStore st, int id, int layer, int top, int src, int off, int len) {
        byte[] d = st.sourceData(src);
        if (prefs.decryption()) {
            byte[] dec = base64(d, off, len);
            Emit.rawValue(st, id, layer, top, src, off, len, dec);
            return Lines.ascii(dec, 0, dec.length);
        }
        Emit.string(st, id, layer, top, src, off, len);
        return Lines.ascii(d, off, len);
    }

    /** AUTH PLAIN credentials: authzid NUL authcid NUL password (RFC 4616). */
    private void plainCredentials(FieldStore st, int layer, int top, int src, int off, int len) {
        byte[] d = st.sourceData(src);
        if (!prefs.decryption()) {
            int item = Emit.string(st, f.authUserPass, layer, top, src, off, len);
            Emit.expert(st, f, f.base64Decode, layer, item >= 0 ? item : top,
                    "base64 decode failed or is not enabled (check SMTP preferences)");
            return;
        }
        byte[] dec = base64(d, off, len);
        int a = indexOf(dec, (byte) 0);
        int b = a < 0 ? -1 : indexOf(dec, a + 1, (byte) 0);
        if (b < 0) {
            Emit.rawValue(st, f.authUsername, layer, top, src, off, len, dec);
            return;
        }
        Emit.rawValue(st, f.authUsername, layer, top, src, off, len, java.util.Arrays.copyOfRange(dec, a + 1, b));
        Emit.rawValue(st, f.authPassword, layer, top, src, off, len,
                java.util.Arrays.copyOfRange(dec, b + 1, dec.length));
    }

    private void message(MailContext ctx, SmtpSession s, int src, Pdu p, int layer, int top, boolean[] started) {
        FieldStore st = ctx.store();
        byte[] d = st.sourceData(src);
        int frame = ctx.frameNumber();
        int len = p.end() - p.start();
        if (!prefs.desegmentData()) {
            int[] next = new int[1];
            for (int o = p.start(); o < p.end(); o = next[0]) {
                Lines.lineEnd(d, o, p.end(), false, next);
                Emit.string(st, f.message, layer, top, src, o, next[0] - o);
            }
            ctx.info().append(started[0] ? " | " : "C: ").append("Message Body, ").append(len)
                    .append(len == 1 ? " byte" : " bytes");
            started[0] = true;
            return;
        }
        if (ctx.firstPass()) {
            if (s.open == null) {
                s.open = new Message(buffers.take());
            }
            Message m = s.open;
            m.frames.add(frame);
            if (m.size + (long) len <= SmtpSession.MAX_MESSAGE) {
                m.append(d, p.start(), len);
                m.sizes.add(len);
            } else {
                m.truncated = true;
                m.sizes.add(0);
            }
        } else {
            // Second pass: the first kept only where each message's fragments are; the bytes are
            // collected again as the frames come by, so that -2 needs no copy of every message.
            if (s.replay == null) {
                s.replay = new Message(buffers.take());
            }
            if (s.replay.size + (long) len <= SmtpSession.MAX_MESSAGE) {
                s.replay.append(d, p.start(), len);
            }
        }
        if (p.moreFrags()) {
            ctx.info().append(started[0] ? " | " : "C: ").append("DATA fragment, ").append(len)
                    .append(len == 1 ? " byte" : " bytes");
            started[0] = true;
            if (len > 0) {
                TextLines.fragment(ctx, f, src, p.start(), len, top);
            }
            Integer in = s.reassembledIn.get(frame);
            if (!ctx.firstPass() && in != null && in != frame) {
                // after the fragment's text lines, as in tshark's tree
                Emit.uint(st, f.reassembledIn, layer, top, src, p.start(), 0, in);
            }
            return;
        }
        if (len > 0) {
            started[0] = true;
        }
        reassembled(ctx, s, layer, top, src, p, p.start());
    }

    /**
     * Ends the message being reassembled in this frame (the PDU before an EOM, a LAST chunk, or a
     * zero-size BDAT LAST command when {@code p} is null) and hands it to IMF.
     */
    private void reassembled(MailContext ctx, SmtpSession s, int layer, int top, int src, Pdu p, int treeOff) {
        FieldStore st = ctx.store();
        int frame = ctx.frameNumber();
        Message m;
        byte[] data;
        int wholeLen;
        if (ctx.firstPass()) {
            m = s.open;
            if (m == null) {
                return;
            }
            m.endFrame = frame;
            s.open = null;
            data = m.data;
            wholeLen = m.size;
            buffers.release(data, frame);
            if (twoPass) {
                m.data = null; // the second pass collects the bytes again
                s.completedIn.put(frame, m);
                for (int fr : m.frames) {
                    if (fr != frame) {
                        s.reassembledIn.merge(fr, frame, (a, b) -> a);
                    }
                }
            }
        } else {
            Message replay = s.replay;
            s.replay = null;
            m = s.completedIn.get(frame);
            if (replay == null) {
                data = new byte[0];
                wholeLen = 0;
            } else {
                buffers.release(replay.data, frame);
                data = replay.data;
                wholeLen = replay.size;
            }
            if (m == null) {
                return;
            }
        }
        if (m.frames.size() == 1 && p != null && m.frames.get(0) == frame) {
            // The whole message is in this one PDU: no fragment tree, IMF on the packet's own bytes.
            imf.dissect(ctx, src, p.start(), p.end() - p.start(), -1);
            return;
        }
        int rs = st.addSource("Reassembled SMTP (" + wholeLen + " bytes)", data, wholeLen);
        // The fragment tree sits where the closing PDU starts and spans the message's length.
        int fr = Emit.none(st, f.fragments, layer, top, src, treeOff, wholeLen);
        int pos = 0;
        for (int i = 0; i < m.frames.size(); i++) {
            // Each fragment item covers its own bytes of the reassembled message.
            int size = Math.min(m.sizes.get(i), wholeLen - pos);
            Emit.uint(st, f.fragment, layer, fr, rs, pos, size, m.frames.get(i));
            pos += size;
        }
        Emit.uint(st, f.fragmentCount, layer, fr, rs, 0, 0, m.frames.size());
        Emit.uint(st, f.reassembledLength, layer, fr, rs, 0, 0, wholeLen);
        imf.dissect(ctx, rs, 0, wholeLen, -1);
    }

    // ---------------------------------------------------------------- responses

    private void response(MailContext ctx, SmtpSession s, int src, int off, int end, int layer, int top) {
        FieldStore st = ctx.store();
        byte[] d = st.sourceData(src);
        Emit.bool(st, f.rsp, layer, top, src, off, 0, true);
        int[] next = new int[1];
        boolean multiline = false;
        int code = 0;
        int item = top;
        int codeItem = -1;
        boolean first = true;
        for (int o = off; o < end; o = next[0]) {
            int lineLen = Lines.lineEnd(d, o, end, false, next);
            int nextOff = next[0];
            ctx.info().append(first ? "S: " : " | ");
            first = false;
            if (lineLen < 3 || !digit(d[o]) || !digit(d[o + 1]) || !digit(d[o + 2])) {
                continue;
            }
            int c = (d[o] - '0') * 100 + (d[o + 1] - '0') * 10 + (d[o + 2] - '0');
            if (!multiline) {
                code = c;
                item = Emit.string(st, f.response, layer, top, src, o, nextOff - o);
                codeItem = Emit.uint(st, f.responseCode, layer, item >= 0 ? item : top, src, o, 3, c);
                ctx.info().append(Lines.ascii(d, o, lineLen));
                replyState(ctx, s, c);
            } else {
                if (c != code) {
                    // under the first line's code, as tshark's tree has it
                    Emit.expert(st, f, f.codeUnexpected, layer, codeItem >= 0 ? codeItem : item,
                            "Unexpected response code " + c + " in multiline response. Expected " + code);
                }
                // A continuation shows its text after the code; a bare code shows itself.
                ctx.info().append(lineLen > 3 ? Lines.ascii(d, o + 4, Math.max(0, lineLen - 4)) : Lines.ascii(d, o, lineLen));
            }
            multiline = lineLen >= 4 && d[o + 3] == '-';
            if (lineLen >= 4) {
                int pOff = o + 4;
                int pLen = lineLen - 4;
                if (prefs.decryption() && c == 334 && pLen > 0) {
                    byte[] dec = base64(d, pOff, pLen);
                    Emit.rawValue(st, f.rspParameter, layer, item, src, pOff, pLen, dec);
                } else {
                    Emit.string(st, f.rspParameter, layer, item, src, pOff, pLen);
                }
            }
        }
    }

    /** Reply-driven state: STARTTLS acceptance and the AUTH exchange. */
    private static void replyState(MailContext ctx, SmtpSession s, int code) {
        if (s.state == State.AWAITING_STARTTLS_RESPONSE) {
            if (code == 220) {
                s.lastNonTlsFrame = ctx.frameNumber();
            }
            s.state = State.READING_CMDS;
        }
        if (code == 334) {
            switch (s.auth) {
                case START -> s.auth = Auth.USERNAME_REQ;
                case USERNAME_RSP -> s.auth = Auth.PASSWORD_REQ;
                case PLAIN_START_REQ -> s.auth = Auth.PLAIN_REQ;
                case NTLM_REQ -> s.auth = Auth.NTLM_CHALLENGE;
                default -> { }
            }
        } else if (s.auth == Auth.PASSWORD_RSP || s.auth == Auth.PLAIN_RSP || s.auth == Auth.NTLM_RSP
                || s.auth == Auth.PLAIN_CRED_REQ) {
            s.auth = code == 235 ? Auth.SUCCESS : Auth.FAILED;
        }
    }

    // ---------------------------------------------------------------- helpers

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static long strtoul(byte[] d, int o, int end) {
        while (o < end && (d[o] == ' ' || d[o] == '\t')) {
            o++;
        }
        long v = 0;
        while (o < end && digit(d[o]) && v < Integer.MAX_VALUE) {
            v = v * 10 + (d[o++] - '0');
        }
        return v;
    }

    private static int indexOf(byte[] d, byte b) {
        return indexOf(d, 0, b);
    }

    private static int indexOf(byte[] d, int from, byte b) {
        for (int i = from; i < d.length; i++) {
            if (d[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfIgnoreCase(byte[] d, int from, int end, String s) {
        for (int i = from; i <= end - s.length(); i++) {
            if (Lines.startsWithIgnoreCase(d, i, end, s)) {
                return i;
            }
        }
        return -1;
    }

    /** Lenient base64 (characters outside the alphabet are skipped, as GLib's decoder does). */
    static byte[] base64(byte[] d, int off, int len) {
        StringBuilder b = new StringBuilder(len);
        for (int i = off; i < off + len; i++) {
            char c = (char) (d[i] & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
                b.append(c);
            }
        }
        int rem = b.length() % 4;
        if (rem == 1) {
            b.setLength(b.length() - 1);
        }
        try {
            return Base64.getDecoder().decode(b.toString().getBytes(StandardCharsets.ISO_8859_1).length % 4 == 0
                    ? b.toString() : b.toString() + "==".substring(0, 4 - b.length() % 4));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
