package dev.dfq.engine.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What tshark 4.6.9 prints and returns when {@code -r FILE} cannot be read, for the CLI to mimic. Verified
 * by hand: a missing file ("doesn't exist.", exit 3), a directory ("is a directory (folder), not a file.",
 * exit 3), and every {@link CaptureFormatException} case (see its documentation).
 */
public final class TsharkText {
  private TsharkText() {
  }

  /** tshark's stderr text for a failure of {@code CaptureReader.open} or {@code next} on {@code name}. */
  public static String message(String name, IOException e) {
    if (e instanceof CaptureFormatException c) {
      return c.tsharkMessage(name);
    }
    if (e instanceof NoSuchFileException) {
      return "tshark: The file \"" + name + "\" doesn't exist.";
    }
    if (Files.isDirectory(Path.of(name))) {
      return "tshark: \"" + name + "\" is a directory (folder), not a file.";
    }
    // not verified against tshark: the operating system's reason, in tshark's usual frame
    return "tshark: The file \"" + name + "\" could not be opened: " + e.getMessage() + ".";
  }

  /** tshark's exit status for the same failure: 3 when the file cannot be opened, 14 when reading fails. */
  public static int exitCode(IOException e) {
    return e instanceof CaptureFormatException c ? c.tsharkExitCode() : 3;
  }
}
