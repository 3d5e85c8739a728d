package dev.dfq.engine.capture;

import java.io.IOException;
import java.io.OutputStream;

/** Little-endian field writes into a small reusable scratch array, then to the stream. */
final class LittleEndianOut {
  private final OutputStream out;
  private final byte[] scratch = new byte[64];
  private int n;

  LittleEndianOut(OutputStream out) {
    this.out = out;
  }

  LittleEndianOut u16(int v) {
    scratch[n++] = (byte) v;
    scratch[n++] = (byte) (v >>> 8);
    return this;
  }

  LittleEndianOut u32(long v) {
    for (int i = 0; i < 4; i++) {
      scratch[n++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  LittleEndianOut u64(long v) {
    u32(v);
    return u32(v >>> 32);
  }

  LittleEndianOut u8(int v) {
    scratch[n++] = (byte) v;
    return this;
  }

  /** Writes the fields collected so far. */
  void flushFields() throws IOException {
    out.write(scratch, 0, n);
    n = 0;
  }

  void bytes(byte[] b, int off, int len) throws IOException {
    flushFields();
    out.write(b, off, len);
  }

  void pad(int count) throws IOException {
    flushFields();
    for (int i = 0; i < count; i++) {
      out.write(0);
    }
  }

  void close() throws IOException {
    flushFields();
    out.close();
  }
}
