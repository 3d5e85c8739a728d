package dev.dfq.engine.capture;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Raw reader throughput: reads a capture, counts frames and sums their captured and original lengths.
 * {@code java -cp ... dev.dfq.engine.capture.ReaderBench FILE [repeat]}; prints one line per pass.
 */
public final class ReaderBench {
  private ReaderBench() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: ReaderBench CAPTURE [passes]");
      System.exit(2);
    }
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Path path = Path.of(args[0]);
    for (int pass = 1; pass <= passes; pass++) {
      long start = System.nanoTime();
      long frames = 0;
      long captured = 0;
      long wire = 0;
      long check = 0;
      Frame f = new Frame();
      try (CaptureReader r = CaptureReader.open(path)) {
        while (r.next(f)) {
          frames++;
          captured += f.caplen();
          wire += f.originalLength();
          if (f.caplen() > 0) {
            check += f.data()[f.dataOffset()]; // touch the bytes so the read is not elided
          }
        }
      } catch (CaptureFormatException e) {
        System.err.println(e.getMessage());
      }
      double s = (System.nanoTime() - start) / 1e9;
      System.out.printf("pass %d: %d frames, %d bytes captured (%d on the wire) in %.3f s: %.2f M frames/s,"
          + " %.1f MB/s [%d]%n", pass, frames, captured, wire, s, frames / s / 1e6, captured / s / 1e6, check);
    }
  }
}
