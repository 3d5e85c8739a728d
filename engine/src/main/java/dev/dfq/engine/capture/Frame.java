package dev.dfq.engine.capture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One captured frame, as a reusable holder: a reader overwrites it on every {@code next} call, so nothing
 * is allocated per frame in steady state. The bytes are {@code data()[dataOffset() .. dataOffset()+caplen())}
 * and stay valid only until the next call on the reader that filled it (readers point into their buffer).
 */
public final class Frame {
  long number;
  long epochSeconds;
  int nanos;
  int tsResolution = 6;
  boolean hasTimestamp = true;
  int caplen;
  long originalLength;
  int interfaceId;
  int linkType;
  byte[] data = new byte[0];
  int dataOffset;
  long fileOffset;
  long flags;
  boolean hasFlags;
  final ArrayList<String> comments = new ArrayList<>(0);

  /** 1-based frame number within the capture. */
  public long number() { return number; }

  /** Seconds since 1970-01-01T00:00:00Z (already including a pcapng if_tsoffset). */
  public long epochSeconds() { return epochSeconds; }

  /** Nanoseconds within the second, 0..999,999,999. */
  public int nanos() { return nanos; }

  /** The timestamp as nanoseconds since the epoch (valid until the year 2262). */
  public long timestampNanos() { return epochSeconds * 1_000_000_000L + nanos; }

  /**
   * The timestamp resolution as pcapng's if_tsresol byte: 6 = microseconds, 9 = nanoseconds; with the top
   * bit set, the low seven bits are a power of two.
   */
  public int tsResolution() { return tsResolution; }

  /** False for pcapng simple packet blocks, which carry no time. */
  public boolean hasTimestamp() { return hasTimestamp; }

  /** Bytes captured (the length of {@link #data()} used). */
  public int caplen() { return caplen; }

  /** Length of the packet on the wire. */
  public long originalLength() { return originalLength; }

  /** Interface index: 0 for pcap, the file-wide IDB index for pcapng (as Wireshark's frame.interface_id). */
  public int interfaceId() { return interfaceId; }

  /** LINKTYPE_ value of the frame's interface (1 = Ethernet, 113 = Linux SLL, ...). */
  public int linkType() { return linkType; }

  /** Backing array; the frame is {@code data[dataOffset .. dataOffset + caplen)}. Do not keep it. */
  public byte[] data() { return data; }

  public int dataOffset() { return dataOffset; }

  /** Offset of the record (pcap record header or pcapng block) in the (decompressed) capture stream. */
  public long fileOffset() { return fileOffset; }

  /** pcapng epb_flags / pack_flags, when {@link #hasFlags()}. */
  public long flags() { return flags; }

  public boolean hasFlags() { return hasFlags; }

  /** pcapng opt_comment values of this frame, in file order; empty when none. */
  public List<String> comments() { return Collections.unmodifiableList(comments); }

  /** The captured bytes as a new array (allocates; for tests and slow paths). */
  public byte[] copyData() {
    byte[] out = new byte[caplen];
    System.arraycopy(data, dataOffset, out, 0, caplen);
    return out;
  }

  /** Sets every field; used by readers outside this package (live capture) and by tests. */
  public Frame set(long number, long epochSeconds, int nanos, int tsResolution, int interfaceId, int linkType,
      byte[] data, int dataOffset, int caplen, long originalLength, long fileOffset) {
    this.number = number;
    this.epochSeconds = epochSeconds;
    this.nanos = nanos;
    this.tsResolution = tsResolution;
    this.hasTimestamp = true;
    this.interfaceId = interfaceId;
    this.linkType = linkType;
    this.data = data;
    this.dataOffset = dataOffset;
    this.caplen = caplen;
    this.originalLength = originalLength;
    this.fileOffset = fileOffset;
    this.hasFlags = false;
    this.flags = 0;
    this.comments.clear();
    return this;
  }

  /** Adds a pcapng comment (used by readers and by code that builds frames to write). */
  public Frame addComment(String comment) {
    comments.add(comment);
    return this;
  }

  /** Sets pcapng epb_flags. */
  public Frame flags(long value) {
    flags = value;
    hasFlags = true;
    return this;
  }

  void resetOptions() {
    hasFlags = false;
    flags = 0;
    if (!comments.isEmpty()) {
      comments.clear();
    }
  }

  @Override
  public String toString() {
    return "Frame[" + number + " @" + fileOffset + " if" + interfaceId + " lt" + linkType + " t=" + epochSeconds
        + "." + String.format("%09d", nanos) + " cap=" + caplen + " len=" + originalLength + "]";
  }
}
