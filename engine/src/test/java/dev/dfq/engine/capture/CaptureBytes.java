package dev.dfq.engine.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds small pcap and pcapng images in memory, byte by byte, for tests. */
final class CaptureBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private ByteOrder order;

  private CaptureBytes(ByteOrder order) {
    this.order = order;
  }

  /** A 60-byte Ethernet/IPv4 frame whose bytes encode {@code seed}. */
  static byte[] ethernetFrame(int seed, int length) {
    byte[] f = new byte[length];
    for (int i = 0; i < 6; i++) {
      f[i] = (byte) 0xFF;
      f[6 + i] = 2;
    }
    f[12] = 8;
    for (int i = 14; i < length; i++) {
      f[i] = (byte) (seed * 31 + i);
    }
    return f;
  }

  static CaptureBytes pcap(ByteOrder order, boolean nanos, int linkType) {
    CaptureBytes b = new CaptureBytes(order);
    b.u32(nanos ? 0xA1B23C4D : 0xA1B2C3D4).u16(2).u16(4).u32(0).u32(0).u32(65535).u32(linkType);
    return b;
  }

  CaptureBytes record(long sec, long frac, byte[] data) {
    return record(sec, frac, data, data.length, data.length);
  }

  CaptureBytes record(long sec, long frac, byte[] data, long caplen, long origLen) {
    u32(sec).u32(frac).u32(caplen).u32(origLen);
    out.writeBytes(data);
    return this;
  }

  static CaptureBytes pcapng(ByteOrder order) {
    CaptureBytes b = new CaptureBytes(order);
    return b.shb(order);
  }

  /** Starts a new section in {@code order}. */
  CaptureBytes shb(ByteOrder newOrder) {
    order = newOrder;
    return block(0x0A0D0D0A, body().u32(0x1A2B3C4D).u16(1).u16(0).u64(-1).bytes());
  }

  CaptureBytes idb(int linkType, int snaplen, Integer tsresol, Long tsoffset, String name) {
    Body b = body().u16(linkType).u16(0).u32(snaplen);
    if (name != null) {
      b.option(2, name.getBytes(StandardCharsets.UTF_8));
    }
    if (tsresol != null) {
      b.option(9, new byte[] {(byte) (int) tsresol});
    }
    if (tsoffset != null) {
      b.option(14, body().u64(tsoffset).bytes());
    }
    if (name != null || tsresol != null || tsoffset != null) {
      b.u32(0);
    }
    return block(1, b.bytes());
  }

  CaptureBytes epb(int ifid, long units, byte[] data, String comment, Long flags) {
    Body b = body().u32(ifid).u32(units >>> 32).u32(units).u32(data.length).u32(data.length).data(data);
    if (comment != null) {
      b.option(1, comment.getBytes(StandardCharsets.UTF_8));
    }
    if (flags != null) {
      b.option(2, body().u32(flags).bytes());
    }
    if (comment != null || flags != null) {
      b.u32(0);
    }
    return block(6, b.bytes());
  }

  CaptureBytes epb(int ifid, long units, byte[] data) {
    return epb(ifid, units, data, null, null);
  }

  CaptureBytes opb(int ifid, long units, byte[] data) {
    return block(2, body().u16(ifid).u16(0).u32(units >>> 32).u32(units).u32(data.length).u32(data.length)
        .data(data).bytes());
  }

  CaptureBytes spb(int origLen, byte[] data) {
    return block(3, body().u32(origLen).data(data).bytes());
  }

  /** Any block, body padded to 32 bits. */
  CaptureBytes block(int type, byte[] body) {
    int padded = (body.length + 3) & ~3;
    u32(type).u32(12 + padded);
    out.writeBytes(body);
    for (int i = body.length; i < padded; i++) {
      out.write(0);
    }
    return u32(12 + padded);
  }

  CaptureBytes raw(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  int size() {
    return out.size();
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  private CaptureBytes u16(int v) {
    out.writeBytes(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
    return this;
  }

  private CaptureBytes u32(long v) {
    out.writeBytes(ByteBuffer.allocate(4).order(order).putInt((int) v).array());
    return this;
  }

  Body body() {
    return new Body(order);
  }

  /** A block body under construction. */
  static final class Body {
    private final ByteArrayOutputStream b = new ByteArrayOutputStream();
    private final ByteOrder order;

    Body(ByteOrder order) {
      this.order = order;
    }

    Body u16(int v) {
      b.writeBytes(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
      return this;
    }

    Body u32(long v) {
      b.writeBytes(ByteBuffer.allocate(4).order(order).putInt((int) v).array());
      return this;
    }

    Body u64(long v) {
      b.writeBytes(ByteBuffer.allocate(8).order(order).putLong(v).array());
      return this;
    }

    /** Bytes padded to 32 bits. */
    Body data(byte[] d) {
      b.writeBytes(d);
      for (int i = d.length; i % 4 != 0; i++) {
        b.write(0);
      }
      return this;
    }

    Body option(int code, byte[] value) {
      u16(code).u16(value.length);
      return data(value);
    }

    byte[] bytes() {
      return b.toByteArray();
    }
  }
}
