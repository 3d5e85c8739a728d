package dev.dfq.engine.capture;

import java.io.IOException;
import java.util.List;

/*
 * Classic pcap (libpcap) file, draft-ietf-opsawg-pcap section 4 and 5. All fields in the writer's byte order,
 * told by the magic: A1B2C3D4 = microseconds, A1B23C4D = nanoseconds (either byte order).
 *
 *  File header (24 bytes)
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                          Magic Number                         |
 *  +-------------------------------+-------------------------------+
 *  |          Major Version        |         Minor Version         |
 *  +-------------------------------+-------------------------------+
 *  |                    Reserved1 (thiszone)                       |
 *  +---------------------------------------------------------------+
 *  |                    Reserved2 (sigfigs)                        |
 *  +---------------------------------------------------------------+
 *  |                            SnapLen                            |
 *  +-+-+-+-+-------------------------------------------------------+
 *  | FCS |f|0 0 0 0 0 0 0 0 0 0 0 0|         LinkType              |
 *  +-+-+-+-+-------------------------------------------------------+
 *
 *  Packet record (16-byte header, then Captured Packet Length bytes, no padding)
 *  +---------------------------------------------------------------+
 *  |                      Timestamp (Seconds)                      |
 *  +---------------------------------------------------------------+
 *  |            Timestamp (Microseconds or nanoseconds)            |
 *  +---------------------------------------------------------------+
 *  |                    Captured Packet Length                     |
 *  +---------------------------------------------------------------+
 *  |                    Original Packet Length                     |
 *  +---------------------------------------------------------------+
 *  /                          Packet Data                          /
 *  +---------------------------------------------------------------+
 */
/** Reads classic pcap; see the diagram above. A record longer than wiretap allows for the link type is damage. */
final class PcapReader implements CaptureReader {
  static final int MAGIC_US = 0xA1B2C3D4;
  static final int MAGIC_NS = 0xA1B23C4D;
  private static final int FILE_HEADER = 24;
  private static final int RECORD_HEADER = 16;

  private final ByteInput in;
  private final Compression compression;
  private final boolean nanos;
  private final int linkType;
  private final int maxCaplen;
  private final List<InterfaceInfo> interfaces;
  private long frames;

  /** Reads the file header; {@code in} starts at the magic, whose byte order is already known. */
  PcapReader(ByteInput in, Compression compression, boolean bigEndian, boolean nanos) throws IOException {
    this.in = in;
    this.compression = compression;
    this.nanos = nanos;
    in.bigEndian = bigEndian;
    if (!in.request(FILE_HEADER)) {
      throw new CaptureFormatException(CaptureFormatException.Kind.CUT_SHORT, in.offset(), "", true);
    }
    int p = in.pos;
    int snaplen = in.i32(p + 16);
    linkType = in.i32(p + 20) & 0x03FF_FFFF;
    maxCaplen = LinkTypes.maxSnaplen(linkType);
    interfaces = List.of(new InterfaceInfo(0, linkType, snaplen, null, null, nanos ? 9 : 6, 0));
    in.advance(FILE_HEADER);
    in.opening = false;
  }

  @Override
  public boolean next(Frame f) throws IOException {
    long offset = in.offset();
    if (!in.request(RECORD_HEADER)) {
      if (in.available() == 0 && !in.truncated) {
        return false;
      }
      throw cutShort(offset);
    }
    int p = in.pos;
    long caplen = in.u32(p + 8);
    if (caplen > maxCaplen) {
      throw new CaptureFormatException(CaptureFormatException.Kind.DAMAGED, offset,
          "pcap: File has " + caplen + "-byte packet, bigger than maximum of " + maxCaplen, false);
    }
    if (!in.request(RECORD_HEADER + (int) caplen)) {
      throw cutShort(offset);
    }
    p = in.pos;
    long frac = in.u32(p + 4);
    long seconds = in.u32(p) + (nanos ? frac / 1_000_000_000L : frac / 1_000_000L);
    int ns = (int) (nanos ? frac % 1_000_000_000L : (frac % 1_000_000L) * 1000);
    f.set(++frames, seconds, ns, nanos ? 9 : 6, 0, linkType, in.buf, p + RECORD_HEADER, (int) caplen,
        in.u32(p + 12), offset);
    in.advance(RECORD_HEADER + (int) caplen);
    return true;
  }

  private static CaptureFormatException cutShort(long offset) {
    return new CaptureFormatException(CaptureFormatException.Kind.CUT_SHORT, offset, "", false);
  }

  @Override
  public CaptureFormat format() {
    return nanos ? CaptureFormat.PCAP_NSEC : CaptureFormat.PCAP;
  }

  @Override
  public Compression compression() {
    return compression;
  }

  @Override
  public List<InterfaceInfo> interfaces() {
    return interfaces;
  }

  ByteInput input() {
    return in;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
