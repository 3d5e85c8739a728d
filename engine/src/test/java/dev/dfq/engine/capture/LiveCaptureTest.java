package dev.dfq.engine.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Live capture on the loopback interface through libpcap (needs root and libpcap0.8, which
 * scripts/ci-setup.sh installs). Without them this test fails: it is never skipped.
 */
class LiveCaptureTest {

  @Test
  void loopback_udpFilter_capturesTheDatagramsSent() throws Exception {
    int port = ThreadLocalRandom.current().nextInt(20_000, 60_000);
    List<String> payloads = new CopyOnWriteArrayList<>();
    List<Integer> linkTypes = new CopyOnWriteArrayList<>();
    CountDownLatch started = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Long> captured = pool.submit(() -> LiveCapture.on("lo")
          .filter("udp port " + port)
          .count(3)
          .duration(Duration.ofSeconds(20))
          .onStarted(started::countDown)
          .run(f -> {
            byte[] d = f.copyData();
            // Ethernet (14) + IPv4 (20) + UDP (8) on Linux loopback
            payloads.add(new String(d, 42, d.length - 42, StandardCharsets.US_ASCII));
            linkTypes.add(f.linkType());
            assertThat(f.originalLength()).isEqualTo(d.length);
            assertThat(f.epochSeconds()).isGreaterThan(1_600_000_000L);
          }));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!started.await(50, TimeUnit.MILLISECONDS)) {
        if (captured.isDone() || System.nanoTime() > deadline) {
          captured.get(1, TimeUnit.SECONDS); // surfaces why the capture could not start (no libpcap, not root)
          throw new AssertionError("capture did not start");
        }
      }
      try (DatagramSocket s = new DatagramSocket()) {
        for (int i = 0; i < 3; i++) {
          byte[] msg = ("dfq-live-" + i).getBytes(StandardCharsets.US_ASCII);
          s.send(new DatagramPacket(msg, msg.length, InetAddress.getLoopbackAddress(), port));
          s.send(new DatagramPacket(msg, msg.length, InetAddress.getLoopbackAddress(), port + 1)); // filtered out
        }
      }
      assertThat(captured.get(25, TimeUnit.SECONDS)).isEqualTo(3);
      assertThat(payloads).containsExactly("dfq-live-0", "dfq-live-1", "dfq-live-2");
      assertThat(linkTypes).containsOnly(LinkTypes.ETHERNET);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badInterface_reportsIOException() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LiveCapture.on("no-such-if0").count(1).duration(Duration.ofSeconds(1)).run(f -> { }))
        .isInstanceOf(IOException.class).hasMessageContaining("no-such-if0");
  }

  @Test
  void badFilter_reportsIOException() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LiveCapture.on("lo").filter("udp port banana").count(1).duration(Duration.ofSeconds(1)).run(f -> { }))
        .isInstanceOf(IOException.class).hasMessageContaining("lo");
  }
}
