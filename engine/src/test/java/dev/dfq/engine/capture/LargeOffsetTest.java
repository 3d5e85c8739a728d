package dev.dfq.engine.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offsets past 2 GiB, without 2 GiB of disk: a generated stream, and a sparse file of skipped blocks. */
class LargeOffsetTest {
  private static final int DATA = 65_535;
  private static final int RECORD = 16 + DATA;

  /** A pcap of {@code records} records of 65,535 bytes, generated on the fly, cut {@code cut} bytes early. */
  static final class GeneratedPcap extends InputStream {
    private final byte[] header = CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, LinkTypes.ETHERNET).bytes();
    private final byte[] record = CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, LinkTypes.ETHERNET)
        .record(7, 0, CaptureBytes.ethernetFrame(5, DATA)).bytes();
    private final long total;
    private long pos;

    GeneratedPcap(int records, int cut) {
      this.total = 24L + (long) records * RECORD - cut;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= total) {
        return -1;
      }
      int n = (int) Math.min(len, total - pos);
      int done = 0;
      while (done < n) {
        int chunk;
        if (pos < 24) {
          chunk = (int) Math.min(n - done, 24 - pos);
          System.arraycopy(header, (int) pos, b, off + done, chunk);
        } else {
          int inRecord = (int) ((pos - 24) % RECORD);
          chunk = Math.min(n - done, RECORD - inRecord);
          System.arraycopy(record, 24 + inRecord, b, off + done, chunk);
        }
        done += chunk;
        pos += chunk;
      }
      return n;
    }
  }

  @Test
  void generatedStream_past2GiB_offsetsAndCutShortErrorAreLong() throws IOException {
    int records = 32_800; // 2,150,072,824 bytes
    Frame f = new Frame();
    long n = 0;
    long lastOffset = -1;
    CaptureFormatException error = null;
    try (CaptureReader r = CaptureReader.open(new GeneratedPcap(records, 100))) {
      while (r.next(f)) {
        n++;
        lastOffset = f.fileOffset();
        assertThat(f.caplen()).isEqualTo(DATA);
      }
    } catch (CaptureFormatException e) {
      error = e;
    }
    assertThat(n).isEqualTo(records - 1);
    assertThat(lastOffset).isEqualTo(24L + (long) (records - 2) * RECORD).isGreaterThan(Integer.MAX_VALUE);
    assertThat(error).isNotNull();
    assertThat(error.kind()).isEqualTo(CaptureFormatException.Kind.CUT_SHORT);
    assertThat(error.offset()).isEqualTo(24L + (long) (records - 1) * RECORD);
  }

  @Test
  void sparseFile_unknownBlocksSkippedWithoutReading_frameBeyond2GiB(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sparse.pcapng");
    byte[] head = DamageCases.pcapngHead().bytes();
    int block = 128 << 20; // the largest block wiretap accepts is a little over this
    int blocks = 17;
    byte[] frame = CaptureBytes.ethernetFrame(3, 100);
    byte[] epb = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).epb(0, 99_000_000L, frame).bytes();
    long epbAt = head.length + (long) blocks * block;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.SPARSE)) {
      ch.write(ByteBuffer.wrap(head), 0);
      for (int i = 0; i < blocks; i++) {
        long at = head.length + (long) i * block;
        ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0x0BAD).putInt(block).flip();
        ch.write(h, at);
        ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(block).flip(), at + block - 4);
      }
      ch.write(ByteBuffer.wrap(epb, 28, epb.length - 28), epbAt); // the EPB without the builder's SHB
    }

    try (CaptureReader r = CaptureReader.open(file)) {
      Frame f = new Frame();
      assertThat(r.next(f)).isTrue();
      assertThat(f.fileOffset()).isEqualTo(epbAt).isGreaterThan(Integer.MAX_VALUE);
      assertThat(f.copyData()).isEqualTo(frame);
      assertThat(f.epochSeconds()).isEqualTo(99);
      assertThat(r.next(f)).isFalse();
    }
  }
}
