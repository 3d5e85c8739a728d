package dev.dfq.engine.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes little-endian pcapng (see {@link PcapngReader} for the layout): one SHB, an IDB per input interface
 * when a frame first uses it, EPBs with opt_comment and epb_flags. Timestamps are written in nanoseconds
 * (if_tsresol 9) for interfaces finer than microseconds, otherwise in microseconds, with no if_tsoffset.
 */
final class PcapngWriter implements CaptureWriter {
  private static final byte[][] NO_COMMENTS = new byte[0][];
  private final LittleEndianOut out;
  private final List<InterfaceInfo> interfaces;
  /** Input interface id -> output id, -1 until its IDB is written. */
  private int[] outputId = new int[0];
  private boolean[] nanos = new boolean[0];
  private int written;

  PcapngWriter(OutputStream stream, List<InterfaceInfo> interfaces) throws IOException {
    this.out = new LittleEndianOut(stream);
    this.interfaces = interfaces; // a reader's live view: IDBs met later in the input are still described
    byte[] app = "dfq".getBytes(StandardCharsets.UTF_8);
    int options = option(app.length) + 4;
    int total = 28 + options;
    out.u32(PcapngReader.SHB).u32(total).u32(0x1A2B3C4D).u16(1).u16(0).u64(-1L);
    writeOption(4, app); // shb_userappl
    out.u32(0).u32(total).flushFields();
  }

  private static int option(int len) {
    return 4 + ((len + 3) & ~3);
  }

  private void writeOption(int code, byte[] value) throws IOException {
    out.u16(code).u16(value.length).bytes(value, 0, value.length);
    out.pad(((value.length + 3) & ~3) - value.length);
  }

  private int interfaceFor(Frame f) throws IOException {
    int in = f.interfaceId();
    if (in >= outputId.length) {
      int old = outputId.length;
      outputId = Arrays.copyOf(outputId, Math.max(in + 1, old * 2));
      nanos = Arrays.copyOf(nanos, outputId.length);
      Arrays.fill(outputId, old, outputId.length, -1);
    }
    if (outputId[in] < 0) {
      InterfaceInfo info = in < interfaces.size() ? interfaces.get(in) : InterfaceInfo.of(in, f.linkType(), f.tsResolution());
      if (info.linkType() != f.linkType()) {
        info = InterfaceInfo.of(in, f.linkType(), f.tsResolution());
      }
      boolean ns = finerThanMicro(info.tsResolution());
      writeIdb(info, ns);
      nanos[in] = ns;
      outputId[in] = written++;
    }
    return outputId[in];
  }

  private static boolean finerThanMicro(int tsresol) {
    return (tsresol & 0x80) != 0 ? (tsresol & 0x7F) > 19 : tsresol > 6;
  }

  private void writeIdb(InterfaceInfo info, boolean ns) throws IOException {
    byte[] name = info.name() == null ? null : info.name().getBytes(StandardCharsets.UTF_8);
    byte[] description = info.description() == null ? null : info.description().getBytes(StandardCharsets.UTF_8);
    int options = (name == null ? 0 : option(name.length)) + (description == null ? 0 : option(description.length))
        + (ns ? option(1) : 0);
    if (options > 0) {
      options += 4;
    }
    int total = 20 + options;
    out.u32(1).u32(total).u16(info.linkType()).u16(0).u32(info.snaplen()).flushFields();
    if (name != null) {
      writeOption(2, name);
    }
    if (description != null) {
      writeOption(3, description);
    }
    if (ns) {
      writeOption(9, new byte[] {9});
    }
    if (options > 0) {
      out.u32(0);
    }
    out.u32(total).flushFields();
  }

  @Override
  public void write(Frame f) throws IOException {
    int id = interfaceFor(f);
    byte[][] comments = f.comments().isEmpty() ? NO_COMMENTS : new byte[f.comments().size()][];
    int options = 0;
    for (int i = 0; i < comments.length; i++) {
      comments[i] = f.comments().get(i).getBytes(StandardCharsets.UTF_8);
      options += option(comments[i].length);
    }
    if (f.hasFlags()) {
      options += option(4);
    }
    if (options > 0) {
      options += 4;
    }
    int padded = (f.caplen() + 3) & ~3;
    int total = 32 + padded + options;
    long units = nanos[f.interfaceId()]
        ? f.epochSeconds() * 1_000_000_000L + f.nanos()
        : f.epochSeconds() * 1_000_000L + f.nanos() / 1000;
    out.u32(6).u32(total).u32(id).u32(units >>> 32).u32(units).u32(f.caplen()).u32(f.originalLength());
    out.bytes(f.data(), f.dataOffset(), f.caplen());
    out.pad(padded - f.caplen());
    for (byte[] c : comments) {
      writeOption(1, c);
    }
    if (f.hasFlags()) {
      out.u16(2).u16(4).u32(f.flags());
    }
    if (options > 0) {
      out.u32(0);
    }
    out.u32(total).flushFields();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
