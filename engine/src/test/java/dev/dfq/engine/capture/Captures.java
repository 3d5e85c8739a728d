package dev.dfq.engine.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Test helper: reads every frame of an in-memory capture and records how reading ended. */
final class Captures {
  /** What a full read produced: copies of the frames, and the exception that ended it, if any. */
  record Outcome(List<FrameCopy> frames, CaptureFormatException error) {
    int count() {
      return frames.size();
    }
  }

  /** An immutable copy of a frame. */
  record FrameCopy(long number, long seconds, int nanos, int interfaceId, int linkType, long originalLength,
      long fileOffset, byte[] data, List<String> comments, Long flags, boolean hasTimestamp) {
    static FrameCopy of(Frame f) {
      return new FrameCopy(f.number(), f.epochSeconds(), f.nanos(), f.interfaceId(), f.linkType(),
          f.originalLength(), f.fileOffset(), f.copyData(), List.copyOf(f.comments()),
          f.hasFlags() ? f.flags() : null, f.hasTimestamp());
    }
  }

  private Captures() {
  }

  static Outcome readAll(byte[] capture) throws IOException {
    List<FrameCopy> frames = new ArrayList<>();
    Frame f = new Frame();
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(capture))) {
      while (r.next(f)) {
        frames.add(FrameCopy.of(f));
      }
    } catch (CaptureFormatException e) {
      return new Outcome(frames, e);
    }
    return new Outcome(frames, null);
  }
}
