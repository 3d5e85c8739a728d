#!/usr/bin/env python3
"""Writes samples/names/: frames whose MAC addresses and ports exercise tshark's name resolution
(macs.pcap): ARP between vendor (MA-L), MA-M and MA-S addresses, broadcast, well-known exact and ranged
addresses (HSRP, IPv4/IPv6 multicast, Cisco's), locally administered and unknown ones; TCP and UDP on
ports with and without service names (ports.pcap).

usage: scripts/make-name-corners.py        (then scripts/record-name-goldens.sh)
"""
import gzip
import os
import random
import struct

from pcapgen import csum, tcp4, write_pcap

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, 'samples', 'names')


def mac(text):
    return bytes(int(x, 16) for x in text.split(':'))


def arp(op, eth_dst, sha, spa, tha, tpa):
    return eth_dst + sha + b'\x08\x06' + struct.pack('>HHBBH6s4s6s4s', 1, 0x0800, 6, 4, op, sha, spa, tha, tpa)


def udp4(src, dst, sport, dport, data):
    udp = struct.pack('>HHHH', sport, dport, 8 + len(data), 0) + data
    udp = udp[:6] + struct.pack('>H', csum(src + dst + struct.pack('>BBH', 0, 17, len(udp)) + udp) or 0xffff) + udp[8:]
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 1, 0, 64, 17, 0, src, dst)
    ip = ip[:10] + struct.pack('>H', csum(ip)) + ip[12:]
    return b'\x02\x00\x00\x00\x00\x02\x02\x00\x00\x00\x00\x01\x08\x00' + ip + udp


def with_macs(frame, dst, src):
    return dst + src + frame[12:]


def macs():
    a, b = bytes([192, 0, 2, 1]), bytes([192, 0, 2, 2])
    pairs = [
        ('ff:ff:ff:ff:ff:ff', '00:00:0c:12:34:56'),  # broadcast; Cisco (MA-L)
        ('00:00:0c:12:34:56', '00:55:da:1a:bc:de'),  # MA-M (/28)
        ('00:50:c2:00:0a:bc', '00:1b:c5:00:01:23'),  # MA-S (/36) both ways
        ('00:00:0c:07:ac:05', '02:00:00:00:00:01'),  # HSRP range (/40); locally administered
        ('01:00:5e:00:00:fb', '00:03:93:aa:bb:cc'),  # IPv4 multicast (/25); Apple
        ('01:00:5e:7f:ff:fa', 'ac:de:48:00:11:22'),  # IPv4 multicast, high bits; private OUI
        ('33:33:00:00:00:01', 'fc:ff:ff:00:00:01'),  # IPv6 multicast (/16); unregistered OUI
        ('33:33:00:00:00:00', '00:00:00:00:00:00'),  # exact entry beside the /16 one; Xerox's zero OUI
        ('01:00:0c:cc:cc:cc', '00:00:0c:9f:f0:01'),  # exact well-known; Cisco again
        ('01:00:0c:12:34:56', '01:80:c2:00:00:0e'),  # Cisco OUI with the group bit; LLDP address
        ('01:80:c2:00:00:21', 'cf:00:00:00:00:00'),  # exact in a /44 range; loopback test address
        ('01:80:c2:00:00:2a', '09:00:07:ff:ff:ff'),  # only the /44 range; AppleTalk broadcast
        ('00:e0:2b:00:00:05', '08:00:27:01:02:03'),  # Extreme's OUI beside its exact addresses; VirtualBox
        ('fe:ff:ff:ff:ff:ff', '00:bf:12:34:56:78'),  # no name; MS-NLB range (/16)
    ]
    frames = []
    for i, (dst, src) in enumerate(pairs):
        op = 1 if dst == 'ff:ff:ff:ff:ff:ff' or i % 2 == 0 else 2
        # a fresh pair of IPv4 addresses per frame: tshark flags an address seen at two MACs
        spa, tpa = bytes([192, 0, 2, 10 + i]), bytes([192, 0, 2, 100 + i])
        frames.append(arp(op, mac(dst), mac(src), spa, mac(dst) if op == 2 else b'\0' * 6, tpa))
    frames.append(with_macs(tcp4(a, b, 40000, 25, 1, 0, 0x02), mac('00:00:0c:12:34:56'), mac('00:55:da:1a:bc:de')))
    return frames


