package dev.dfq.engine.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Random garbage and random mutations of valid captures: the reader ends normally or with
 * {@link CaptureFormatException}, quickly, and its buffer stays bounded by what the input holds.
 */
class FuzzTest {
  private static final int RUNS = 4000;

  private static void readFully(byte[] input) throws IOException {
    Frame f = new Frame();
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(input))) {
      long frames = 0;
      while (r.next(f)) {
        assertThat(f.dataOffset() + f.caplen()).isLessThanOrEqualTo(f.data().length);
        assertThat(f.number()).isEqualTo(++frames);
        assertThat(Formats.bufferCapacity(r)).isLessThanOrEqualTo(Math.max(ByteInput.DEFAULT_SIZE, 2 * input.length));
      }
    } catch (CaptureFormatException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      boolean compressed = input.length > 1 && input[0] == 0x1F && (input[1] & 0xFF) == 0x8B;
      assertThat(expected.offset()).isBetween(0L, compressed ? Long.MAX_VALUE : input.length);
    }
  }

  @Test
  void randomGarbage_withValidMagic_onlyDocumentedException() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      Random rnd = new Random(1234);
      int[] magics = {0xD4C3B2A1, 0xA1B2C3D4, 0x4D3CB2A1, 0xA1B23C4D, 0x0A0D0D0A};
      for (int run = 0; run < RUNS; run++) {
        byte[] b = new byte[rnd.nextInt(600)];
        rnd.nextBytes(b);
        if (b.length >= 4 && run % 4 != 0) {
          int m = magics[rnd.nextInt(magics.length)];
          b[0] = (byte) (m >>> 24);
          b[1] = (byte) (m >>> 16);
          b[2] = (byte) (m >>> 8);
          b[3] = (byte) m;
          if (m == 0x0A0D0D0A && b.length >= 12) {
            b[8] = 0x4D;
            b[9] = 0x3C;
            b[10] = 0x2B;
            b[11] = 0x1A;
          }
        }
        readFully(b);
      }
    });
  }

  @Test
  void mutatedValidCaptures_onlyDocumentedException() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      Random rnd = new Random(99);
      byte[][] seeds = {DamageCases.pcap3(), DamageCases.pcapng3(), DamageCases.gzip(DamageCases.pcap3()),
          DamageCases.all().get("pcapng_unknown_block")};
      for (int run = 0; run < RUNS; run++) {
        byte[] b = seeds[run % seeds.length].clone();
        int flips = 1 + rnd.nextInt(4);
        for (int i = 0; i < flips; i++) {
          b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
        }
        readFully(b);
      }
    });
  }

  /** A stream that claims a 128 MiB block and then ends: the reader must not allocate 128 MiB up front. */
  @Test
  void hugeClaimedLength_shortStream_bufferGrowsOnlyWithData() throws IOException {
    CaptureBytes b = DamageCases.pcapngHead();
    byte[] head = b.bytes();
    byte[] claim = new byte[8 + 4096];
    claim[0] = 6; // an EPB, which is read whole into the buffer
    int len = 120 << 20;
    for (int i = 0; i < 4; i++) {
      claim[4 + i] = (byte) (len >>> (8 * i));
    }
    byte[] all = new byte[head.length + claim.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(claim, 0, all, head.length, claim.length);
    InputStream in = new ByteArrayInputStream(all);
    try (CaptureReader r = CaptureReader.open(in)) {
      Frame f = new Frame();
      try {
        r.next(f);
        throw new AssertionError("expected a cut-short error");
      } catch (CaptureFormatException e) {
        assertThat(e.kind()).isEqualTo(CaptureFormatException.Kind.CUT_SHORT);
        assertThat(e.offset()).isEqualTo(head.length);
      }
      assertThat(Formats.bufferCapacity(r)).isLessThanOrEqualTo(ByteInput.DEFAULT_SIZE);
    }
  }
}
