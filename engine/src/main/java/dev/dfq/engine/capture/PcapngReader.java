package dev.dfq.engine.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.dfq.engine.capture.CaptureFormatException.Kind;

/*
 * pcapng, draft-ietf-opsawg-pcapng section 3.1 (general block) and 4 (blocks). Each section (SHB) has its own
 * byte order, told by its Byte-Order Magic; interface ids in packet blocks count the IDBs of their section.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +---------------------------------------------------------------+
 *   |                          Block Type                           |  SHB 0x0A0D0D0A, IDB 1, OPB 2,
 *   +---------------------------------------------------------------+  SPB 3, NRB 4, ISB 5, EPB 6, DSB 0xA
 *   |                      Block Total Length                       |
 *   +---------------------------------------------------------------+
 *   /                          Block Body                           /  padded to 32 bits
 *   +---------------------------------------------------------------+
 *   |                      Block Total Length                       |  must equal the first
 *   +---------------------------------------------------------------+
 *
 *   SHB body: Byte-Order Magic 1A2B3C4D | Major 1 (16) | Minor (16) | Section Length (64) | options
 *   IDB body: LinkType (16) | Reserved (16) | SnapLen (32) | options (if_name 2, if_description 3,
 *             if_tsresol 9, if_tsoffset 14)
 *   EPB body: Interface ID (32) | Timestamp high (32) | Timestamp low (32) | Captured Len (32) |
 *             Original Len (32) | data, padded | options (opt_comment 1, epb_flags 2)
 *   OPB body: Interface ID (16) | Drops (16) | then as EPB from Timestamp high on
 *   SPB body: Original Len (32) | data, padded (interface 0, no timestamp)
 *   options:  Code (16) | Length (16) | value padded to 32 bits ... opt_endofopt (0)
 */
/** Reads pcapng; lengths are checked as wiretap checks them, with wiretap's messages. */
final class PcapngReader implements CaptureReader {
  static final int SHB = 0x0A0D0D0A;
  private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
  private static final int IDB = 1;
  private static final int OPB = 2;
  private static final int SPB = 3;
  private static final int EPB = 6;
  /** wiretap's MAX_BLOCK_SIZE: minimal EPB + 128 MiB of data + 128 KiB of options. */
  static final long MAX_BLOCK = 32 + (128L << 20) + 131_072;

  private enum Result { FRAME, OTHER, END }

  private final ByteInput in;
  private final Compression compression;
  private final ArrayList<InterfaceInfo> interfaces = new ArrayList<>();
  private final List<InterfaceInfo> interfacesView = Collections.unmodifiableList(interfaces);
  private final ArrayList<Timestamps> clocks = new ArrayList<>();
  /** Section-local interface id -> global index. */
  private int[] section = new int[4];
  private int sectionCount;
  private boolean opening = true;
  private long frames;

  /** Reads the first SHB and the IDBs right after it, as wiretap does when it opens a file. */
  PcapngReader(ByteInput in, Compression compression) throws IOException {
    this.in = in;
    this.compression = compression;
    readBlock(null);
    while (in.request(8) && in.i32(in.pos) == IDB) {
      readBlock(null);
    }
    if (in.available() > 0 && in.available() < 8) {
      throw cutShort(in.offset());
    }
    opening = false;
    in.opening = false;
  }

  @Override
  public boolean next(Frame f) throws IOException {
    while (true) {
      Result r = readBlock(f);
      if (r == Result.FRAME) {
        return true;
      }
      if (r == Result.END) {
        return false;
      }
    }
  }

