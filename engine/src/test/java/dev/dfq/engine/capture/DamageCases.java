package dev.dfq.engine.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The damaged captures whose tshark 4.6.9 output is recorded in {@code capture/tshark-damaged-files.txt}.
 * {@code main(dir)} writes them out so they can be run through tshark again.
 */
final class DamageCases {
  private DamageCases() {
  }

  static byte[] pcap3() {
    CaptureBytes b = CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, LinkTypes.ETHERNET);
    for (int i = 0; i < 3; i++) {
      b.record(1000 + i, 0, CaptureBytes.ethernetFrame(i, 60));
    }
    return b.bytes();
  }

  static CaptureBytes pcapngHead() {
    return CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).idb(LinkTypes.ETHERNET, 65535, null, null, null);
  }

  static byte[] pcapng3() {
    CaptureBytes b = pcapngHead();
    for (int i = 0; i < 3; i++) {
      b.epb(0, 1000 + i, CaptureBytes.ethernetFrame(i, 60));
    }
    return b.bytes();
  }

  /** An EPB whose fields are patched: total length, trailer or caplen. */
  private static byte[] epbWith(Integer total, Integer trailer, Integer caplen) {
    byte[] e = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).epb(0, 1001, CaptureBytes.ethernetFrame(1, 60)).bytes();
    e = Arrays.copyOfRange(e, 28, e.length); // drop the SHB the builder starts with
    if (total != null) {
      putLe(e, 4, total);
    }
    if (trailer != null) {
      putLe(e, e.length - 4, trailer);
    }
    if (caplen != null) {
      putLe(e, 20, caplen);
    }
    return e;
  }

  private static void putLe(byte[] b, int at, int v) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (v >>> (8 * i));
    }
  }

  static byte[] gzip(byte[] plain) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(plain);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** 200 frames of varied bytes: compresses to a few KiB, so cuts land inside the deflate stream. */
  static byte[] pcap200() {
    CaptureBytes b = CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, LinkTypes.ETHERNET);
    java.util.Random r = new java.util.Random(7);
    for (int i = 0; i < 200; i++) {
      byte[] f = CaptureBytes.ethernetFrame(i, 60 + r.nextInt(200));
      for (int j = 14; j < f.length; j += 3) {
        f[j] = (byte) r.nextInt(16);
      }
      b.record(1000 + i, i, f);
    }
    return b.bytes();
  }

  static Map<String, byte[]> all() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    byte[] p = pcap3();
    m.put("pcap_full", p);
    m.put("pcap_empty", new byte[0]);
    m.put("pcap_bad_magic", new byte[100]);
    m.put("pcap_cut_in_file_header", Arrays.copyOf(p, 10));
    m.put("pcap_cut_in_record_header", Arrays.copyOf(p, 24 + 76 + 8));
    m.put("pcap_cut_in_data", Arrays.copyOf(p, 24 + 76 + 16 + 30));
    byte[] big = Arrays.copyOf(p, 24 + 76 + 26);
    putLe(big, 24 + 76 + 8, 300_000);
    putLe(big, 24 + 76 + 12, 300_000);
    m.put("pcap_caplen_300000", big);
    byte[] huge = big.clone();
    putLe(huge, 24 + 76 + 8, 0x7FFF_FFFF);
    m.put("pcap_caplen_2147483647", huge);
    CaptureBytes dbus = CaptureBytes.pcap(ByteOrder.BIG_ENDIAN, true, LinkTypes.DBUS);
    dbus.record(1000, 5, new byte[300_000]);
    m.put("pcap_dbus_300000_nsec_be", dbus.bytes());

    byte[] n = pcapng3();
    int head = pcapngHead().size();
    m.put("pcapng_full", n);
    m.put("pcapng_cut_in_idb", Arrays.copyOf(n, 40));
    m.put("pcapng_cut_in_block_header", Arrays.copyOf(n, head + 92 + 6));
    m.put("pcapng_cut_in_block", Arrays.copyOf(n, head + 92 + 20));
    m.put("pcapng_unknown_block", pcapngHead().epb(0, 1000, CaptureBytes.ethernetFrame(0, 60))
        .block(0x12345, "abcdefgh".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .epb(0, 1001, CaptureBytes.ethernetFrame(1, 60)).bytes());
    m.put("pcapng_block_length_13", concat(Arrays.copyOf(n, head + 92), epbWith(13, null, null)));
    m.put("pcapng_block_length_8", concat(Arrays.copyOf(n, head + 92), epbWith(8, null, null)));
    m.put("pcapng_trailer_mismatch", concat(Arrays.copyOf(n, head + 92), epbWith(null, 12, null)));
    m.put("pcapng_caplen_beyond_block", concat(Arrays.copyOf(n, head + 92), epbWith(null, null, 200)));
    m.put("pcapng_block_length_huge", concat(Arrays.copyOf(n, head + 92), epbWith(0x7FFF_FFF0, null, null)));
    byte[] garbage = new byte[40];
    for (int i = 0; i < garbage.length; i += 4) {
      garbage[i] = (byte) 0xDE;
      garbage[i + 1] = (byte) 0xAD;
      garbage[i + 2] = (byte) 0xBE;
      garbage[i + 3] = (byte) 0xEF;
    }
    m.put("pcapng_garbage_after_frame", concat(Arrays.copyOf(n, head + 92), garbage));
    m.put("pcapng_no_idb", CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN)
        .epb(0, 1000, CaptureBytes.ethernetFrame(0, 60)).bytes());
    m.put("pcapng_interface_5", pcapngHead().epb(0, 1000, CaptureBytes.ethernetFrame(0, 60))
        .epb(5, 1001, CaptureBytes.ethernetFrame(1, 60)).bytes());

    byte[] idbTrailer = pcapngHead().bytes();
    putLe(idbTrailer, idbTrailer.length - 4, 99);
    m.put("pcapng_idb_trailer_99", idbTrailer); // wiretap rounds 99 up to 100 and fails while opening
    byte[] idbTrailer17 = pcapngHead().epb(0, 1000, CaptureBytes.ethernetFrame(0, 60)).bytes();
    putLe(idbTrailer17, pcapngHead().size() - 4, 17);
    m.put("pcapng_idb_trailer_17", idbTrailer17); // 17 rounds up to 20: accepted
    byte[] v2 = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).bytes();
    v2[12] = 2;
    m.put("pcapng_version_2", v2);

    byte[] gz = pcap200Gzip();
    m.put("gzip_full", gz);
    m.put("gzip_cut", Arrays.copyOf(gz, gz.length / 2));
    m.put("gzip_corrupt", flip(gz, gz.length / 2, 0xFF)); // inflates to garbage lengths
    m.put("gzip_corrupt_at_20", flip(gz, 20, 0xFF)); // zlib: invalid literal/lengths set, while opening
    m.put("gzip_corrupt_at_94", flip(gz, 94, 0xFF)); // zlib: invalid distance too far back
    m.put("gzip_bad_crc", flip(gz, gz.length - 6, 0x01));
    return m;
  }

  private static byte[] flip(byte[] b, int at, int mask) {
    byte[] c = b.clone();
    c[at] ^= (byte) mask;
    return c;
  }

  /**
   * {@link #pcap200()} gzipped, committed as {@code capture/pcap200.pcap.gz} so that the corrupted variants
   * do not depend on the JDK's deflate output.
   */
  static byte[] pcap200Gzip() {
    try (java.io.InputStream in = DamageCases.class.getResourceAsStream("/capture/pcap200.pcap.gz")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  /** Writes every case to {@code args[0]}, one file per case named after it. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    for (Map.Entry<String, byte[]> e : all().entrySet()) {
      Files.write(dir.resolve(e.getKey()), e.getValue());
    }
  }
}
