package dev.dfq.engine.capture;

import java.io.IOException;

/** Recognises formats by their first bytes. */
final class Formats {
  private Formats() {
  }

  static Compression compressionOf(byte[] magic, int length) {
    if (length >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
      return Compression.GZIP;
    }
    if (length >= 4 && (magic[0] & 0xFF) == 0x28 && (magic[1] & 0xFF) == 0xB5 && (magic[2] & 0xFF) == 0x2F
        && (magic[3] & 0xFF) == 0xFD) {
      return Compression.ZSTD;
    }
    return Compression.NONE;
  }

  /** Picks the reader for the magic at the start of {@code in}; closes nothing on failure. */
  static CaptureReader openUncompressed(ByteInput in, Compression compression) throws IOException {
    if (!in.request(4)) {
      if (in.available() == 0 && !in.truncated) {
        return new EmptyReader(in, compression);
      }
      if (in.truncated) {
        throw new CaptureFormatException(CaptureFormatException.Kind.CUT_SHORT, in.offset(), "", true);
      }
      throw notACapture();
    }
    int le = in.i32(in.pos);
    in.bigEndian = true;
    int be = in.i32(in.pos);
    if (be == PcapReader.MAGIC_US || be == PcapReader.MAGIC_NS) {
      return new PcapReader(in, compression, true, be == PcapReader.MAGIC_NS);
    }
    if (le == PcapReader.MAGIC_US || le == PcapReader.MAGIC_NS) {
      return new PcapReader(in, compression, false, le == PcapReader.MAGIC_NS);
    }
    if (be == PcapngReader.SHB) {
      return new PcapngReader(in, compression);
    }
    throw notACapture();
  }

  /** The reader's current buffer size (tests check that it stays bounded). */
  static int bufferCapacity(CaptureReader r) {
    if (r instanceof PcapReader p) {
      return p.input().buf.length;
    }
    if (r instanceof PcapngReader p) {
      return p.input().buf.length;
    }
    return 0;
  }

  static CaptureFormatException notACapture() {
    return new CaptureFormatException(CaptureFormatException.Kind.NOT_A_CAPTURE, 0, "", true);
  }
}
