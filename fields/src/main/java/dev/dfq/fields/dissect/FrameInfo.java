package dev.dfq.fields.dissect;

/**
 * What the capture says about one frame, as the dissectors need it: bytes (copied into a reused
 * array), lengths, time, link type and interface. Mutable and reused.
 */
public final class FrameInfo {
    public int number;
    public long timeNanos;
    public int caplen;
    public long originalLength;
    public int linkType;
    public int interfaceId = -1;
    /**
     * Time of the last frame shown before this one (tshark's previous displayed frame, which a -Y
     * filter decides), or Long.MIN_VALUE before the first: frame.time_delta_displayed.
     */
    public long previousDisplayedNanos = Long.MIN_VALUE;
    public byte[] data = new byte[2048];

    /** Copies the frame's bytes into the reused buffer. */
    public FrameInfo set(int number, long timeNanos, byte[] src, int off, int caplen, long originalLength, int linkType,
                         int interfaceId) {
        if (data.length < caplen) {
            data = new byte[Math.max(caplen, data.length * 2)];
        }
        System.arraycopy(src, off, data, 0, caplen);
        this.number = number;
        this.timeNanos = timeNanos;
        this.caplen = caplen;
        this.originalLength = originalLength;
        this.linkType = linkType;
        this.interfaceId = interfaceId;
        return this;
    }
}
