package dev.dfq.fields.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Spare buffers for reassembling messages. A finished message's buffer is the data
 * source of the frame that ended it, so it may be reused only once that frame is done, that is
 * when a later frame starts. Without reuse every message regrows a fresh array from small, and the
 * copies and garbage cost more than the dissection (measured on the 1 GiB lab capture).
 *
 * <p>Bounded: at most {@link #KEEP} spares, none over {@link #MAX_SPARE} bytes.
 */
final class MessageBuffers {
    private static final int KEEP = 8;
    private static final int MAX_SPARE = 16 << 20;
    private static final int INITIAL = 16 << 10;

    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private final List<byte[]> released = new ArrayList<>();
    private int releasedIn = -1;

    /** A buffer for a new message. */
    byte[] take() {
        byte[] b = spare.poll();
        return b != null ? b : new byte[INITIAL];
    }

    /** The buffer of a message that ended in {@code frame}: free once a later frame starts. */
    void release(byte[] buffer, int frame) {
        if (releasedIn != frame) {
            recycle();
        }
        releasedIn = frame;
        released.add(buffer);
    }

    /** Called as each frame's SMTP dissection begins. */
    void frameStarted(int frame) {
        if (frame != releasedIn) {
            recycle();
        }
    }

    private void recycle() {
        for (byte[] b : released) {
            if (spare.size() < KEEP && b.length <= MAX_SPARE) {
                spare.push(b);
            }
        }
        released.clear();
        releasedIn = -1;
    }
}
