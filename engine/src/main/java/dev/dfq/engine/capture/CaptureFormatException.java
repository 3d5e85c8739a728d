package dev.dfq.engine.capture;

import java.io.IOException;
import java.util.Objects;

/**
 * A capture that cannot be read on: bad magic, a record cut short, an impossible length, a corrupt
 * compressed stream. Every frame before {@link #offset()} was delivered before this was thrown.
 *
 * <p>{@link #tsharkMessage(String)} and {@link #tsharkExitCode()} reproduce what tshark 4.6.9 prints on
 * stderr and returns for the same damage (recorded in {@code capture/tshark-damaged-files.txt} of the
 * engine's test resources): errors met while opening the file (file header, pcapng SHB and the IDBs right
 * after it) exit 3, errors met while reading frames exit 14.
 */
public final class CaptureFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, in tshark's words. */
  public enum Kind {
    /** No reader recognises the first bytes: "isn't a capture file in a format TShark understands." */
    NOT_A_CAPTURE,
    /** The file ends inside a header or a record. */
    CUT_SHORT,
    /** A length or field that no valid file has: "appears to be damaged or corrupt." plus a detail line. */
    DAMAGED,
    /** The gzip/zstd layer failed: "cannot be decompressed; it may be damaged or corrupt." plus a detail. */
    DECOMPRESSION,
    /** Valid structure that wiretap does not support, e.g. pcapng version 2: "contains record data ..." */
    UNSUPPORTED
  }

  private final Kind kind;
  private final long offset;
  private final String detail;
  private final boolean atOpen;

  /**
   * @param offset offset in the (decompressed) capture stream of the header or record that is bad
   * @param detail tshark's parenthesised detail line without parentheses, e.g. {@code "pcapng: ..."}; may be empty
   * @param atOpen true when the damage lies in what tshark reads while opening the file
   */
  public CaptureFormatException(Kind kind, long offset, String detail, boolean atOpen) {
    super(describe(kind, offset, detail));
    this.kind = Objects.requireNonNull(kind, "kind is null");
    this.offset = offset;
    this.detail = detail == null ? "" : detail;
    this.atOpen = atOpen;
  }

  private static String describe(Kind kind, long offset, String detail) {
    String what = switch (kind) {
      case NOT_A_CAPTURE -> "not a capture file in a known format";
      case CUT_SHORT -> "capture cut short";
      case DAMAGED -> "capture damaged";
      case DECOMPRESSION -> "capture cannot be decompressed";
      case UNSUPPORTED -> "capture holds unsupported data";
    };
    return what + " at offset " + offset + (detail == null || detail.isEmpty() ? "" : ": " + detail);
  }

  public Kind kind() { return kind; }

  /** Byte offset (in the decompressed stream) of the header or record found bad. */
  public long offset() { return offset; }

  /** tshark's detail line (without parentheses), or "" when tshark prints none. */
  public String detail() { return detail; }

  /** True when tshark would already fail while opening the file. */
  public boolean atOpen() { return atOpen; }

  /** tshark's exit status for this damage: 3 when opening fails (or no format matches), 14 when reading does. */
  public int tsharkExitCode() {
    return kind == Kind.NOT_A_CAPTURE || atOpen ? 3 : 14;
  }

  /** The text tshark 4.6.9 writes to stderr for this damage; {@code fileName} is the name as given to -r. */
  public String tsharkMessage(String fileName) {
    String head = "tshark: The file \"" + fileName + "\" ";
    return switch (kind) {
      case NOT_A_CAPTURE -> head + "isn't a capture file in a format TShark understands.";
      case CUT_SHORT -> head + "appears to have been cut short in the middle of a packet"
          + (atOpen ? " or other data." : ".");
      case DAMAGED -> head + "appears to be damaged or corrupt." + detailLine();
      // tshark 4.6.9 prints this detail on the same line when the failure comes while opening
      case DECOMPRESSION -> head + "cannot be decompressed; it may be damaged or corrupt."
          + (atOpen && !detail.isEmpty() ? "(" + detail + ")" : detailLine());
      case UNSUPPORTED -> head + "contains record data that TShark doesn't support." + detailLine();
    };
  }

  private String detailLine() {
    return detail.isEmpty() ? "" : "\n(" + detail + ")";
  }
}
