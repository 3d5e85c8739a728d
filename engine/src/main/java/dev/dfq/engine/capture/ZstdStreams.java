package dev.dfq.engine.capture;

import java.io.InputStream;

import io.airlift.compress.zstd.ZstdInputStream;

/** Kept apart so aircompressor is loaded only when a zstd capture is actually read. */
final class ZstdStreams {
  private ZstdStreams() {
  }

  static InputStream open(InputStream compressed) {
    return new ZstdInputStream(compressed);
  }
}
