package dev.dfq.engine.capture;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes frames to a pcap or pcapng file ({@code -w}). Frames are written exactly as given, in order.
 *
 * <pre>{@code
 * try (CaptureWriter w = CaptureWriter.open(out, CaptureFormat.forFileName(out), reader.interfaces())) {
 *   while (reader.next(f)) if (matches(f)) w.write(f);
 * }
 * }</pre>
 */
public interface CaptureWriter extends Closeable {

  /** Appends one frame. */
  void write(Frame frame) throws IOException;

  /**
   * Opens {@code path} for writing in {@code format}; {@code interfaces} describe the input's interfaces
   * (pcapng keeps their link types, names and resolutions; pcap takes the link type of the first).
   */
  static CaptureWriter open(Path path, CaptureFormat format, List<InterfaceInfo> interfaces) throws IOException {
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20);
    return open(out, format, interfaces);
  }

  /** As {@link #open(Path, CaptureFormat, List)} on a stream; the writer closes it. */
  static CaptureWriter open(OutputStream out, CaptureFormat format, List<InterfaceInfo> interfaces)
      throws IOException {
    return switch (format) {
      case PCAP, PCAP_NSEC -> new PcapWriter(out, format == CaptureFormat.PCAP_NSEC, interfaces);
      case PCAPNG -> new PcapngWriter(out, interfaces);
    };
  }
}
