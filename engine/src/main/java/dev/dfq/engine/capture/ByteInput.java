package dev.dfq.engine.capture;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.ZipException;

/**
 * A forward-only window over a capture stream with long offsets. Parsers ask for {@code n} bytes at the
 * cursor ({@link #request}), read fields in place at absolute indexes of {@link #buf}, then {@link #advance}.
 *
 * <p>Memory stays bounded: the buffer starts at {@code initialSize} and grows only while bytes really
 * arrive (doubling), so a garbage length field cannot make it allocate more than about twice what the
 * stream holds, and never more than {@link #MAX_BUFFER}.
 */
final class ByteInput implements Closeable {
  /** Above the largest pcapng block wiretap accepts (134,348,832 bytes). */
  static final int MAX_BUFFER = 136 << 20;
  static final int DEFAULT_SIZE = 1 << 20;

  private static final VarHandle I16_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I16_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle I32_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I32_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private final FileChannel channel;
  private final InputStream stream;
  private final boolean decompressing;
  private final int initialSize;
  byte[] buf;
  private ByteBuffer view;
  /** Cursor and end of valid bytes in {@link #buf}. */
  int pos;
  int lim;
  /** Stream offset of buf[0]. */
  private long base;
  private boolean eof;
  /** The compressed stream ended before its end marker (gzip trailer, zstd frame end). */
  boolean truncated;
  /** True until the format reader has read what tshark reads when it opens a file (for exit codes). */
  boolean opening = true;
  boolean bigEndian;

  ByteInput(FileChannel channel, int initialSize) {
    this.channel = channel;
    this.stream = null;
    this.decompressing = false;
    this.initialSize = initialSize;
    this.buf = new byte[initialSize];
    this.view = ByteBuffer.wrap(buf);
  }

  ByteInput(InputStream stream, boolean decompressing, int initialSize) {
    this.channel = null;
    this.stream = stream;
    this.decompressing = decompressing;
    this.initialSize = initialSize;
    this.buf = new byte[initialSize];
  }

  /** Stream offset of the cursor. */
  long offset() {
    return base + pos;
  }

  int available() {
    return lim - pos;
  }

  /** Makes {@code n} bytes available at the cursor; false when the stream ends first. */
  boolean request(int n) throws IOException {
    if (lim - pos >= n) {
      return true;
    }
    if (pos > 0 && pos + n > buf.length) {
      compact();
    }
    while (lim - pos < n && !eof) {
      if (lim == buf.length) {
        grow();
      }
      fill();
    }
    return lim - pos >= n;
  }

  void advance(int n) {
    pos += n;
  }

  /** Skips {@code n} bytes (possibly beyond the buffer); false when the stream ends first. */
  boolean skip(long n) throws IOException {
    long avail = lim - pos;
    if (n <= avail) {
      pos += (int) n;
      return true;
    }
    if (channel != null) {
      long rest = n - avail;
      base += lim;
      pos = 0;
      lim = 0;
      long target = channel.position() + rest;
      if (target > channel.size()) {
        base = channel.size();
        channel.position(base);
        eof = true;
        return false;
      }
      channel.position(target);
      base += rest;
      return true;
    }
    long rest = n;
    while (rest > 0) {
      int want = (int) Math.min(rest, initialSize);
      if (!request(want)) {
        pos = lim;
        return false;
      }
      pos += want;
      rest -= want;
    }
    return true;
  }

  private void compact() {
    int live = lim - pos;
    System.arraycopy(buf, pos, buf, 0, live);
    base += pos;
    pos = 0;
    lim = live;
  }

  /** Doubles the buffer; callers never request more than {@link #MAX_BUFFER} bytes. */
  private void grow() {
    if (buf.length >= MAX_BUFFER) {
      throw new IllegalStateException("record larger than the reader's limit of " + MAX_BUFFER + " bytes");
    }
    byte[] bigger = new byte[(int) Math.min((long) buf.length * 2, MAX_BUFFER)];
    System.arraycopy(buf, 0, bigger, 0, lim);
    buf = bigger;
    view = channel == null ? null : ByteBuffer.wrap(buf);
  }

  private void fill() throws IOException {
    int n;
    if (channel != null) {
      // at most DEFAULT_SIZE per read: the JDK copies through a cached temporary direct buffer of the read's size
      view.limit(Math.min(buf.length, lim + DEFAULT_SIZE)).position(lim);
      n = channel.read(view);
    } else {
      n = readStream();
    }
    if (n < 0) {
      eof = true;
    } else {
      lim += n;
    }
  }

  private int readStream() throws IOException {
    if (!decompressing) {
      return stream.read(buf, lim, buf.length - lim);
    }
    try {
      return stream.read(buf, lim, buf.length - lim);
    } catch (EOFException e) {
      truncated = true; // a compressed stream cut short: the format parser reports where
      return -1;
    } catch (ZipException e) {
      // java.util.zip says "Corrupt GZIP trailer" where zlib (and so tshark) says "bad CRC"
      throw decompression("Corrupt GZIP trailer".equals(e.getMessage()) ? "bad CRC" : e.getMessage());
    } catch (IOException e) {
      if ("Not enough input bytes".equals(e.getMessage())) { // aircompressor's word for a cut zstd frame
        truncated = true;
        return -1;
      }
      throw decompression(e.getMessage());
    } catch (RuntimeException e) { // aircompressor reports corrupt zstd frames as MalformedInputException
      throw decompression(e.getMessage());
    }
  }

  private CaptureFormatException decompression(String message) {
    return new CaptureFormatException(CaptureFormatException.Kind.DECOMPRESSION, base + lim,
        message == null ? "" : message, opening);
  }

  int u8(int at) {
    return buf[at] & 0xFF;
  }

  int u16(int at) {
    return (short) (bigEndian ? I16_BE.get(buf, at) : I16_LE.get(buf, at)) & 0xFFFF;
  }

  int i32(int at) {
    return bigEndian ? (int) I32_BE.get(buf, at) : (int) I32_LE.get(buf, at);
  }

  long u32(int at) {
    return i32(at) & 0xFFFF_FFFFL;
  }

  long i64(int at) {
    long a = u32(at);
    long b = u32(at + 4);
    return bigEndian ? (a << 32) | b : (b << 32) | a;
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    } else {
      stream.close();
    }
  }
}
