package dev.dfq.engine.capture;

/**
 * Converts a pcapng interface's 64-bit timestamp units to seconds and nanoseconds: if_tsresol is 10^-n
 * seconds, or 2^-n seconds when its top bit is set; if_tsoffset seconds are added.
 */
final class Timestamps {
  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private final boolean binary;
  private final int exponent;
  private final long offsetSeconds;

  private Timestamps(boolean binary, int exponent, long offsetSeconds) {
    this.binary = binary;
    this.exponent = exponent;
    this.offsetSeconds = offsetSeconds;
  }

  /** null when the resolution cannot be represented (10^-19 s and finer, 2^-64 s and finer). */
  static Timestamps of(int tsresol, long tsoffset) {
    boolean binary = (tsresol & 0x80) != 0;
    int exponent = tsresol & 0x7F;
    if (binary ? exponent > 63 : exponent > 18) {
      return null;
    }
    return new Timestamps(binary, exponent, tsoffset);
  }

  /** Sets the frame's seconds and nanoseconds from {@code units} (an unsigned 64-bit count). */
  void apply(long units, Frame f) {
    long seconds;
    long nanos;
    if (binary) {
      seconds = exponent == 0 ? units : units >>> exponent;
      long rem = exponent == 0 ? 0 : units & ((1L << exponent) - 1);
      if (exponent <= 33) {
        nanos = (rem * 1_000_000_000L) >>> exponent;
      } else {
        long hi = Math.multiplyHigh(rem, 1_000_000_000L);
        long lo = rem * 1_000_000_000L;
        nanos = (hi << (64 - exponent)) | (lo >>> exponent);
      }
    } else {
      long ups = POW10[exponent];
      seconds = Long.divideUnsigned(units, ups);
      long rem = Long.remainderUnsigned(units, ups);
      nanos = exponent <= 9 ? rem * POW10[9 - exponent] : rem / POW10[exponent - 9];
    }
    f.epochSeconds = seconds + offsetSeconds;
    f.nanos = (int) nanos;
  }
}
