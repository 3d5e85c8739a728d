package dev.dfq.engine.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.airlift.compress.zstd.ZstdCompressor;

/** gzip and zstd input, recognised by magic whatever the file is called. */
class CompressionTest {

  private static byte[] zstd(byte[] plain) {
    ZstdCompressor c = new ZstdCompressor();
    byte[] out = new byte[c.maxCompressedLength(plain.length)];
    int n = c.compress(plain, 0, plain.length, out, 0, out.length);
    return Arrays.copyOf(out, n);
  }

  @Test
  void gzipAndZstd_anyFileName_readLikePlain(@TempDir Path dir) throws IOException {
    byte[] plain = DamageCases.pcap200();
    Captures.Outcome expected = Captures.readAll(plain);
    assertThat(expected.count()).isEqualTo(200);
    byte[] ng = DamageCases.pcapng3();

    for (Object[] c : new Object[][] {
        {DamageCases.gzip(plain), Compression.GZIP, 200}, {zstd(plain), Compression.ZSTD, 200},
        {DamageCases.gzip(ng), Compression.GZIP, 3}, {zstd(ng), Compression.ZSTD, 3}}) {
      byte[] bytes = (byte[]) c[0];
      Path file = dir.resolve("capture.pcapng"); // the name says nothing true
      Files.write(file, bytes);
      Frame f = new Frame();
      int n = 0;
      try (CaptureReader r = CaptureReader.open(file)) {
        assertThat(r.compression()).isEqualTo(c[1]);
        while (r.next(f)) {
          n++;
          if ((int) c[2] == 200) {
            assertThat(f.copyData()).isEqualTo(expected.frames().get(n - 1).data());
            assertThat(f.fileOffset()).isEqualTo(expected.frames().get(n - 1).fileOffset());
          }
        }
      }
      assertThat(n).isEqualTo(c[2]);
      assertThat(Captures.readAll(bytes).count()).isEqualTo(c[2]);
    }
  }

  @Test
  void concatenatedGzipMembers_readAsOneStream() throws IOException {
    byte[] plain = DamageCases.pcap200();
    int half = 24 + 1000;
    byte[] a = DamageCases.gzip(Arrays.copyOf(plain, half));
    byte[] b = DamageCases.gzip(Arrays.copyOfRange(plain, half, plain.length));
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);

    assertThat(Captures.readAll(both).count()).isEqualTo(200);
  }

  @Test
  void cutGzip_framesThenCutShort_everyPrefix() throws IOException {
    byte[] gz = DamageCases.gzip(DamageCases.pcap200());
    int last = -1;
    for (int n = 0; n < gz.length; n += 29) {
      Captures.Outcome o = Captures.readAll(Arrays.copyOf(gz, n));
      assertThat(o.count()).as("prefix " + n).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(200);
      last = o.count();
      if (n > 0 && o.count() < 200) { // a cut compressed stream is an error even at a record boundary
        assertThat(o.error()).as("prefix " + n).isNotNull();
        assertThat(o.error().kind()).as("prefix " + n)
            .isIn(CaptureFormatException.Kind.CUT_SHORT, CaptureFormatException.Kind.DECOMPRESSION);
      }
    }
  }

  @Test
  void corruptZstd_reportsDecompressionOrDamage() throws IOException {
    byte[] z = zstd(DamageCases.pcap200());
    for (int i = 4; i < z.length; i += 5) {
      byte[] bad = z.clone();
      bad[i] ^= 0x5A;
      Captures.Outcome o = Captures.readAll(bad); // only CaptureFormatException may escape, and it is caught
      assertThat(o.count()).isLessThanOrEqualTo(200);
    }
  }

  @Test
  void dashPath_readsStandardInput() throws IOException {
    java.io.InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(DamageCases.gzip(DamageCases.pcap3())));
      try (CaptureReader r = CaptureReader.open(Path.of("-"))) {
        Frame f = new Frame();
        int n = 0;
        while (r.next(f)) {
          n++;
        }
        assertThat(n).isEqualTo(3);
        assertThat(r.compression()).isEqualTo(Compression.GZIP);
      }
    } finally {
      System.setIn(saved);
    }
  }

  /** A named pipe (as /dev/stdin or a shell's process substitution): read as a stream, never seeked. */
  @Test
  void namedPipe_gzip_readWithoutSeeking(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    byte[] gz = DamageCases.gzip(DamageCases.pcap200());
    Thread writer = new Thread(() -> {
      try {
        Files.write(fifo, gz);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    int n = 0;
    try (CaptureReader r = CaptureReader.open(fifo)) {
      Frame f = new Frame();
      while (r.next(f)) {
        n++;
      }
    }
    writer.join(10_000);
    assertThat(n).isEqualTo(200);
  }

  @Test
  void stdinStyleStream_gzip() throws IOException {
    byte[] gz = DamageCases.gzip(DamageCases.pcapng3());
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(gz))) {
      Frame f = new Frame();
      assertThat(r.next(f)).isTrue();
      assertThat(r.format()).isEqualTo(CaptureFormat.PCAPNG);
      assertThat(r.compression()).isEqualTo(Compression.GZIP);
    }
  }
}
