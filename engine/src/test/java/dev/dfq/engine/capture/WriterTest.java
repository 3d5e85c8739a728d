package dev.dfq.engine.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writers: what is written reads back frame for frame; tshark reads the pcapng we write. */
class WriterTest {

  /** Two sections, three interfaces (Ethernet µs, raw IP ns, SLL 2^-10 s), comments and flags. */
  static byte[] mixedPcapng() {
    return CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN)
        .idb(LinkTypes.ETHERNET, 65535, null, null, "eth0")
        .idb(LinkTypes.RAW, 65535, 9, null, "tun0")
        .epb(0, 1_700_000_000_000_001L, CaptureBytes.ethernetFrame(1, 60), "first frame", 2L)
        .epb(1, 1_700_000_001_000_000_007L, rawIpv4(40))
        .shb(ByteOrder.BIG_ENDIAN)
        .idb(LinkTypes.LINUX_SLL, 0, 0x80 | 10, null, null)
        .epb(0, (1_700_000_002L << 10) | 256, CaptureBytes.ethernetFrame(3, 80))
        .epb(0, (1_700_000_003L << 10), CaptureBytes.ethernetFrame(4, 1514), "second comment, with a comma", null)
        .bytes();
  }

  static byte[] rawIpv4(int length) {
    byte[] b = new byte[length];
    b[0] = 0x45;
    b[3] = (byte) length;
    b[8] = 64;
    b[9] = 17;
    return b;
  }

  private static List<Captures.FrameCopy> roundTrip(byte[] input, CaptureFormat format, Path out) throws IOException {
    Frame f = new Frame();
    try (CaptureReader r = CaptureReader.open(new java.io.ByteArrayInputStream(input));
        CaptureWriter w = CaptureWriter.open(out, format, allInterfaces(input))) {
      while (r.next(f)) {
        w.write(f);
      }
    }
    return Captures.readAll(Files.readAllBytes(out)).frames();
  }

  static List<InterfaceInfo> allInterfaces(byte[] input) throws IOException {
    try (CaptureReader r = CaptureReader.open(new java.io.ByteArrayInputStream(input))) {
      Frame f = new Frame();
      while (r.next(f)) {
        // read through so every IDB is seen
      }
      return List.copyOf(r.interfaces());
    }
  }

  @Test
  void pcapng_mixedInterfaces_roundTripKeepsEverything(@TempDir Path dir) throws IOException {
    byte[] input = mixedPcapng();
    List<Captures.FrameCopy> expected = Captures.readAll(input).frames();

    List<Captures.FrameCopy> actual = roundTrip(input, CaptureFormat.PCAPNG, dir.resolve("out.pcapng"));

    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      Captures.FrameCopy e = expected.get(i);
      Captures.FrameCopy a = actual.get(i);
      assertThat(a.data()).isEqualTo(e.data());
      assertThat(a.seconds()).isEqualTo(e.seconds());
      assertThat(a.nanos()).isEqualTo(e.nanos());
      assertThat(a.interfaceId()).isEqualTo(e.interfaceId());
      assertThat(a.linkType()).isEqualTo(e.linkType());
      assertThat(a.comments()).isEqualTo(e.comments());
      assertThat(a.flags()).isEqualTo(e.flags());
      assertThat(a.originalLength()).isEqualTo(e.originalLength());
    }
    try (CaptureReader r = CaptureReader.open(dir.resolve("out.pcapng"))) {
      Frame f = new Frame();
      while (r.next(f)) {
        // read all IDBs
      }
      assertThat(r.interfaces()).extracting(InterfaceInfo::name).containsExactly("eth0", "tun0", null);
    }
  }

  @Test
  void pcap_microAndNano_roundTrip(@TempDir Path dir) throws IOException {
    byte[] input = CaptureBytes.pcap(ByteOrder.BIG_ENDIAN, true, LinkTypes.ETHERNET)
        .record(10, 123_456_789, CaptureBytes.ethernetFrame(1, 60))
        .record(11, 5, CaptureBytes.ethernetFrame(2, 100), 100, 1500).bytes();
    List<Captures.FrameCopy> ns = roundTrip(input, CaptureFormat.PCAP_NSEC, dir.resolve("ns.pcap"));
    List<Captures.FrameCopy> us = roundTrip(input, CaptureFormat.PCAP, dir.resolve("us.pcap"));

    assertThat(ns).extracting(Captures.FrameCopy::nanos).containsExactly(123_456_789, 5);
    assertThat(us).extracting(Captures.FrameCopy::nanos).containsExactly(123_456_000, 0);
    assertThat(us).extracting(Captures.FrameCopy::originalLength).containsExactly(60L, 1500L);
    assertThat(us.get(1).data()).isEqualTo(CaptureBytes.ethernetFrame(2, 100));
    assertThat(Files.size(dir.resolve("us.pcap"))).isEqualTo(24 + 16 + 60 + 16 + 100);
  }

  @Test
  void pcap_severalLinkTypes_refusedWithClearMessage(@TempDir Path dir) throws IOException {
    byte[] input = mixedPcapng();
    assertThatThrownBy(() -> CaptureWriter.open(dir.resolve("x.pcap"), CaptureFormat.PCAP, allInterfaces(input)))
        .isInstanceOf(IOException.class).hasMessageContaining("write pcapng");
  }

  @Test
  void formatForFileName_byExtension() {
    assertThat(CaptureFormat.forFileName(Path.of("a.pcap"))).isEqualTo(CaptureFormat.PCAP);
    assertThat(CaptureFormat.forFileName(Path.of("a.CAP"))).isEqualTo(CaptureFormat.PCAP);
    assertThat(CaptureFormat.forFileName(Path.of("a.pcapng"))).isEqualTo(CaptureFormat.PCAPNG);
    assertThat(CaptureFormat.forFileName(Path.of("a.pcap.gz"))).isEqualTo(CaptureFormat.PCAP);
    assertThat(CaptureFormat.forFileName(Path.of("out"))).isEqualTo(CaptureFormat.PCAPNG);
  }

  /**
   * The pcapng we write for {@link #mixedPcapng()}, read by tshark 4.6.9 by hand
   * ({@code tshark -r writer-golden.pcapng -T fields -e frame.number -e frame.len -e frame.interface_id
   * -e frame.time_epoch -e frame.comment}), recorded in {@code capture/writer-golden.tshark.txt}. The test
   * leaves the file in {@code target/} so it can be checked again.
   */
  @Test
  void pcapng_writtenFile_readsAsTsharkRead() throws IOException {
    Path out = Path.of("target", "writer-golden.pcapng");
    Files.createDirectories(out.getParent());
    roundTrip(mixedPcapng(), CaptureFormat.PCAPNG, out);
    List<String> expected = PcapFormatsTest.readLines("/capture/writer-golden.tshark.txt");

    List<String> actual = new ArrayList<>();
    Frame f = new Frame();
    try (CaptureReader r = CaptureReader.open(out)) {
      while (r.next(f)) {
        actual.add(f.number() + "\t" + f.originalLength() + "\t" + f.interfaceId() + "\t" + f.epochSeconds() + "."
            + String.format("%09d", f.nanos()) + "\t" + String.join(",", f.comments()).replace("\n", "\\n"));
      }
    }
    assertThat(actual).isEqualTo(expected);
  }
}
