package dev.dfq.engine.capture;

/** LINKTYPE_ numbers the readers need, and wiretap's per-link-type largest packet. */
public final class LinkTypes {
  public static final int NULL = 0;
  public static final int ETHERNET = 1;
  public static final int RAW = 101;
  public static final int LOOP = 108;
  public static final int LINUX_SLL = 113;
  public static final int IPV4 = 228;
  public static final int IPV6 = 229;
  public static final int DBUS = 231;
  public static final int USBPCAP = 249;
  public static final int LINUX_SLL2 = 276;
  public static final int EBHSCR = 279;

  /** wiretap's WTAP_MAX_PACKET_SIZE_STANDARD: any larger record is "damaged" for tshark. */
  public static final int MAX_PACKET_STANDARD = 262_144;

  private LinkTypes() {
  }

  /** wiretap's {@code wtap_max_snaplen_for_encap}: 128 MiB for D-Bus and USBPcap, 8 MiB for EBHSCR. */
  public static int maxSnaplen(int linkType) {
    return switch (linkType) {
      case DBUS, USBPCAP -> 128 << 20;
      case EBHSCR -> 8 << 20;
      default -> MAX_PACKET_STANDARD;
    };
  }
}
