package dev.dfq.fields.dissect;

/** pcap link types (LINKTYPE_*) and Wireshark's encapsulation numbers (WTAP_ENCAP_*, frame.encap_type). */
public final class Encapsulations {
    public static final int LINKTYPE_NULL = 0;
    public static final int LINKTYPE_ETHERNET = 1;
    public static final int LINKTYPE_RAW = 101;
    public static final int LINKTYPE_LOOP = 108;
    public static final int LINKTYPE_LINUX_SLL = 113;
    public static final int LINKTYPE_IPV4 = 228;
    public static final int LINKTYPE_IPV6 = 229;
    public static final int LINKTYPE_LINUX_SLL2 = 276;

    private Encapsulations() {
    }

    /** WTAP_ENCAP_* for a pcap link type, as tshark shows in frame.encap_type. */
    public static int wtapEncap(int linkType) {
        return switch (linkType) {
            case LINKTYPE_ETHERNET -> 1;
            case LINKTYPE_NULL -> 15;
            case LINKTYPE_RAW, 12, 14 -> 7;
            case LINKTYPE_LOOP -> 15;
            case LINKTYPE_LINUX_SLL -> 25;
            case LINKTYPE_LINUX_SLL2 -> 210;
            case LINKTYPE_IPV4 -> 129;
            case LINKTYPE_IPV6 -> 130;
            default -> -1;
        };
    }
}
