package dev.dfq.fields.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SMTP state of one TCP conversation (Wireshark's smtp_session_state plus the per-frame PDU lists
 * kept with p_add_proto_data). Request frames are classified once, on their first visit; responses
 * re-run their state updates on every pass, as in Wireshark.
 *
 * <p>Bounded: a message being reassembled keeps at most {@link #MAX_MESSAGE} bytes. In a single
 * pass nothing else outlives its frame; for two passes the per-frame records and where each message's
 * fragments are are kept (not the messages' bytes, which the second pass collects again).
 */
public final class SmtpSession {
    static final int MAX_MESSAGE = 64 << 20;

    enum State { START, READING_CMDS, READING_DATA, AWAITING_STARTTLS_RESPONSE }

    enum Auth {
        NONE, START, USERNAME_REQ, USERNAME_RSP, PASSWORD_REQ, PASSWORD_RSP, PLAIN_START_REQ, PLAIN_CRED_REQ,
        PLAIN_REQ, PLAIN_RSP, NTLM_REQ, NTLM_CHALLENGE, NTLM_RSP, SUCCESS, FAILED
    }

    static final int CMD = 0;
    static final int MESSAGE = 1;
    static final int EOM = 2;

    /** One PDU of a request frame: bytes [start, end) of the payload SMTP got. */
    record Pdu(int type, int start, int end, boolean moreFrags) {}

    /** One reassembled (or being reassembled) message. */
    static final class Message {
        final List<Integer> frames = new ArrayList<>();
        final List<Integer> sizes = new ArrayList<>();
        /** The message bytes in {@code data[0, size)}; handed to IMF as they are, without a final copy. */
        byte[] data;
        int size;
        int endFrame;
        boolean truncated;

        /** @param buffer where to start collecting (a spare one from an earlier message, or new) */
        Message(byte[] buffer) {
            data = buffer;
        }

        void append(byte[] d, int off, int len) {
            if (size + len > data.length) {
                data = java.util.Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8,
                        Math.max((long) size + len, 2L * data.length)));
            }
            System.arraycopy(d, off, data, size, len);
            size += len;
        }
    }


    State state = State.START;
    Auth auth = Auth.NONE;
    boolean crlfSeen;
    boolean dataSeen;
    boolean bdat;
    long msgReadLen;
    long msgTotLen;
    boolean msgLast;
    /** Set while classifying a frame whose BDAT 0 LAST ends the message in a command PDU. */
    boolean closeInCommand;
    int usernameFrame;
    int passwordFrame;
    int usernameCmdFrame;
    int userPassCmdFrame;
    int userPassFrame;
    /** Frame of the 220 that accepted STARTTLS; later frames belong to TLS. 0 = none. */
    int lastNonTlsFrame;

    final Map<Integer, List<Pdu>> pdus = new HashMap<>();
    Message open;
    /** Second pass of -2: the bytes of the message being collected again (see SmtpDissector). */
    Message replay;
    final Map<Integer, Message> completedIn = new HashMap<>();
    final Map<Integer, Integer> reassembledIn = new HashMap<>();

    /** True when frames after {@code frame} of this conversation are TLS (STARTTLS was accepted before it). */
    public boolean isTls(int frame) {
        return lastNonTlsFrame != 0 && frame > lastNonTlsFrame;
    }
}
