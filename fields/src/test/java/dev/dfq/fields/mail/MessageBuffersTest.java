package dev.dfq.fields.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A finished message's buffer is the data source of its frame: reused only after that frame. */
class MessageBuffersTest {
    @Test
    void bufferReleasedInAFrameIsNotReusedInTheSameFrame() {
        MessageBuffers b = new MessageBuffers();
        b.frameStarted(5);
        byte[] first = b.take();
        b.release(first, 5);
        b.frameStarted(5); // a second SMTP PDU in the same frame
        assertThat(b.take()).isNotSameAs(first);
        b.frameStarted(6);
        assertThat(b.take()).isSameAs(first);
    }

    @Test
    void buffersOfSeveralMessagesEndingInOneFrameAllComeBack() {
        MessageBuffers b = new MessageBuffers();
        byte[] x = b.take();
        byte[] y = b.take();
        b.release(x, 9);
        b.release(y, 9);
        b.frameStarted(10);
        assertThat(new Object[] {b.take(), b.take()}).containsExactlyInAnyOrder(x, y);
    }

    @Test
    void hugeBuffersAreNotKept() {
        MessageBuffers b = new MessageBuffers();
        byte[] huge = new byte[(16 << 20) + 1];
        b.release(huge, 1);
        b.frameStarted(2);
        assertThat(b.take()).isNotSameAs(huge);
    }
}
