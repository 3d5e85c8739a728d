package dev.dfq.engine.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The read-ahead stream gives the same bytes as its source, then its end or its error, and stops. */
class ReadAheadInputStreamTest {
    private static byte[] drain(InputStream in, Random r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[4096];
        while (true) {
            int n = in.read(b, 0, 1 + r.nextInt(b.length));
            if (n < 0) {
                return out.toByteArray();
            }
            out.write(b, 0, n);
        }
    }

    /** A source that hands out at most a few bytes per read, as pipes and decompressors do. */
    private static InputStream trickle(byte[] data, Random r) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + r.nextInt(700)));
            }
        };
    }

    @Test
    void sameBytesForEveryChunkAndReadSize() throws IOException {
        Random r = new Random(3);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[r.nextInt(20_000)];
            r.nextBytes(data);
            int chunk = 1 + r.nextInt(3000);
            try (InputStream in = new ReadAheadInputStream(trickle(data, r), chunk)) {
                assertThat(drain(in, r)).as("round %d, chunk %d", round, chunk).isEqualTo(data);
                assertThat(in.read()).isEqualTo(-1);
            }
        }
    }

    @Test
    void sourceErrorArrivesAfterTheBytesBeforeIt_asTheSameException() throws IOException {
        EOFException cut = new EOFException("Unexpected end of ZLIB input stream");
        byte[] data = new byte[10_000];
        new Random(5).nextBytes(data);
        InputStream failing = new InputStream() {
            int pos;

            @Override
            public int read() throws IOException {
                if (pos == data.length) {
                    throw cut;
                }
                return data[pos++] & 0xFF;
            }
        };
        try (InputStream in = new ReadAheadInputStream(failing, 1024)) {
            byte[] got = in.readNBytes(data.length);
            assertThat(got).isEqualTo(data);
            assertThatThrownBy(in::read).isSameAs(cut);
            assertThatThrownBy(in::read).isSameAs(cut);
        }
    }

    @Test
    void closeEndsTheHelperThread() throws Exception {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 7;
            }
        };
        ReadAheadInputStream in = new ReadAheadInputStream(endless, 64);
        assertThat(in.read()).isEqualTo(7);
        in.close();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (in.helperAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(in.helperAlive()).isFalse();
        assertThatThrownBy(() -> in.read(new byte[100], 0, 100)).isInstanceOf(IOException.class);
    }

    @Test
    void abandonedStreamIsCleanedUp() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean sourceClosed = new java.util.concurrent.atomic.AtomicBoolean();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 1;
            }

            @Override
            public void close() {
                sourceClosed.set(true);
            }
        };
        open(endless); // read from once, never closed, then unreachable
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!sourceClosed.get() && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(sourceClosed).isTrue();
    }

    private static void open(InputStream source) throws IOException {
        assertThat(new ReadAheadInputStream(source, 16).read()).isEqualTo(1);
    }
}
