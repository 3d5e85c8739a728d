package dev.dfq.fields.resolve;

import java.util.HashMap;
import java.util.Map;

/**
 * MAC address names as tshark 4.6.9 gives them with MAC name resolution on (epan/addr_resolv.c,
 * eth_addr_resolve): a well-known address by its name ({@code Broadcast}); else a well-known range or
 * a vendor prefix followed by the rest of the address ({@code IPv4mcast_fb}, {@code Cisco_12:34:56},
 * {@code KoolPOS_a:bc:de}); else the address itself. There is no ethers file, as in the reference
 * installation. The tables are read on first use, so queries that need no name never load them.
 */
public final class MacNames {
    /** Wireshark keeps names in buffers of MAXNAMELEN (64) bytes, the last one the terminating NUL. */
    private static final int MAX_NAME_BYTES = 63;

    private static final class Holder {
        static final MacNames INSTANCE = new MacNames(Tables.read("manuf.tsv.gz"), Tables.read("wka.tsv"));
    }

    /** Well-known single addresses (wka entries of 48 bits). */
    private final Map<Long, String> exact = new HashMap<>();
    /**
     * Well-known ranges, keyed by the address as written without their length: Wireshark looks a
     * masked address up in the same way, so a range also answers for any longer mask that leaves the
     * same bits ({@code 01:00:5e:00:00:fb} is {@code IPv4mcast_fb}, not {@code IPv4mcast_00:00:fb}).
     */
    private final Map<Long, String> ranges = new HashMap<>();
    /** 24-bit vendor prefixes the wka file names, before the IEEE tables: short and long name. */
    private final Map<Integer, String[]> wkaVendors = new HashMap<>();
    private final Vendors vendors;
    /** Names and vendors already found: a capture has few addresses and asks for each on every frame. */
    private final Map<Long, String> made = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Long, String> vendorsFound = new java.util.concurrent.ConcurrentHashMap<>();

    private MacNames(byte[] manuf, byte[] wka) {
        this.vendors = new Vendors(manuf);
        for (int line = 0; line < wka.length; ) {
            int bitsAt = Tables.nextField(wka, line);
            int nameAt = Tables.nextField(wka, bitsAt);
            long addr = Tables.number(wka, line, 16);
            int bits = (int) Tables.number(wka, bitsAt, 10);
            String name = Tables.field(wka, nameAt);
            switch (bits) {
                case 48 -> exact.put(addr, name);
                case 0 -> wkaVendors.put((int) (addr >>> 24), new String[] {name, Tables.field(wka, Tables.nextField(wka, nameAt))});
                default -> ranges.put(addr, name);
            }
            line = Tables.fieldEnd(wka, Tables.nextField(wka, nameAt)) + 1;
        }
    }

    /** The tables (loaded on the first call). */
    public static MacNames get() {
        return Holder.INSTANCE;
    }

    /** {@code -G manuf}: the vendor table as tshark prints it. */
    public void manufReport(Appendable out) throws java.io.IOException {
        vendors.report(out);
    }