  private Result readBlock(Frame f) throws IOException {
    long offset = in.offset();
    if (!in.request(8)) {
      if (in.available() == 0 && !in.truncated) {
        return Result.END;
      }
      throw cutShort(offset);
    }
    int type = in.i32(in.pos);
    if (type == SHB) {
      if (!in.request(12)) {
        throw cutShort(offset);
      }
      in.bigEndian = true;
      if (in.i32(in.pos + 8) != BYTE_ORDER_MAGIC) {
        in.bigEndian = false;
        if (in.i32(in.pos + 8) != BYTE_ORDER_MAGIC) {
          if (offset == 0) {
            throw Formats.notACapture();
          }
          throw damaged(offset, "pcapng: unknown byte-order magic number");
        }
      }
    }
    long total = in.u32(in.pos + 4);
    if (total < 12) {
      throw damaged(offset, "pcapng: total block length " + total + " of block is less than the minimum block size 12");
    }
    if (total > MAX_BLOCK) {
      throw damaged(offset, "pcapng: total block length " + total + " is too large (> " + MAX_BLOCK + ")");
    }
    int padded = (int) ((total + 3) & ~3L);
    int content = padded - 12;
    if (type != SHB && type != IDB && type != EPB && type != OPB && type != SPB) {
      in.advance(8);
      if (!in.skip(content) || !in.request(4)) {
        throw cutShort(offset);
      }
      checkTrailer(offset, total, in.pos);
      in.advance(4);
      return Result.OTHER;
    }
    if (!in.request(padded)) {
      throw cutShort(offset);
    }
    int p = in.pos;
    Result r = switch (type) {
      case SHB -> shb(offset, p, content, total);
      case IDB -> idb(offset, p, content);
      case EPB, OPB -> packet(f, offset, p, content, type == EPB);
      default -> spb(f, offset, p, content);
    };
    checkTrailer(offset, total, p + padded - 4);
    in.advance(padded);
    if (r == Result.FRAME) {
      f.number = ++frames;
    }
    return r;
  }

  /** wiretap rounds both lengths up to 32 bits before comparing (a trailer of 17 matches a length of 20). */
  private void checkTrailer(long offset, long total, int at) throws CaptureFormatException {
    long first = (total + 3) & ~3L;
    long second = (in.u32(at) + 3) & ~3L;
    if (second != first) {
      throw damaged(offset, "pcapng: total block lengths (first " + first + " and second " + second + ") don't match");
    }
  }

  private Result shb(long offset, int p, int content, long total) throws CaptureFormatException {
    if (content < 16) {
      throw damaged(offset, "pcapng: total block length " + total + " of an SHB is less than the minimum SHB size 28");
    }
    int major = in.u16(p + 12);
    int minor = in.u16(p + 14);
    if (major != 1) {
      throw new CaptureFormatException(Kind.UNSUPPORTED, offset, "pcapng: unknown SHB version " + major + "." + minor,
          opening);
    }
    sectionCount = 0;
    return Result.OTHER;
  }

  private Result idb(long offset, int p, int content) throws CaptureFormatException {
    if (content < 8) {
      throw damaged(offset, "pcapng: block content length " + content
          + " of an IDB is less than the minimum IDB content size 8");
    }
    int linkType = in.u16(p + 8);
    long snaplen = in.u32(p + 12);
    String name = null;
    String description = null;
    int tsresol = 6;
    long tsoffset = 0;
    int end = p + 8 + content;
    for (int o = p + 16; o + 4 <= end; ) {
      int code = in.u16(o);
      int len = in.u16(o + 2);
      int v = o + 4;
      if (code == 0 || v + len > end) {
        break;
      }
      switch (code) {
        case 2 -> name = new String(in.buf, v, len, StandardCharsets.UTF_8);
        case 3 -> description = new String(in.buf, v, len, StandardCharsets.UTF_8);
        case 9 -> tsresol = len >= 1 ? in.u8(v) : 6;
        case 14 -> tsoffset = len >= 8 ? in.i64(v) : 0;
        default -> { }
      }
      o = v + ((len + 3) & ~3);
    }
    Timestamps clock = Timestamps.of(tsresol, tsoffset);
    if (clock == null) {
      throw damaged(offset, "pcapng: if_tsresol " + tsresol + " is too large");
    }
    int id = interfaces.size();
    interfaces.add(new InterfaceInfo(id, linkType, (int) Math.min(snaplen, Integer.MAX_VALUE), name, description,
        tsresol, tsoffset));
    clocks.add(clock);
    if (sectionCount == section.length) {
      section = java.util.Arrays.copyOf(section, sectionCount * 2);
    }
    section[sectionCount++] = id;
    return Result.OTHER;
  }

