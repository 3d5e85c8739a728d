package dev.dfq.cli;

/**
 * What tshark resolves to names, as -n, -N FLAGS and the {@code nameres.*} preferences set it, in the
 * order they come on the command line (the last word wins, as in tshark). By default MAC addresses are
 * resolved and nothing else.
 *
 * <p>dfq resolves MAC addresses (m) and TCP/UDP ports (t). It accepts every letter tshark accepts; the
 * others change nothing in dfq's output, and neither do they in tshark's here: tshark 4.6.9 resolves
 * network names (n) from its hosts files only (none is installed with it) or, with N, through the
 * system's resolver, which on a machine without DNS answers nothing; d and s name addresses from DNS
 * answers and TLS handshakes in the capture (dfq dissects neither), v names VLANs from a "vlans" file
 * and g adds GeoIP data; none of these exists by default.
 */
final class NameResolution {
    /** tshark's text after its "-N specifies unknown resolving option 'c'; valid options are:" line. */
    static final String VALID_OPTIONS = String.join("\n",
            "\t'd' to enable address resolution from captured DNS packets",
            "\t'g' to enable address geolocation information from MaxMind databases",
            "\t'm' to enable MAC address resolution",
            "\t'n' to enable network address resolution",
            "\t'N' to enable using external resolvers (e.g., DNS)",
            "\t    for network address resolution",
            "\t's' to enable address resolution using SNI information found in captured",
            "\t    handshake packets",
            "\t't' to enable transport-layer port number resolution",
            "\t'v' to enable VLAN IDs to names resolution");

    private boolean mac = true;
    private boolean transport;
    private char badLetter;

    /** -n: no resolution at all. */
    void disableAll() {
        mac = false;
        transport = false;
    }

    /**
     * -N FLAGS: exactly these resolutions (tshark clears the others first). An unknown letter is kept
     * for {@link #badLetter} and leaves the flags as they were.
     */
    void flags(String letters) {
        boolean m = false;
        boolean t = false;
        for (char c : letters.toCharArray()) {
            switch (c) {
                case 'm' -> m = true;
                case 't' -> t = true;
                case 'n', 'N', 'd', 's', 'v', 'g' -> {
                }
                default -> {
                    if (badLetter == 0) {
                        badLetter = c;
                    }
                    return;
                }
            }
        }
        mac = m;
        transport = t;
    }

    /** -o PREF:VALUE: the nameres.* preferences that switch one resolution; others are ignored here. */
    void preference(String option) {
        int colon = option.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String value = option.substring(colon + 1).trim();
        boolean on = value.equalsIgnoreCase("TRUE"); // as Wireshark reads a boolean preference: "1" is false
        switch (option.substring(0, colon).trim()) {
            case "nameres.mac_name" -> mac = on;
            case "nameres.transport_name" -> transport = on;
            default -> {
            }
        }
    }

    /** The first unknown -N letter, or 0. */
    char badLetter() {
        return badLetter;
    }

    boolean mac() {
        return mac;
    }

    boolean transport() {
        return transport;
    }
}
