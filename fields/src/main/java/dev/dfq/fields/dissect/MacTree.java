package dev.dfq.fields.dissect;

import dev.dfq.fields.FieldStore;
import java.nio.charset.StandardCharsets;
import dev.dfq.fields.resolve.MacNames;
import java.util.BitSet;

/**
 * An Ethernet address item with the subtree Wireshark puts under it: the address resolved, its OUI
 * and the OUI's manufacturer, the LG and IG bits, then the same again as the generic eth.addr fields
 * (hidden in Wireshark's tree, present in its json). The resolved address is the MAC name (vendor or
 * well-known name, {@link MacNames}) when MAC names are on, else the address itself; the vendor of the
 * prefix is shown either way, as tshark does. Names are looked up only for the fields a query reads.
 */
final class MacTree {
    /** Field ids of one role (destination, source or either): address, resolved, oui, oui_resolved, lg, ig. */
    record Role(int addr, int resolved, int oui, int ouiResolved, int lg, int ig) {
    }

    private final BitSet w;
    private final boolean macNames;
    final Role dst;
    final Role src;
    private final Role any;

    MacTree(F f, BitSet wanted, boolean macNames) {
        this.w = wanted;
        this.macNames = macNames;
        dst = new Role(f.ETH_DST, f.ETH_DST_RESOLVED, f.ETH_DST_OUI, f.ETH_DST_OUI_RESOLVED, f.ETH_DST_LG, f.ETH_DST_IG);
        src = new Role(f.ETH_SRC, f.ETH_SRC_RESOLVED, f.ETH_SRC_OUI, f.ETH_SRC_OUI_RESOLVED, f.ETH_SRC_LG, f.ETH_SRC_IG);
        any = new Role(f.ETH_ADDR, f.ETH_ADDR_RESOLVED, f.ETH_ADDR_OUI, f.ETH_ADDR_OUI_RESOLVED, f.ETH_LG, f.ETH_IG);
    }

    /** The address at {@code off} of the frame as {@code role}, under {@code parent}, with its subtree. */
    void add(FieldStore s, int layer, int parent, int off, Role role) {
        int item = w.get(role.addr) ? s.add(role.addr, layer, parent, 0, off, 6, 0, null) : -1;
        int under = item >= 0 ? item : parent;
        details(s, layer, under, off, role);
        if (w.get(any.addr)) {
            s.add(any.addr, layer, under, 0, off, 6, 0, null);
        }
        details(s, layer, under, off, any);
    }

    private void details(FieldStore s, int layer, int under, int off, Role role) {
        byte[] d = s.sourceData(0);
        long mac = MacNames.mac(d, off);
        if (w.get(role.resolved)) {
            String name = macNames ? MacNames.get().name(mac) : MacNames.hex(mac);
            s.add(role.resolved, layer, under, 0, off, 6, 0, name.getBytes(StandardCharsets.UTF_8));
        }
        int oui = (int) (mac >>> 24);
        if (w.get(role.oui)) {
            s.add(role.oui, layer, under, 0, off, 3, oui, null);
        }
        if (w.get(role.ouiResolved)) {
            String maker = MacNames.get().vendor(mac);
            if (maker != null) {
                s.add(role.ouiResolved, layer, under, 0, off, 3, 0, maker.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (w.get(role.lg)) {
            s.add(role.lg, layer, under, 0, off, 3, d[off] & 0x02, null);
        }
        if (w.get(role.ig)) {
            s.add(role.ig, layer, under, 0, off, 3, d[off] & 0x01, null);
        }
    }
}