    /** The 48-bit address at {@code off} as a number. */
    public static long mac(byte[] d, int off) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (d[off + i] & 0xff);
        }
        return v;
    }

    /** The address as tshark shows it with MAC name resolution on. */
    public String name(long mac) {
        return remembered(made, mac, m -> clip(lookUp(m)));
    }

    /** The value for {@code mac} from {@code found}, else made and kept (at most 65,536, then forgotten). */
    private static String remembered(Map<Long, String> found, long mac, java.util.function.LongFunction<String> make) {
        String known = found.get(mac);
        if (known != null) {
            return known;
        }
        if (found.size() > 1 << 16) {
            found.clear(); // a capture of many addresses: keep memory bounded, names are cheap to make again
        }
        String made = make.apply(mac);
        found.put(mac, made);
        return made;
    }

    private String lookUp(long mac) {
        String e = exact.get(mac);
        if (e != null) {
            return e;
        }
        String r = range(mac, 47, 24);
        if (r != null) {
            return r;
        }
        int oui = (int) (mac >>> 24);
        String[] wkaVendor = wkaVendor(oui);
        if (wkaVendor != null) {
            return withRest(wkaVendor[0], mac, 24);
        }
        Vendors.Vendor v = vendors.oui24(oui);
        if (v != null) {
            return withRest(v.shortName(), mac, 24);
        }
        r = range(mac, 23, 1);
        if (r != null) {
            return r;
        }
        v = vendors.lookup(mac);
        return v != null ? vendorName(v, mac) : hex(mac);
    }

    /**
     * The vendor's long name, as the {@code .oui_resolved} fields give it whether or not names are
     * resolved (get_manuf_name_if_known); null when the prefix is not registered.
     */
    public String vendor(long mac) {
        // kept as "" when there is none (no vendor's name is empty)
        String v = remembered(vendorsFound, mac, m -> {
            String found = findVendor(m);
            return found == null ? "" : found;
        });
        return v.isEmpty() ? null : v;
    }

    private String findVendor(long mac) {
        String[] wkaVendor = wkaVendor((int) (mac >>> 24));
        if (wkaVendor != null) {
            return clip(wkaVendor[1]);
        }
        Vendors.Vendor v = vendors.lookup(mac);
        if (v == null) {
            return null;
        }
        // Wireshark copies a 24-bit vendor into its own table, of names of at most 63 bytes; /28 and /36
        // vendors come straight from the IEEE tables, whole
        return v.bits() == 24 ? clip(v.longName()) : v.longName();
    }

    /** Wireshark's names are at most 63 bytes of UTF-8 (MAXNAMELEN); a character cut in two is dropped. */
    static String clip(String name) {
        byte[] b = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (b.length <= MAX_NAME_BYTES) {
            return name;
        }
        int end = MAX_NAME_BYTES;
        while (end > 0 && (b[end] & 0xc0) == 0x80) {
            end--; // b[end] continues the character that starts before it: cut before that character
        }
        return new String(b, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A wka vendor prefix, first as it is, then with the group bit cleared (manuf_name_lookup). */
    private String[] wkaVendor(int oui) {
        String[] w = wkaVendors.get(oui);
        return w != null || (oui & 0x010000) == 0 ? w : wkaVendors.get(oui & ~0x010000);
    }

    /** The first range, from {@code from} bits down to {@code to}, whose masked address is well known. */
    private String range(long mac, int from, int to) {
        for (int bits = from; bits >= to; bits--) {
            String name = ranges.get(mac & (-1L << (48 - bits)) & 0xffff_ffff_ffffL);
            if (name != null) {
                return withRest(name, mac, bits);
            }
        }
        return null;
    }

    /** eth_resolved_name_fill: the vendor's short name, then the bits after its /24, /28 or /36 prefix. */
    private static String vendorName(Vendors.Vendor v, long mac) {
        return switch (v.bits()) {
            case 28 -> v.shortName() + "_" + Integer.toHexString((int) (mac >>> 16) & 0xf) + tail(mac, 4);
            case 36 -> v.shortName() + "_" + Integer.toHexString((int) (mac >>> 8) & 0xf) + tail(mac, 5);
            default -> withRest(v.shortName(), mac, 24);
        };
    }

    /**
     * A name for the first {@code bits} bits, then "_" and the rest: the partly covered byte's low bits
     * and the whole bytes after it, in two hex digits each.
     */
    private static String withRest(String name, long mac, int bits) {
        int first = bits / 8;
        int b = (int) (mac >>> (8 * (5 - first))) & 0xff & (0xff >> (bits % 8));
        return name + "_" + hex2(b) + tail(mac, first + 1);
    }

    /** ":xx" for each byte from {@code from} to the last. */
    private static String tail(long mac, int from) {
        StringBuilder sb = new StringBuilder(18);
        for (int i = from; i < 6; i++) {
            sb.append(':').append(hex2((int) (mac >>> (8 * (5 - i))) & 0xff));
        }
        return sb.toString();
    }

    /** The address as tshark writes it when it has no name: six lower-case hex pairs and colons. */
    public static String hex(long mac) {
        return hex2((int) (mac >>> 40) & 0xff) + tail(mac, 1);
    }

    private static String hex2(int b) {
        return Character.forDigit(b >> 4, 16) + "" + Character.forDigit(b & 0xf, 16);
    }
}
