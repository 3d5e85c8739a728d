#!/usr/bin/env python3
"""Writes samples/vlan/: an SMTP session, an ARP exchange and a priority-tagged frame behind an 802.1Q
tag (vlan.pcap), and the same session behind an 802.1ad outer tag and an 802.1Q inner tag (qinq.pcap),
for the lower-layer goldens (the public captures with Q-in-Q may not be committed).

usage: scripts/make-vlan-corners.py        (then scripts/record-lower-goldens.py, scripts/record-text-goldens.sh)
"""
import os
import struct

from pcapgen import tcp4, write_pcap

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, 'samples', 'vlan')


def tag(tpid, pcp, dei, vid):
    return struct.pack('>HH', tpid, pcp << 13 | dei << 12 | vid)


def tagged(frame, *tags):
    """Inserts the tags after the two MAC addresses."""
    return frame[:12] + b''.join(tags) + frame[12:]


def arp(op, sha, spa, tha, tpa):
    eth = (b'\xff' * 6 if op == 1 else tha) + sha + b'\x08\x06'
    return eth + struct.pack('>HHBBH6s4s6s4s', 1, 0x0800, 6, 4, op, sha, spa, tha, tpa)


def smtp_session(sport):
    c, s = bytes([10, 1, 0, 1]), bytes([10, 1, 0, 2])
    cs, ss = 1000, 5000
    out = [tcp4(c, s, sport, 25, cs, 0, 0x02), tcp4(s, c, 25, sport, ss, cs + 1, 0x12),
           tcp4(c, s, sport, 25, cs + 1, ss + 1, 0x10)]
    cs += 1
    ss += 1
    for who, line in (('S', b'220 vlan.example ESMTP\r\n'), ('C', b'EHLO tagged.example\r\n'),
                      ('S', b'250 vlan.example\r\n'), ('C', b'QUIT\r\n'), ('S', b'221 Bye\r\n')):
        if who == 'S':
            out.append(tcp4(s, c, 25, sport, ss, cs, 0x18, line))
            ss += len(line)
        else:
            out.append(tcp4(c, s, sport, 25, cs, ss, 0x18, line))
            cs += len(line)
    out += [tcp4(c, s, sport, 25, cs, ss, 0x11), tcp4(s, c, 25, sport, ss, cs + 1, 0x11),
            tcp4(c, s, sport, 25, cs + 1, ss + 1, 0x10)]
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    q = tag(0x8100, 5, 0, 100)
    frames = [tagged(f, q) for f in smtp_session(41000)]
    mac_a, mac_b = b'\x02\x00\x00\x00\x00\x0a', b'\x02\x00\x00\x00\x00\x0b'
    frames.append(tagged(arp(1, mac_a, bytes([10, 1, 0, 1]), b'\x00' * 6, bytes([10, 1, 0, 2])), q))
    frames.append(tagged(arp(2, mac_b, bytes([10, 1, 0, 2]), mac_a, bytes([10, 1, 0, 1])), q))
    frames.append(tagged(smtp_session(41001)[0], tag(0x8100, 6, 1, 0)))  # priority-tagged, DEI set
    write_pcap(os.path.join(OUT, 'vlan.pcap'), [(1700000100, i * 1000, f) for i, f in enumerate(frames)])
    outer, inner = tag(0x88a8, 3, 0, 200), tag(0x8100, 1, 0, 100)
    frames = [tagged(f, outer, inner) for f in smtp_session(42000)]
    write_pcap(os.path.join(OUT, 'qinq.pcap'), [(1700000200, i * 1000, f) for i, f in enumerate(frames)])


if __name__ == '__main__':
    main()
