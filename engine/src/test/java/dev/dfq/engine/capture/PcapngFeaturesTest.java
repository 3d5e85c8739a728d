package dev.dfq.engine.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.Test;

/** pcapng: sections of both byte orders, several interfaces, resolutions, offsets, options, block kinds. */
class PcapngFeaturesTest {

  @Test
  void twoSections_bothByteOrders_interfaceIdsAreFileWide() throws IOException {
    byte[] a = CaptureBytes.ethernetFrame(1, 60);
    byte[] b = CaptureBytes.ethernetFrame(2, 70);
    byte[] c = CaptureBytes.ethernetFrame(3, 80);
    CaptureBytes cap = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN)
        .idb(LinkTypes.ETHERNET, 65535, null, null, "eth0")
        .idb(LinkTypes.LINUX_SLL, 65535, 9, null, "any")
        .epb(1, 1_700_000_000_123_456_789L, b)
        .epb(0, 1_700_000_000_000_001L, a, "hello, comment", 0x1L)
        .block(5, new byte[24]) // ISB
        .block(0x0A, new byte[16]) // DSB
        .shb(ByteOrder.BIG_ENDIAN)
        .idb(LinkTypes.RAW, 0, 0x80 | 10, 100L, null) // 2^-10 s units, +100 s offset
        .epb(0, (5L << 10) | 512, c); // 5.5 s

    Captures.Outcome o = Captures.readAll(cap.bytes());

    assertThat(o.error()).isNull();
    assertThat(o.frames()).hasSize(3);
    Captures.FrameCopy f1 = o.frames().get(0);
    assertThat(f1.interfaceId()).isEqualTo(1);
    assertThat(f1.linkType()).isEqualTo(LinkTypes.LINUX_SLL);
    assertThat(f1.seconds()).isEqualTo(1_700_000_000L);
    assertThat(f1.nanos()).isEqualTo(123_456_789);
    assertThat(f1.data()).isEqualTo(b);
    Captures.FrameCopy f2 = o.frames().get(1);
    assertThat(f2.interfaceId()).isZero();
    assertThat(f2.seconds()).isEqualTo(1_700_000_000L);
    assertThat(f2.nanos()).isEqualTo(1_000);
    assertThat(f2.comments()).containsExactly("hello, comment");
    assertThat(f2.flags()).isEqualTo(1L);
    assertThat(f2.number()).isEqualTo(2);
    Captures.FrameCopy f3 = o.frames().get(2);
    assertThat(f3.interfaceId()).isEqualTo(2);
    assertThat(f3.linkType()).isEqualTo(LinkTypes.RAW);
    assertThat(f3.seconds()).isEqualTo(105);
    assertThat(f3.nanos()).isEqualTo(500_000_000);
    assertThat(f3.data()).isEqualTo(c);
  }

  @Test
  void interfaces_reportNameResolutionAndOffset() throws IOException {
    byte[] cap = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN)
        .idb(LinkTypes.ETHERNET, 1500, 3, -5L, "wlan0").epb(0, 12_345, CaptureBytes.ethernetFrame(0, 60)).bytes();
    try (CaptureReader r = CaptureReader.open(new java.io.ByteArrayInputStream(cap))) {
      assertThat(r.format()).isEqualTo(CaptureFormat.PCAPNG);
      assertThat(r.interfaces()).containsExactly(new InterfaceInfo(0, 1, 1500, "wlan0", null, 3, -5));
      Frame f = new Frame();
      assertThat(r.next(f)).isTrue();
      assertThat(f.epochSeconds()).isEqualTo(12 - 5);
      assertThat(f.nanos()).isEqualTo(345_000_000);
      assertThat(f.tsResolution()).isEqualTo(3);
      assertThat(r.next(f)).isFalse();
    }
  }

  @Test
  void simplePacketBlock_truncatedToSnaplen_noTimestamp() throws IOException {
    byte[] data = CaptureBytes.ethernetFrame(9, 100);
    byte[] cap = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).idb(LinkTypes.ETHERNET, 64, null, null, null)
        .spb(1514, data).bytes();

    Captures.Outcome o = Captures.readAll(cap);

    assertThat(o.error()).isNull();
    Captures.FrameCopy f = o.frames().get(0);
    assertThat(f.data()).isEqualTo(java.util.Arrays.copyOf(data, 64));
    assertThat(f.originalLength()).isEqualTo(1514);
    assertThat(f.hasTimestamp()).isFalse();
  }

  @Test
  void obsoletePacketBlock_readLikeEpb() throws IOException {
    byte[] data = CaptureBytes.ethernetFrame(4, 66);
    byte[] cap = CaptureBytes.pcapng(ByteOrder.BIG_ENDIAN).idb(LinkTypes.ETHERNET, 0, null, null, null)
        .opb(0, 3_000_001L, data).bytes();

    Captures.Outcome o = Captures.readAll(cap);

    assertThat(o.error()).isNull();
    assertThat(o.frames()).singleElement().satisfies(f -> {
      assertThat(f.seconds()).isEqualTo(3);
      assertThat(f.nanos()).isEqualTo(1_000);
      assertThat(f.data()).isEqualTo(data);
      assertThat(f.fileOffset()).isEqualTo(28 + 20);
    });
  }

  @Test
  void timestamps_powersOfTenAndTwo() {
    Frame f = new Frame();
    Timestamps.of(0, 0).apply(42, f);
    assertThat(List.of(f.epochSeconds(), (long) f.nanos())).containsExactly(42L, 0L);
    Timestamps.of(12, 0).apply(1_500_000_000_000L, f); // picoseconds
    assertThat(List.of(f.epochSeconds(), (long) f.nanos())).containsExactly(1L, 500_000_000L);
    Timestamps.of(0x80 | 40, 0).apply((3L << 40) | (1L << 39), f); // 2^-40 s
    assertThat(List.of(f.epochSeconds(), (long) f.nanos())).containsExactly(3L, 500_000_000L);
    Timestamps.of(9, 0).apply(-1L, f); // unsigned 2^64-1 ns
    assertThat(f.epochSeconds()).isEqualTo(18_446_744_073L);
    assertThat(f.nanos()).isEqualTo(709_551_615);
    assertThat(Timestamps.of(19, 0)).isNull();
    assertThat(Timestamps.of(0x80 | 64, 0)).isNull();
  }
}
