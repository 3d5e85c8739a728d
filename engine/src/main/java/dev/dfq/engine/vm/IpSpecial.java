package dev.dfq.engine.vm;

import dev.dfq.fields.FieldType.Kind;

/** IANA special-purpose address registry lookups for ip_special_name()/ip_special_mask() (subset). */
final class IpSpecial {
    private IpSpecial() {
    }

    // prefix (as long), bits, name, mask bits S D F G R (source, destination, forwardable, global, reserved)
    private static final Object[][] V4 = {
        {0x00000000L, 8, "This network", 0b10000},
        {0x0A000000L, 8, "Private-Use", 0b11100},
        {0x64400000L, 10, "Shared Address Space", 0b11100},
        {0x7F000000L, 8, "Loopback", 0b00000},
        {0xA9FE0000L, 16, "Link Local", 0b11000},
        {0xAC100000L, 12, "Private-Use", 0b11100},
        {0xC0000000L, 24, "IETF Protocol Assignments", 0b00000},
        {0xC0000200L, 24, "Documentation (TEST-NET-1)", 0b00000},
        {0xC0A80000L, 16, "Private-Use", 0b11100},
        {0xC6120000L, 15, "Benchmarking", 0b11100},
        {0xC6336400L, 24, "Documentation (TEST-NET-2)", 0b00000},
        {0xCB007100L, 24, "Documentation (TEST-NET-3)", 0b00000},
        {0xF0000000L, 4, "Reserved", 0b00001},
        {0xFFFFFFFFL, 32, "Limited Broadcast", 0b01000},
    };

    private static Object[] find(Reg a, int i) {
        if (a.type.kind() != Kind.IPV4) {
            return null;
        }
        long v = a.num[i];
        Object[] best = null;
        for (Object[] e : V4) {
            int bits = (Integer) e[1];
            long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
            if ((v & mask) == (Long) e[0] && (best == null || bits > (Integer) best[1])) {
                best = e;
            }
        }
        return best;
    }

    static String name(Reg a, int i) {
        Object[] e = find(a, i);
        return e == null ? null : (String) e[2];
    }

    static int mask(Reg a, int i) {
        Object[] e = find(a, i);
        return e == null ? -1 : (Integer) e[3];
    }
}
