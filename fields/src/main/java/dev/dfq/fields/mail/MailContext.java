package dev.dfq.fields.mail;

import dev.dfq.fields.FieldStore;
import java.util.ArrayList;
import java.util.List;

/**
 * What the mail dissectors need from the frame being dissected: the field store, the frame number,
 * whether this is the first time the frame is seen (Wireshark's {@code !PINFO_FD_VISITED}), and the
 * frame's protocol list and columns, which the mail dissectors extend.
 *
 * <p>The TCP layer (dissect branch) creates one per frame and hands it over with the in-order
 * payload; tests create it directly.
 */
public final class MailContext {
    private final FieldStore store;
    private final int frameNumber;
    private final boolean firstPass;
    private final List<String> protocols = new ArrayList<>();
    private final StringBuilder info = new StringBuilder();
    private String protocolColumn;
    private int infoFence;
    private final int[] layerCount = new int[16];

    /** Protocols whose layer numbers the mail dissectors count (index into {@link #layerCount}). */
    static final int P_SMTP = 0;
    static final int P_IMF = 1;
    static final int P_MULTIPART = 2;
    static final int P_TEXT = 3;
    static final int P_MEDIA = 4;
    static final int P_DATA = 5;
    static final int P_TLS = 6;

    public MailContext(FieldStore store, int frameNumber, boolean firstPass) {
        this.store = store;
        this.frameNumber = frameNumber;
        this.firstPass = firstPass;
    }

    public FieldStore store() {
        return store;
    }

    public int frameNumber() {
        return frameNumber;
    }

    /** True on the first (or only) pass over the capture. */
    public boolean firstPass() {
        return firstPass;
    }

    /** Filter names of the protocols the mail dissectors added, in call order (for frame.protocols). */
    public List<String> protocols() {
        return protocols;
    }

    /** Info column text the mail dissectors wrote (replaces TCP's Info when non-null protocol). */
    public StringBuilder info() {
        return info;
    }

    /**
     * The Info text as Wireshark keeps it: at most 4095 UTF-8 bytes (COL_MAX_INFO_LEN less the NUL),
     * cut at a character boundary.
     */
    public String infoText() {
        String t = info.toString();
        if (t.length() <= 4095 / 3) {
            return t; // a UTF-16 unit is at most 3 UTF-8 bytes: surely within the limit
        }
        byte[] b = t.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (b.length <= 4095) {
            return t;
        }
        int n = 4095;
        while (n > 0 && (b[n] & 0xC0) == 0x80) {
            n--;
        }
        return new String(b, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** col_clear(COL_INFO): drops the Info text after the fence. */
    void clearInfo() {
        info.setLength(Math.min(infoFence, info.length()));
    }

    /** col_set_fence(COL_INFO): what is there now survives later clears. */
    void fenceInfo() {
        infoFence = info.length();
    }

    /** Protocol column ("SMTP", "SMTP/IMF"), or null when no mail dissector claimed the frame. */
    public String protocolColumn() {
        return protocolColumn;
    }

    void setProtocolColumn(String p) {
        protocolColumn = p;
    }

    /** Registers one more occurrence of a protocol in this frame and returns its layer number. */
    int enter(int proto, String name) {
        protocols.add(name);
        return ++layerCount[proto];
    }

    /** Removes the last protocol entry again (a dissector that added nothing). */
    void leave(int proto) {
        protocols.remove(protocols.size() - 1);
        layerCount[proto]--;
    }
}
