package dev.dfq.engine.capture;

/*
 * Link-layer headers before the network layer, per LINKTYPE (tcpdump.org/linktypes.html):
 *
 *  ETHERNET (1), IEEE 802.3:            | dst (6) | src (6) | type/length (2) | ...
 *      802.1Q / 802.1ad / QinQ tags:     ... | TPID 8100, 88A8 or 9100 (2) | TCI (2) | type (2) | ...
 *      type <= 1500 is an 802.3 length:  LLC | DSAP AA | SSAP AA | ctrl 03 | OUI (3) | type (2)  (SNAP only)
 *  LINUX_SLL (113):   | pkttype (2) | ARPHRD (2) | addr len (2) | addr (8) | protocol (2) |      16 bytes
 *  LINUX_SLL2 (276):  | protocol (2) | reserved (2) | ifindex (4) | ARPHRD (2) | pkttype (1) |
 *                     | addr len (1) | addr (8) |                                               20 bytes
 *  NULL (0):          | address family (4, the capturing host's byte order) |
 *  LOOP (108):        | address family (4, big-endian) |
 *      AF_INET = 2; AF_INET6 = 10 (Linux), 24 (NetBSD, OpenBSD, BSD/OS), 28 (FreeBSD), 30 (macOS)
 *  RAW (101, and DLT 12 / 14), IPV4 (228), IPV6 (229): the IP header itself, version in the top nibble
 */
/**
 * Finds where the network layer starts in a frame and which ethertype it carries. Fills a reusable
 * {@link LinkLayer} and allocates nothing. Only the link layer: no IP parsing beyond the version nibble.
 */
public final class LinkLayer {
  public static final int ETHERTYPE_IPV4 = 0x0800;
  public static final int ETHERTYPE_IPV6 = 0x86DD;
  public static final int ETHERTYPE_ARP = 0x0806;
  private static final int MAX_VLAN_TAGS = 8;

  private int networkOffset;
  private int etherType;
  private int vlanTags;

  /** Offset of the network layer from the start of the frame's bytes. */
  public int networkOffset() { return networkOffset; }

  /** Ethertype of the network layer (ETHERTYPE_IPV4, ETHERTYPE_IPV6, ...), after any VLAN tags. */
  public int etherType() { return etherType; }

  /** 802.1Q/802.1ad tags skipped on Ethernet. */
  public int vlanTags() { return vlanTags; }

  /** Parses the link header of {@code frame}; false when the frame is too short or the link type unknown. */
  public boolean parse(Frame frame) {
    return parse(frame.linkType(), frame.data(), frame.dataOffset(), frame.caplen());
  }

  /** As {@link #parse(Frame)} on {@code data[off .. off+len)}. */
  public boolean parse(int linkType, byte[] data, int off, int len) {
    vlanTags = 0;
    networkOffset = -1;
    etherType = -1;
    return switch (linkType) {
      case LinkTypes.ETHERNET -> ethernet(data, off, len);
      case LinkTypes.LINUX_SLL -> len >= 16 && set(16, u16(data, off + 14));
      case LinkTypes.LINUX_SLL2 -> len >= 20 && set(20, u16(data, off));
      case LinkTypes.NULL -> len >= 4 && family(nullFamily(data, off));
      case LinkTypes.LOOP -> len >= 4 && family(u32(data, off));
      case LinkTypes.RAW, 12, 14 -> rawIp(data, off, len);
      case LinkTypes.IPV4 -> set(0, ETHERTYPE_IPV4);
      case LinkTypes.IPV6 -> set(0, ETHERTYPE_IPV6);
      default -> false;
    };
  }

  private boolean ethernet(byte[] d, int off, int len) {
    if (len < 14) {
      return false;
    }
    int at = 12;
    int type = u16(d, off + at);
    while ((type == 0x8100 || type == 0x88A8 || type == 0x9100) && vlanTags < MAX_VLAN_TAGS) {
      if (len < at + 6) {
        return false;
      }
      vlanTags++;
      at += 4;
      type = u16(d, off + at);
    }
    at += 2;
    if (type <= 1500) { // 802.3 length: only LLC/SNAP carries an ethertype
      if (len >= at + 8 && (d[off + at] & 0xFF) == 0xAA && (d[off + at + 1] & 0xFF) == 0xAA
          && (d[off + at + 2] & 0xFF) == 0x03) {
        return set(at + 8, u16(d, off + at + 6));
      }
      return false;
    }
    return set(at, type);
  }

  /** NULL's family is in the capturing host's byte order: a value with high bits set was written swapped. */
  private static long nullFamily(byte[] d, int off) {
    long v = u32(d, off);
    return (v & 0xFFFF_0000L) != 0 ? Integer.reverseBytes((int) v) & 0xFFFF_FFFFL : v;
  }

  private boolean family(long af) {
    if (af == 2) {
      return set(4, ETHERTYPE_IPV4);
    }
    if (af == 10 || af == 24 || af == 28 || af == 30) {
      return set(4, ETHERTYPE_IPV6);
    }
    return false;
  }

  private boolean rawIp(byte[] d, int off, int len) {
    if (len < 1) {
      return false;
    }
    int version = (d[off] & 0xF0) >> 4;
    return version == 4 ? set(0, ETHERTYPE_IPV4) : version == 6 && set(0, ETHERTYPE_IPV6);
  }

  private boolean set(int offset, int type) {
    networkOffset = offset;
    etherType = type;
    return true;
  }

  private static int u16(byte[] d, int at) {
    return ((d[at] & 0xFF) << 8) | (d[at + 1] & 0xFF);
  }

  private static long u32(byte[] d, int at) {
    return ((long) u16(d, at) << 16) | u16(d, at + 2);
  }
}