  private Result packet(Frame f, long offset, int p, int content, boolean epb) throws CaptureFormatException {
    String kind = epb ? "an EPB" : "a PB";
    if (content < 20) {
      throw damaged(offset, "pcapng: block content length " + content + " of " + kind
          + " is less than the minimum " + (epb ? "EPB" : "PB") + " content size 20");
    }
    long ifid = epb ? in.u32(p + 8) : in.u16(p + 8);
    long caplen = in.u32(p + 20);
    if (caplen > content - 20) {
      throw damaged(offset, "pcapng: block content length " + content + " of " + kind + " is too small for "
          + caplen + " bytes of packet data");
    }
    if (ifid >= sectionCount) {
      throw damaged(offset, "pcapng: interface index " + ifid + " is not less than section interface count "
          + sectionCount);
    }
    int global = section[(int) ifid];
    InterfaceInfo info = interfaces.get(global);
    int max = LinkTypes.maxSnaplen(info.linkType());
    if (caplen > max) {
      throw damaged(offset, "pcapng: cap_len " + caplen + " is larger than maximum supported length " + max);
    }
    if (f == null) { // a packet among the IDBs read at open: leave it for next()
      throw new IllegalStateException("packet block read while opening");
    }
    long ts = (in.u32(p + 12) << 32) | in.u32(p + 16);
    f.set(0, 0, 0, info.tsResolution(), global, info.linkType(), in.buf, p + 28, (int) caplen, in.u32(p + 24), offset);
    clocks.get(global).apply(ts, f);
    options(f, p + 28 + (((int) caplen + 3) & ~3), p + 8 + content);
    return Result.FRAME;
  }

  private Result spb(Frame f, long offset, int p, int content) throws CaptureFormatException {
    if (content < 4) {
      throw damaged(offset, "pcapng: block content length " + content
          + " of an SPB is less than the minimum SPB content size 4");
    }
    if (sectionCount == 0) {
      throw damaged(offset, "pcapng: SPB appeared before any IDBs");
    }
    int global = section[0];
    InterfaceInfo info = interfaces.get(global);
    long orig = in.u32(p + 8);
    long caplen = Math.min(orig, content - 4);
    if (info.snaplen() != 0 && caplen > info.snaplen()) {
      caplen = info.snaplen();
    }
    int max = LinkTypes.maxSnaplen(info.linkType());
    if (caplen > max) {
      throw damaged(offset, "pcapng: cap_len " + caplen + " is larger than maximum supported length " + max);
    }
    f.set(0, 0, 0, info.tsResolution(), global, info.linkType(), in.buf, p + 12, (int) caplen, orig, offset);
    f.hasTimestamp = false;
    return Result.FRAME;
  }

  /** Packet block options: opt_comment (1) and epb_flags (2); malformed options end the list quietly. */
  private void options(Frame f, int from, int end) {
    for (int o = from; o + 4 <= end; ) {
      int code = in.u16(o);
      int len = in.u16(o + 2);
      int v = o + 4;
      if (code == 0 || v + len > end) {
        return;
      }
      if (code == 1) {
        f.comments.add(new String(in.buf, v, len, StandardCharsets.UTF_8));
      } else if (code == 2 && len == 4) {
        f.flags(in.u32(v));
      }
      o = v + ((len + 3) & ~3);
    }
  }

  private CaptureFormatException cutShort(long offset) {
    return new CaptureFormatException(Kind.CUT_SHORT, offset, "", opening);
  }

  private CaptureFormatException damaged(long offset, String detail) {
    return new CaptureFormatException(Kind.DAMAGED, offset, detail, opening);
  }

  @Override
  public CaptureFormat format() {
    return CaptureFormat.PCAPNG;
  }

  @Override
  public Compression compression() {
    return compression;
  }

  @Override
  public List<InterfaceInfo> interfaces() {
    return interfacesView;
  }

  ByteInput input() {
    return in;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
