package dev.dfq.engine.capture;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads frames from a pcap or pcapng capture, plain, gzip- or zstd-compressed (told apart by magic bytes).
 *
 * <pre>{@code
 * try (CaptureReader r = CaptureReader.open(path)) {
 *   Frame f = new Frame();
 *   while (r.next(f)) { ... f.data(), f.dataOffset(), f.caplen() ... }
 * } catch (CaptureFormatException e) {
 *   System.err.println(e.tsharkMessage(name)); // every good frame was delivered before this
 * }
 * }</pre>
 *
 * Not thread-safe; open one reader per thread.
 */
public interface CaptureReader extends Closeable {

  /**
   * Fills {@code frame} with the next frame; false at the clean end of the capture. The frame's bytes are
   * valid until the next call.
   *
   * @throws CaptureFormatException when the capture is damaged at this point
   */
  boolean next(Frame frame) throws IOException;

  CaptureFormat format();

  Compression compression();

  /** Interfaces seen so far (pcapng IDBs may appear later in the file). */
  List<InterfaceInfo> interfaces();

  /**
   * Opens a capture file, or standard input for {@code "-"}.
   *
   * @throws CaptureFormatException when the file is in no known format or its header is cut short; an empty
   *     file opens as a capture without frames, as in tshark
   */
  static CaptureReader open(Path path) throws IOException {
    if (path.toString().equals("-")) {
      return open(System.in);
    }
    if (Files.isDirectory(path)) {
      throw new java.nio.file.FileSystemException(path.toString(), null, "Is a directory");
    }
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      // a pipe or device (/dev/stdin, <(zcat ...)): no seeking. Not Files.newInputStream: on JDK 17 its
      // available() seeks, which fails on a pipe ("Illegal seek")
      return open(new java.io.FileInputStream(path.toFile()));
    }
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    try {
      byte[] magic = new byte[4];
      java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(magic);
      while (bb.hasRemaining() && channel.read(bb) >= 0) {
        // read up to four bytes
      }
      Compression compression = Formats.compressionOf(magic, bb.position());
      if (compression == Compression.NONE) {
        channel.position(0);
        // read on this thread: a read-ahead thread measured slower here (one more copy, on two cores
        // already shared with the JIT), unlike for compressed files
        return Formats.openUncompressed(new ByteInput(channel, ByteInput.DEFAULT_SIZE), Compression.NONE);
      }
      channel.close();
      return openDecompressed(Files.newInputStream(path), compression);
    } catch (IOException | RuntimeException | Error e) {
      channel.close();
      throw e;
    }
  }

  /** Opens a capture read from a stream (for example standard input); the reader closes the stream. */
  static CaptureReader open(InputStream stream) throws IOException {
    BufferedInputStream in = new BufferedInputStream(stream, 1 << 16);
    in.mark(8);
    byte[] magic = in.readNBytes(4);
    in.reset();
    Compression compression = Formats.compressionOf(magic, magic.length);
    if (compression == Compression.NONE) {
      return Formats.openUncompressed(new ByteInput(in, false, ByteInput.DEFAULT_SIZE), Compression.NONE);
    }
    return openDecompressed(in, compression);
  }

  private static CaptureReader openDecompressed(InputStream raw, Compression compression) throws IOException {
    InputStream in;
    try {
      in = compression == Compression.GZIP
          ? new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16)
          : ZstdStreams.open(new BufferedInputStream(raw, 1 << 16));
    } catch (java.io.EOFException e) {
      raw.close();
      throw new CaptureFormatException(CaptureFormatException.Kind.CUT_SHORT, 0, "", true);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw new CaptureFormatException(CaptureFormatException.Kind.DECOMPRESSION, 0,
          String.valueOf(e.getMessage()), true);
    }
    try {
      // decompression runs on the read-ahead thread, beside dissection
      return Formats.openUncompressed(new ByteInput(new ReadAheadInputStream(in, ByteInput.DEFAULT_SIZE), true,
          ByteInput.DEFAULT_SIZE), compression);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }
}
