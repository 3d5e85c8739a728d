package dev.dfq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code dfq -i lo -f BPF -Y FILTER -c N} on the loopback interface: needs root and libpcap
 * (scripts/ci-setup.sh); it fails rather than skips when it cannot capture.
 */
class LiveQueryTest {
    @Test
    void liveLoopback_captureAndDisplayFilter_printsMatchingDatagrams() throws Exception {
        int port = ThreadLocalRandom.current().nextInt(20_000, 60_000);
        MainTest.Run r = capture(port, "-T", "fields", "-e", "udp.dstport", "-e", "udp.length");
        String[] lines = r.out().strip().split("\n");
        assertThat(lines.length).isBetween(1, 4);
        for (String line : lines) {
            assertThat(line).startsWith(port + "\t");
        }
    }

    @Test
    void liveLoopback_ek_anIndexLineAndADocumentPerMatchingDatagram() throws Exception {
        int port = ThreadLocalRandom.current().nextInt(20_000, 60_000);
        MainTest.Run r = capture(port, "-T", "ek", "-e", "udp.dstport");
        String[] lines = r.out().strip().split("\n");
        assertThat(lines.length).isEven().isBetween(2, 8);
        for (int i = 0; i < lines.length; i += 2) {
            assertThat(lines[i]).matches("\\{\"index\":\\{\"_index\":\"packets-\\d{4}-\\d\\d-\\d\\d\"}}");
            assertThat(lines[i + 1]).matches("\\{\"timestamp\":\"\\d+\",\"layers\":\\{\"udp_dstport\":\\[\"" + port + "\"]}}");
        }
    }

    /** Captures up to 4 datagrams to {@code port} on lo (while sending to it and to port + 1) with the output arguments. */
    private static MainTest.Run capture(int port, String... output) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("-i", "lo", "-f",
                "udp port " + port + " or udp port " + (port + 1), "-Y", "udp.dstport == " + port, "-c", "4",
                "-a", "duration:20"));
        args.addAll(java.util.List.of(output));
        CompletableFuture<MainTest.Run> run = CompletableFuture.supplyAsync(() -> MainTest.run(args.toArray(String[]::new)));
        try (DatagramSocket s = new DatagramSocket()) {
            // keep sending until the capture has seen enough (it starts asynchronously)
            for (int i = 0; i < 200 && !run.isDone(); i++) {
                byte[] msg = ("dfq-live-" + i).getBytes(StandardCharsets.US_ASCII);
                s.send(new DatagramPacket(msg, msg.length, InetAddress.getLoopbackAddress(), port));
                s.send(new DatagramPacket(msg, msg.length, InetAddress.getLoopbackAddress(), port + 1));
                Thread.sleep(50);
            }
        }
        MainTest.Run r = run.get(30, TimeUnit.SECONDS);
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        return r;
    }
}
