package dev.dfq.fields.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal classic-pcap reader and TCP segment extraction for the mail tests (Ethernet, Linux cooked,
 * BSD null; IPv4 and IPv6; TCP). Test scaffolding until the capture and dissect branches provide
 * the real ones.
 */
final class TestPcap {
    /** One TCP segment: addresses as strings, ports, seq, flags, payload range in the frame. */
    record Segment(int frame, byte[] bytes, String src, String dst, int sport, int dport, long seq, int flags,
                   int payloadOff, int payloadLen) {
        boolean syn() {
            return (flags & 0x02) != 0;
        }

        boolean ack() {
            return (flags & 0x10) != 0;
        }
    }

    private TestPcap() {}

    /** Reads every record; frames that are not TCP come back as null entries (kept for numbering). */
    static List<Segment> read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        ByteBuffer b = ByteBuffer.wrap(all);
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            b.order(ByteOrder.BIG_ENDIAN);
        }
        int linkType = b.getInt(20);
        List<Segment> out = new ArrayList<>();
        int pos = 24;
        int frame = 0;
        while (pos + 16 <= all.length) {
            int incl = b.getInt(pos + 8);
            int start = pos + 16;
            if (incl < 0 || start + incl > all.length) {
                break;
            }
            byte[] pkt = new byte[incl];
            System.arraycopy(all, start, pkt, 0, incl);
            pos = start + incl;
            out.add(parse(++frame, pkt, linkType));
        }
        return out;
    }

    private static Segment parse(int frame, byte[] p, int linkType) {
        int off;
        int etype;
        switch (linkType) {
            case 1 -> {
                off = 14;
                etype = u16(p, 12);
                while (etype == 0x8100 || etype == 0x88a8) {
                    etype = u16(p, off + 2);
                    off += 4;
                }
            }
            case 113 -> {
                off = 16;
                etype = u16(p, 14);
            }
            case 0 -> {
                off = 4;
                int fam = (p[0] & 0xff) | (p[3] & 0xff);
                etype = fam == 2 ? 0x0800 : 0x86dd;
            }
            default -> {
                return null;
            }
        }
        String src;
        String dst;
        int tcp;
        int end;
        if (etype == 0x0800 && p.length >= off + 20) {
            int ihl = (p[off] & 0x0f) * 4;
            if ((p[off + 9] & 0xff) != 6) {
                return null;
            }
            end = Math.min(p.length, off + u16(p, off + 2));
            src = ip4(p, off + 12);
            dst = ip4(p, off + 16);
            tcp = off + ihl;
        } else if (etype == 0x86dd && p.length >= off + 40) {
            if ((p[off + 6] & 0xff) != 6) {
                return null;
            }
            end = Math.min(p.length, off + 40 + u16(p, off + 4));
            src = hex(p, off + 8, 16);
            dst = hex(p, off + 24, 16);
            tcp = off + 40;
        } else {
            return null;
        }
        if (tcp + 20 > end) {
            return null;
        }
        int hl = ((p[tcp + 12] & 0xf0) >> 4) * 4;
        long seq = ((long) u16(p, tcp + 4) << 16) | u16(p, tcp + 6);
        return new Segment(frame, p, src, dst, u16(p, tcp), u16(p, tcp + 2), seq, p[tcp + 13] & 0xff,
                tcp + hl, Math.max(0, end - tcp - hl));
    }

    private static int u16(byte[] p, int o) {
        return ((p[o] & 0xff) << 8) | (p[o + 1] & 0xff);
    }

    private static String ip4(byte[] p, int o) {
        return (p[o] & 0xff) + "." + (p[o + 1] & 0xff) + "." + (p[o + 2] & 0xff) + "." + (p[o + 3] & 0xff);
    }

    private static String hex(byte[] p, int o, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(String.format("%02x", p[o + i]));
        }
        return b.toString();
    }
}
