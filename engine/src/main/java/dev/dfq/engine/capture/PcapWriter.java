package dev.dfq.engine.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes classic little-endian pcap (see {@link PcapReader} for the layout); one link type per file. */
final class PcapWriter implements CaptureWriter {
  private final LittleEndianOut out;
  private final boolean nanos;
  private final int linkType;

  PcapWriter(OutputStream stream, boolean nanos, List<InterfaceInfo> interfaces) throws IOException {
    this.out = new LittleEndianOut(stream);
    this.nanos = nanos;
    this.linkType = interfaces.isEmpty() ? LinkTypes.ETHERNET : interfaces.get(0).linkType();
    for (InterfaceInfo i : interfaces) {
      if (i.linkType() != linkType) {
        stream.close();
        throw new IOException("pcap holds one link type, the input has " + linkType + " and " + i.linkType()
            + ": write pcapng instead");
      }
    }
    out.u32(nanos ? PcapReader.MAGIC_NS : PcapReader.MAGIC_US).u16(2).u16(4).u32(0).u32(0)
        .u32(LinkTypes.MAX_PACKET_STANDARD).u32(linkType).flushFields();
  }

  @Override
  public void write(Frame f) throws IOException {
    if (f.linkType() != linkType) {
      throw new IOException("frame " + f.number() + " has link type " + f.linkType() + ", the pcap file "
          + linkType + ": write pcapng instead");
    }
    long frac = nanos ? f.nanos() : f.nanos() / 1000;
    out.u32(f.epochSeconds()).u32(frac).u32(f.caplen()).u32(f.originalLength());
    out.bytes(f.data(), f.dataOffset(), f.caplen());
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
