package dev.dfq.engine.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.dfq.engine.capture.CaptureFormatException.Kind;

/** Every prefix of a small capture yields exactly the frames it holds whole, then the right error. */
class TruncationTest {

  @Test
  void pcap_everyTruncationPoint_framesBeforeThenCutShort() throws IOException {
    byte[] full = DamageCases.pcap3();
    int[] ends = {24 + 76, 24 + 152, 24 + 228}; // end offsets of the three records
    for (int len = 0; len <= full.length; len++) {
      final int n = len;
      Captures.Outcome o = Captures.readAll(Arrays.copyOf(full, n));
      int whole = (int) Arrays.stream(ends).filter(e -> e <= n).count();
      String at = "prefix " + n;
      if (n == 0) {
        assertThat(o.error()).as(at).isNull(); // tshark: an empty file is an empty capture
        assertThat(o.count()).as(at).isZero();
      } else if (n < 4) {
        assertThat(o.error().kind()).as(at).isEqualTo(Kind.NOT_A_CAPTURE);
      } else if (n < 24) {
        assertThat(o.error().kind()).as(at).isEqualTo(Kind.CUT_SHORT);
        assertThat(o.error().tsharkExitCode()).as(at).isEqualTo(3);
        assertThat(o.error().offset()).as(at).isZero();
      } else {
        assertThat(o.count()).as(at).isEqualTo(whole);
        boolean onBoundary = n == 24 || Arrays.stream(ends).anyMatch(e -> e == n);
        if (onBoundary) {
          assertThat(o.error()).as(at).isNull();
        } else {
          assertThat(o.error().kind()).as(at).isEqualTo(Kind.CUT_SHORT);
          assertThat(o.error().tsharkExitCode()).as(at).isEqualTo(14);
          assertThat(o.error().offset()).as(at).isEqualTo(whole == 0 ? 24 : ends[whole - 1]);
          assertThat(o.error().tsharkMessage("x.pcap"))
              .isEqualTo("tshark: The file \"x.pcap\" appears to have been cut short in the middle of a packet.");
        }
      }
    }
  }

  @Test
  void pcapng_everyTruncationPoint_framesBeforeThenCutShort() throws IOException {
    CaptureBytes b = CaptureBytes.pcapng(ByteOrder.BIG_ENDIAN);
    int shb = b.size();
    b.idb(LinkTypes.ETHERNET, 0, 9, null, "eth0");
    int idbEnd = b.size();
    b.epb(0, 1_000_000_000L, CaptureBytes.ethernetFrame(0, 61), "first", 1L);
    int e1 = b.size();
    b.block(4, new byte[12]); // NRB, skipped
    int nrb = b.size();
    b.spb(60, CaptureBytes.ethernetFrame(1, 60));
    int e2 = b.size();
    b.opb(0, 2_000_000_000L, CaptureBytes.ethernetFrame(2, 62));
    int e3 = b.size();
    byte[] full = b.bytes();
    int[] frameEnds = {e1, e2, e3};
    int[] blockEnds = {shb, idbEnd, e1, nrb, e2, e3};

    for (int len = 0; len <= full.length; len++) {
      final int n = len;
      Captures.Outcome o = Captures.readAll(Arrays.copyOf(full, n));
      String at = "prefix " + n;
      int whole = (int) Arrays.stream(frameEnds).filter(e -> e <= n).count();
      if (n == 0) {
        assertThat(o.error()).as(at).isNull();
        continue;
      }
      if (n < 12) {
        assertThat(o.error().kind()).as(at).isIn(Kind.NOT_A_CAPTURE, Kind.CUT_SHORT);
        continue;
      }
      assertThat(o.count()).as(at).isEqualTo(whole);
      boolean onBoundary = Arrays.stream(blockEnds).anyMatch(e -> e == n);
      if (onBoundary) {
        assertThat(o.error()).as(at).isNull();
        continue;
      }
      assertThat(o.error().kind()).as(at).isEqualTo(Kind.CUT_SHORT);
      int blockStart = Arrays.stream(blockEnds).filter(e -> e < n).max().orElse(0);
      assertThat(o.error().offset()).as(at).isEqualTo(blockStart);
      // wiretap reads the SHB, the IDBs after it and the next block's header while opening: damage there
      // exits 3 (checked with tshark 4.6.9 on cuts 8 bytes after the last IDB and 1 byte later)
      assertThat(o.error().tsharkExitCode()).as(at).isEqualTo(n < idbEnd + 8 ? 3 : 14);
    }
  }
}
