package dev.dfq.engine.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Frames delivered, exit status and stderr text agree with tshark 4.6.9 on each damaged capture. */
class TsharkDamageGoldenTest {

  record Golden(String fileName, int frames, int exit, String stderr) {
    @Override
    public String toString() {
      return fileName;
    }
  }

  static Stream<Golden> goldens() throws IOException {
    String text;
    try (InputStream in = TsharkDamageGoldenTest.class.getResourceAsStream("/capture/tshark-damaged-files.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Golden> out = new ArrayList<>();
    String[] blocks = text.split("(?m)^== ");
    for (int i = 1; i < blocks.length; i++) {
      String[] lines = blocks[i].split("\n", -1);
      StringBuilder err = new StringBuilder();
      for (int j = 3; j < lines.length; j++) {
        if (!lines[j].isEmpty()) {
          err.append(err.length() == 0 ? "" : "\n").append(lines[j]);
        }
      }
      out.add(new Golden(lines[0].trim(), Integer.parseInt(lines[1].substring("frames=".length())),
          Integer.parseInt(lines[2].substring("exit=".length())), err.toString()));
    }
    assertThat(out).hasSizeGreaterThanOrEqualTo(25);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void damagedCapture_readAsTsharkDoes(Golden g) throws IOException {
    Map<String, byte[]> cases = DamageCases.all();
    String key = g.fileName().replaceFirst("\\.(pcapng|pcap\\.gz|pcap)$", "");
    assertThat(cases).containsKey(key);

    Captures.Outcome o = Captures.readAll(cases.get(key));

    assertThat(o.count()).as("frames").isEqualTo(g.frames());
    if (g.exit() == 0) {
      assertThat(o.error()).as("error").isNull();
    } else {
      assertThat(o.error()).as("error").isNotNull();
      assertThat(o.error().tsharkExitCode()).as("exit").isEqualTo(g.exit());
      assertThat(o.error().tsharkMessage(g.fileName())).isEqualTo(g.stderr());
    }
  }
}
