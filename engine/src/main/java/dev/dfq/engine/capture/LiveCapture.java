package dev.dfq.engine.capture;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Objects;

import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;

/**
 * Live capture on a network interface through pcap4j and the system's libpcap ({@code libpcap0.8} on Debian;
 * scripts/ci-setup.sh installs it). Frames come as the same {@link Frame} records the file readers fill.
 *
 * <pre>{@code
 * LiveCapture.on("lo").filter("udp port 5353").count(10).duration(Duration.ofSeconds(5))
 *     .run(frame -> ...);
 * }</pre>
 */
public final class LiveCapture {
  /** Receives each captured frame; the frame is reused after the call returns. */
  @FunctionalInterface
  public interface FrameHandler {
    void onFrame(Frame frame) throws IOException;
  }

  private final String interfaceName;
  private String filter;
  private long count = Long.MAX_VALUE;
  private Duration duration;
  private int snaplen = LinkTypes.MAX_PACKET_STANDARD;
  private boolean promiscuous;
  private Runnable onStarted = () -> { };

  private LiveCapture(String interfaceName) {
    this.interfaceName = Objects.requireNonNull(interfaceName, "interfaceName is null");
  }

  /** A capture on the named interface ({@code "lo"}, {@code "eth0"}, ...). */
  public static LiveCapture on(String interfaceName) {
    return new LiveCapture(interfaceName);
  }

  /** A BPF capture filter (tcpdump syntax), or null for none. */
  public LiveCapture filter(String bpf) {
    this.filter = bpf;
    return this;
  }

  /** Stop after this many frames. */
  public LiveCapture count(long frames) {
    this.count = frames;
    return this;
  }

  /** Stop after this much time (checked at least every 100 ms). */
  public LiveCapture duration(Duration limit) {
    this.duration = limit;
    return this;
  }

  public LiveCapture snaplen(int bytes) {
    this.snaplen = bytes;
    return this;
  }

  public LiveCapture promiscuous(boolean on) {
    this.promiscuous = on;
    return this;
  }

  /** Called once the interface is open and the filter set, before the first frame is awaited. */
  public LiveCapture onStarted(Runnable callback) {
    this.onStarted = Objects.requireNonNull(callback, "callback is null");
    return this;
  }

  /**
   * Captures until the count or the duration is reached (or the thread is interrupted).
   *
   * @return the number of frames delivered
   * @throws IOException when libpcap cannot be loaded, the interface cannot be opened or the filter is invalid
   */
  public long run(FrameHandler handler) throws IOException {
    long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    PcapHandle handle = open();
    try {
      if (filter != null && !filter.isBlank()) {
        handle.setFilter(filter, BpfCompileMode.OPTIMIZE);
      }
      int linkType = handle.getDlt().value();
      onStarted.run();
      Frame frame = new Frame();
      long n = 0;
      while (n < count && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
        byte[] data = handle.getNextRawPacket();
        if (data == null) {
          continue; // read timeout: check the limits again
        }
        Timestamp ts = handle.getTimestamp();
        Integer original = handle.getOriginalLength();
        long millis = ts.getTime();
        long seconds = Math.floorDiv(millis, 1000);
        frame.set(++n, seconds, ts.getNanos(), 9, 0, linkType, data, 0, data.length,
            original == null ? data.length : original, -1);
        handler.onFrame(frame);
      }
      return n;
    } catch (PcapNativeException | NotOpenException e) {
      throw new IOException("live capture on " + interfaceName + ": " + e.getMessage(), e);
    } finally {
      handle.close();
    }
  }

  private PcapHandle open() throws IOException {
    try {
      return new PcapHandle.Builder(interfaceName)
          .snaplen(snaplen)
          .promiscuousMode(promiscuous ? PromiscuousMode.PROMISCUOUS : PromiscuousMode.NONPROMISCUOUS)
          .timeoutMillis(100)
          .immediateMode(true)
          .timestampPrecision(PcapHandle.TimestampPrecision.NANO)
          .build();
    } catch (PcapNativeException e) {
      throw new IOException("cannot open " + interfaceName + " for capture: " + e.getMessage(), e);
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      throw new IOException("libpcap is not installed (Debian: apt-get install libpcap0.8): " + e.getMessage(), e);
    }
  }
}