def ports():
    a, b = bytes([192, 0, 2, 1]), bytes([192, 0, 2, 2])
    frames = []
    for port in (25, 587, 465, 80, 443, 110, 143, 993, 2525, 8080, 44444, 1):
        frames.append(tcp4(a, b, 40000 + port % 1000, port, 1, 0, 0x02))
        frames.append(tcp4(b, a, port, 40000 + port % 1000, 7, 2, 0x12))
    for sport, dport in ((33333, 44444), (161, 162), (517, 40517), (1, 65535)):
        frames.append(udp4(a, b, sport, dport, b'dfq names'))
    return frames


def cooked(version):
    """ARP requests from a vendor and a locally administered address behind a Linux cooked header."""
    frames = []
    for i, sha in enumerate((mac('00:00:0c:12:34:56'), mac('02:00:00:00:00:01'))):
        body = struct.pack('>HHBBH6s4s6s4s', 1, 0x0800, 6, 4, 1, sha, bytes([10, 0, 0, 1 + i]), b'\0' * 6,
                           bytes([10, 0, 0, 100 + i]))
        if version == 1:
            frames.append(struct.pack('>HHH8sH', 0, 1, 6, sha + b'\0\0', 0x0806) + body)
        else:
            frames.append(struct.pack('>HHIHBB8s', 0x0806, 0, 2, 1, 0, 6, sha + b'\0\0') + body)
    return frames


def vendors():
    """ARP requests between addresses in random table entries: vendors of each kind, wka ranges and addresses."""
    tables = os.path.join(REPO, 'fields', 'src', 'main', 'resources', 'dev', 'dfq', 'fields', 'resolve')
    manuf = [line.split('\t') for line in gzip.open(os.path.join(tables, 'manuf.tsv.gz'), 'rt', encoding='utf-8').read().splitlines()]
    wka = [line.split('\t') for line in open(os.path.join(tables, 'wka.tsv'), encoding='utf-8').read().splitlines()]
    rnd = random.Random(7)

    def inside(prefix, bits):
        return int(prefix, 16) << (48 - len(prefix) * 4) | rnd.getrandbits(48 - bits)

    macs = [inside(e[0], int(e[1])) for e in rnd.sample(manuf, 1200)]
    for address, bits, _, _ in wka:
        a, b = int(address, 16), int(bits)
        macs.append(a)
        if b != 48:
            macs.append(a | rnd.getrandbits(48 - (b or 24)))
    for e in rnd.sample(manuf, 300):
        macs += [inside(e[0], int(e[1])) | 1 << 40, rnd.getrandbits(48)]
    frames = []
    for i in range(0, len(macs) - 1, 2):
        dst, src = macs[i].to_bytes(6, 'big'), macs[i + 1].to_bytes(6, 'big')
        spa, tpa = bytes([10, 0, i >> 8 & 255, i & 255]), bytes([10, 1, i >> 8 & 255, i & 255])
        frames.append(arp(1, dst, src, spa, b'\0' * 6, tpa))
    return frames


def stamped(start, frames):
    """One frame a millisecond from {start} seconds."""
    return [(start + i // 1000, i % 1000 * 1000, f) for i, f in enumerate(frames)]


def main():
    os.makedirs(OUT, exist_ok=True)
    write_pcap(os.path.join(OUT, 'macs.pcap'), stamped(1700000200, macs()))
    write_pcap(os.path.join(OUT, 'ports.pcap'), stamped(1700000300, ports()))
    write_pcap(os.path.join(OUT, 'vendors.pcap'), stamped(1700000600, vendors()))
    write_pcap(os.path.join(OUT, 'sll.pcap'), stamped(1700000400, cooked(1)), linktype=113)
    write_pcap(os.path.join(OUT, 'sll2.pcap'), stamped(1700000500, cooked(2)), linktype=276)


if __name__ == '__main__':
    main()
