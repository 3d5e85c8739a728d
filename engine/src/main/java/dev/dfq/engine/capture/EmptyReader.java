package dev.dfq.engine.capture;

import java.io.IOException;
import java.util.List;

/** An empty file: tshark reads it as a capture with no frames and exits 0. */
final class EmptyReader implements CaptureReader {
  private final ByteInput in;
  private final Compression compression;

  EmptyReader(ByteInput in, Compression compression) {
    this.in = in;
    this.compression = compression;
  }

  @Override
  public boolean next(Frame frame) {
    return false;
  }

  @Override
  public CaptureFormat format() {
    return CaptureFormat.PCAP;
  }

  @Override
  public Compression compression() {
    return compression;
  }

  @Override
  public List<InterfaceInfo> interfaces() {
    return List.of();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
