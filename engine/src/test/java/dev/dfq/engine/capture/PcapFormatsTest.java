package dev.dfq.engine.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Classic pcap in both byte orders and resolutions, from a file and from a stream. */
class PcapFormatsTest {

  @ParameterizedTest(name = "{0} nanos={1}")
  @CsvSource({"LITTLE_ENDIAN,false", "LITTLE_ENDIAN,true", "BIG_ENDIAN,false", "BIG_ENDIAN,true"})
  void pcap_byteOrderAndResolution_readBack(String order, boolean nanos, @TempDir Path dir) throws IOException {
    ByteOrder bo = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    byte[] a = CaptureBytes.ethernetFrame(1, 60);
    byte[] b = CaptureBytes.ethernetFrame(2, 1514);
    byte[] cap = CaptureBytes.pcap(bo, nanos, LinkTypes.LINUX_SLL)
        .record(1_700_000_000L, nanos ? 123_456_789 : 123_456, a)
        .record(4_000_000_000L, 7, java.util.Arrays.copyOf(b, 1000), 1000, 1514).bytes();
    Path file = dir.resolve("x.bin");
    Files.write(file, cap);

    for (CaptureReader r : List.of(CaptureReader.open(file), CaptureReader.open(new ByteArrayInputStream(cap)))) {
      try (r) {
        assertThat(r.format()).isEqualTo(nanos ? CaptureFormat.PCAP_NSEC : CaptureFormat.PCAP);
        assertThat(r.compression()).isEqualTo(Compression.NONE);
        assertThat(r.interfaces()).singleElement().satisfies(i -> {
          assertThat(i.linkType()).isEqualTo(LinkTypes.LINUX_SLL);
          assertThat(i.snaplen()).isEqualTo(65535);
        });
        Frame f = new Frame();
        assertThat(r.next(f)).isTrue();
        assertThat(f.number()).isEqualTo(1);
        assertThat(f.epochSeconds()).isEqualTo(1_700_000_000L);
        assertThat(f.nanos()).isEqualTo(nanos ? 123_456_789 : 123_456_000);
        assertThat(f.tsResolution()).isEqualTo(nanos ? 9 : 6);
        assertThat(f.copyData()).isEqualTo(a);
        assertThat(f.fileOffset()).isEqualTo(24);
        assertThat(f.linkType()).isEqualTo(LinkTypes.LINUX_SLL);
        assertThat(r.next(f)).isTrue();
        assertThat(f.epochSeconds()).isEqualTo(4_000_000_000L); // unsigned seconds, past 2038
        assertThat(f.caplen()).isEqualTo(1000);
        assertThat(f.originalLength()).isEqualTo(1514);
        assertThat(f.copyData()).isEqualTo(java.util.Arrays.copyOf(b, 1000));
        assertThat(f.fileOffset()).isEqualTo(24 + 16 + 60);
        assertThat(r.next(f)).isFalse();
        assertThat(r.next(f)).isFalse();
      }
    }
  }

  @Test
  void corner_committedCaptures_matchTsharkFields() throws IOException {
    for (String name : List.of("soc.pcap", "s11_sll.pcap", "s11_null.pcap")) {
      List<String> expected = readLines("/capture/" + name + ".fields");
      List<String> actual = new ArrayList<>();
      Frame f = new Frame();
      try (CaptureReader r = CaptureReader.open(PcapFormatsTest.class.getResourceAsStream("/capture/" + name))) {
        while (r.next(f)) {
          actual.add(f.number() + "\t" + f.originalLength() + "\t" + f.caplen() + "\t" + f.epochSeconds() + "."
              + String.format("%09d", f.nanos()));
        }
      }
      assertThat(actual).as(name).isEqualTo(expected);
    }
  }

  static List<String> readLines(String resource) throws IOException {
    try (var in = PcapFormatsTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }
  }
}
