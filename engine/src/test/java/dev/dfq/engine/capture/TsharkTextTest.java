package dev.dfq.engine.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open failures read as tshark 4.6.9 reports them (recorded by hand). */
class TsharkTextTest {

  @Test
  void missingFile_doesntExist_exit3(@TempDir Path dir) {
    Path missing = dir.resolve("nonexistent.pcap");
    IOException e = catchThrowableOfType(IOException.class, () -> CaptureReader.open(missing));

    assertThat(TsharkText.message(missing.toString(), e))
        .isEqualTo("tshark: The file \"" + missing + "\" doesn't exist.");
    assertThat(TsharkText.exitCode(e)).isEqualTo(3);
  }

  @Test
  void directory_notAFile_exit3(@TempDir Path dir) {
    IOException e = catchThrowableOfType(IOException.class, () -> CaptureReader.open(dir));

    assertThat(TsharkText.message(dir.toString(), e))
        .isEqualTo("tshark: \"" + dir + "\" is a directory (folder), not a file.");
    assertThat(TsharkText.exitCode(e)).isEqualTo(3);
  }
}
