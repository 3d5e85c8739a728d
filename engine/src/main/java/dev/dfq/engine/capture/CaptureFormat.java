package dev.dfq.engine.capture;

import java.nio.file.Path;
import java.util.Locale;

/** Capture file formats read and written. */
public enum CaptureFormat {
  /** Classic pcap, microsecond timestamps (magic A1B2C3D4). */
  PCAP,
  /** Classic pcap, nanosecond timestamps (magic A1B23C4D). */
  PCAP_NSEC,
  /** pcapng. */
  PCAPNG;

  /**
   * The output format for a file name, as tshark's {@code -F} default picks it: {@code .pcap}, {@code .cap},
   * {@code .dmp} give pcap, anything else pcapng (tshark writes pcapng unless told otherwise).
   * A trailing {@code .gz} or {@code .zst} is ignored.
   */
  public static CaptureFormat forFileName(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    name = name.replaceFirst("\\.(gz|zst)$", "");
    if (name.endsWith(".pcap") || name.endsWith(".cap") || name.endsWith(".dmp")) {
      return PCAP;
    }
    return PCAPNG;
  }
}
