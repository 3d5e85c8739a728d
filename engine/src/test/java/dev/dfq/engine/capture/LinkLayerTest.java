package dev.dfq.engine.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The network layer starts where tshark finds ip.src / ipv6.src, on each link type. */
class LinkLayerTest {

  @ParameterizedTest
  @ValueSource(strings = {"s11_sll.pcap", "s11_null.pcap", "linux_dlt_sll2.pcap", "http-vlan-0.pcap", "v6.pcap",
      "soc.pcap"})
  void committedCaptures_networkSourceAddressAsTshark(String name) throws IOException {
    List<String> expected = PcapFormatsTest.readLines("/capture/" + name + ".netsrc");
    LinkLayer link = new LinkLayer();
    Frame f = new Frame();
    int i = 0;
    try (CaptureReader r = CaptureReader.open(LinkLayerTest.class.getResourceAsStream("/capture/" + name))) {
      while (r.next(f)) {
        String[] cols = (expected.get(i++) + "\t\t\t").split("\t", -1);
        String at = name + " frame " + f.number();
        boolean parsed = link.parse(f);
        if (!cols[1].isEmpty()) {
          assertThat(parsed).as(at).isTrue();
          assertThat(link.etherType()).as(at).isEqualTo(LinkLayer.ETHERTYPE_IPV4);
          assertThat(address(f, link.networkOffset() + 12, 4)).as(at).isEqualTo(InetAddress.getByName(cols[1]));
        } else if (!cols[2].isEmpty()) {
          assertThat(parsed).as(at).isTrue();
          assertThat(link.etherType()).as(at).isEqualTo(LinkLayer.ETHERTYPE_IPV6);
          assertThat(address(f, link.networkOffset() + 8, 16)).as(at).isEqualTo(InetAddress.getByName(cols[2]));
        } else {
          assertThat(link.etherType()).as(at).isNotIn(LinkLayer.ETHERTYPE_IPV4, LinkLayer.ETHERTYPE_IPV6);
        }
        assertThat(link.vlanTags() > 0).as(at + " vlan").isEqualTo(!cols[3].isEmpty());
      }
    }
    assertThat(i).isEqualTo(expected.size());
  }

  private static InetAddress address(Frame f, int at, int len) throws IOException {
    int from = f.dataOffset() + at;
    return InetAddress.getByAddress(Arrays.copyOfRange(f.data(), from, from + len));
  }

  @Test
  void nullAndLoop_familyInEitherByteOrder() {
    LinkLayer l = new LinkLayer();
    byte[] le6 = {30, 0, 0, 0, 0x60};
    assertThat(l.parse(LinkTypes.NULL, le6, 0, le6.length)).isTrue();
    assertThat(l.etherType()).isEqualTo(LinkLayer.ETHERTYPE_IPV6);
    assertThat(l.networkOffset()).isEqualTo(4);
    byte[] be4 = {0, 0, 0, 2, 0x45};
    assertThat(l.parse(LinkTypes.LOOP, be4, 0, be4.length)).isTrue();
    assertThat(l.etherType()).isEqualTo(LinkLayer.ETHERTYPE_IPV4);
    assertThat(l.parse(LinkTypes.LOOP, le6, 0, le6.length)).isFalse(); // LOOP is always big-endian
  }

  @Test
  void rawAndShortAndUnknown() {
    LinkLayer l = new LinkLayer();
    byte[] v6 = {0x60, 0, 0, 0};
    assertThat(l.parse(LinkTypes.RAW, v6, 0, 4)).isTrue();
    assertThat(l.etherType()).isEqualTo(LinkLayer.ETHERTYPE_IPV6);
    assertThat(l.networkOffset()).isZero();
    assertThat(l.parse(LinkTypes.RAW, new byte[] {0x10}, 0, 1)).isFalse();
    assertThat(l.parse(LinkTypes.ETHERNET, new byte[13], 0, 13)).isFalse();
    assertThat(l.parse(LinkTypes.LINUX_SLL2, new byte[19], 0, 19)).isFalse();
    assertThat(l.parse(147, new byte[100], 0, 100)).isFalse(); // a user DLT
  }

  @Test
  void ethernet_qinqAndSnap() {
    LinkLayer l = new LinkLayer();
    byte[] qinq = new byte[30];
    qinq[12] = (byte) 0x88;
    qinq[13] = (byte) 0xA8;
    qinq[16] = (byte) 0x81;
    qinq[17] = 0x00;
    qinq[20] = (byte) 0x86;
    qinq[21] = (byte) 0xDD;
    assertThat(l.parse(LinkTypes.ETHERNET, qinq, 0, qinq.length)).isTrue();
    assertThat(l.vlanTags()).isEqualTo(2);
    assertThat(l.networkOffset()).isEqualTo(22);
    assertThat(l.etherType()).isEqualTo(LinkLayer.ETHERTYPE_IPV6);

    byte[] snap = new byte[40];
    snap[12] = 0;
    snap[13] = 30; // 802.3 length
    snap[14] = (byte) 0xAA;
    snap[15] = (byte) 0xAA;
    snap[16] = 3;
    snap[20] = 0x08;
    snap[21] = 0x06;
    assertThat(l.parse(LinkTypes.ETHERNET, snap, 0, snap.length)).isTrue();
    assertThat(l.networkOffset()).isEqualTo(22);
    assertThat(l.etherType()).isEqualTo(LinkLayer.ETHERTYPE_ARP);
  }
}
