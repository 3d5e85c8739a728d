#!/usr/bin/env python3
"""Builds chunked-input captures for the mail tests: copies of one SMTP session in which one payload
segment is split in two at every byte offset, each copy on its own client port (a new TCP stream).

usage: make-mail-split-captures.py IN.pcap OUT.pcap FRAME [FRAME...]

Ethernet/IPv4/TCP classic pcap only. Checksums are left as they are (tshark does not verify them by
default). Run scripts/record-mail-goldens.sh afterwards: tshark 4.6.9 then says what each split shows.
"""
import struct
import sys


def read(path):
    d = open(path, 'rb').read()
    head = d[:24]
    recs = []
    pos = 24
    while pos + 16 <= len(d):
        ts, tu, il, ol = struct.unpack('<IIII', d[pos:pos + 16])
        recs.append([ts, tu, bytearray(d[pos + 16:pos + 16 + il])])
        pos += 16 + il
    return head, recs


def tcp_offsets(p):
    ihl = (p[14] & 15) * 4
    t = 14 + ihl
    return t, (p[t + 12] >> 4) * 4


def with_port(p, server, client):
    p = bytearray(p)
    t, _ = tcp_offsets(p)
    sp, dp = struct.unpack('>HH', p[t:t + 4])
    if sp == server:
        struct.pack_into('>H', p, t + 2, client)
    else:
        struct.pack_into('>H', p, t, client)
    return p


def split(p, k):
    t, hl = tcp_offsets(p)
    payload = p[t + hl:]
    seq = struct.unpack('>I', p[t + 4:t + 8])[0]
    out = []
    for part, s in ((payload[:k], seq), (payload[k:], (seq + k) & 0xffffffff)):
        q = bytearray(p[:t + hl]) + part
        struct.pack_into('>H', q, 16, len(q) - 14)
        struct.pack_into('>I', q, t + 4, s)
        out.append(q)
    return out


def main():
    src, dst, frames = sys.argv[1], sys.argv[2], [int(x) for x in sys.argv[3:]]
    head, recs = read(src)
    t, _ = tcp_offsets(recs[0][2])
    server = struct.unpack('>H', recs[0][2][t + 2:t + 4])[0]
    out = bytearray(head)
    copy = 0
    for f in frames:
        p = recs[f - 1][2]
        t, hl = tcp_offsets(p)
        n = len(p) - t - hl
        for k in range(1, n):
            client = 20000 + copy
            base = copy * 10
            for i, (ts, tu, pkt) in enumerate(recs, 1):
                pkts = split(pkt, k) if i == f else [pkt]
                for j, q in enumerate(pkts):
                    q = with_port(q, server, client)
                    out += struct.pack('<IIII', ts + base, tu + j, len(q), len(q)) + q
            copy += 1
    open(dst, 'wb').write(out)
    print(f'{dst}: {copy} sessions')


if __name__ == '__main__':
    main()
