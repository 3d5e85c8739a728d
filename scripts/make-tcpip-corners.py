#!/usr/bin/env python3
"""Writes TCP/IP corner captures for the preference and conversation tests.

usage: scripts/make-tcpip-corners.py        (writes samples/prefs/*.pcap)

- bad_checksums.pcap: samples/corner/s1_baseline.pcap with the TCP checksum of frames 4, 5 and 8 and
  the IPv4 header checksum of frames 6 and 8 spoiled (an XOR of one byte).
- s13_longline_badck.pcap, s14_splitlines_badck.pcap: the corner captures with the TCP checksum of
  every second client data segment spoiled, so that segments holding half a line have bad checksums
  (a bad checksum stops TCP desegmentation when tcp.check_checksum is on).
- udp_checksums.pcap: UDP over IPv4 and IPv6 with good, bad and zero checksums, one datagram cut
  short by the snap length.
- conversations.pcap: a stream reset (RST), then a stray ACK and data on its ports, then a SYN
  reusing them; that stream closed with FIN both ways, then a stray ACK and data, then another SYN.
Record tshark 4.6.9's view with scripts/record-pref-goldens.sh afterwards.
"""
import os
import struct

from pcapgen import csum, tcp4, write_pcap

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, 'samples', 'prefs')


def records(data):
    off = 24
    n = 0
    while off + 16 <= len(data):
        incl = struct.unpack('<I', data[off + 8:off + 12])[0]
        n += 1
        yield n, off + 16, incl
        off += 16 + incl


def tcp_header(d, p):
    """Offset of the TCP header of an Ethernet/IPv4/TCP frame at p, or None."""
    if d[p + 12:p + 14] != b'\x08\x00' or d[p + 23] != 6:
        return None
    return p + 14 + (d[p + 14] & 15) * 4


def spoil_baseline():
    d = bytearray(open(os.path.join(REPO, 'samples', 'corner', 's1_baseline.pcap'), 'rb').read())
    for n, p, incl in records(bytes(d)):
        t = tcp_header(d, p)
        if n in (4, 5, 8) and t is not None:
            d[t + 16] ^= 0x55
        if n in (6, 8):
            d[p + 14 + 10] ^= 0x55
    open(os.path.join(OUT, 'bad_checksums.pcap'), 'wb').write(d)


def spoil_client_data(name):
    d = bytearray(open(os.path.join(REPO, 'samples', 'corner', name + '.pcap'), 'rb').read())
    for n, p, incl in records(bytes(d)):
        t = tcp_header(d, p)
        if t is None or n % 2:
            continue
        ihl = (d[p + 14] & 15) * 4
        total = struct.unpack('>H', d[p + 16:p + 18])[0]
        data_len = total - ihl - (d[t + 12] >> 4) * 4
        if struct.unpack('>H', d[t:t + 2])[0] != 25 and data_len > 0:
            d[t + 16] ^= 0x5a
    open(os.path.join(OUT, name + '_badck.pcap'), 'wb').write(d)


def udp_captures():
    mac = b'\x02\x00\x00\x00\x00\x01' + b'\x02\x00\x00\x00\x00\x02'
    src4, dst4 = bytes([192, 0, 2, 1]), bytes([192, 0, 2, 2])
    src6 = bytes.fromhex('20010db8000000000000000000000001')
    dst6 = bytes.fromhex('20010db8000000000000000000000002')
    frames = []

    def udp4(payload, mode):
        ulen = 8 + len(payload)
        hdr = struct.pack('>HHHH', 33333, 44444, ulen, 0)
        ck = csum(src4 + dst4 + struct.pack('>BBH', 0, 17, ulen) + hdr + payload)
        ck = {'good': ck or 0xffff, 'bad': ck ^ 0x1234, 'zero': 0}[mode]
        udp = struct.pack('>HHHH', 33333, 44444, ulen, ck) + payload
        ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 7, 0, 64, 17, 0, src4, dst4)
        ip = ip[:10] + struct.pack('>H', csum(ip)) + ip[12:]
        return mac + b'\x08\x00' + ip + udp

    def udp6(payload, mode):
        ulen = 8 + len(payload)
        hdr = struct.pack('>HHHH', 33333, 44444, ulen, 0)
        ck = csum(src6 + dst6 + struct.pack('>IxxxB', ulen, 17) + hdr + payload)
        ck = {'good': ck or 0xffff, 'bad': ck ^ 0x1234, 'zero': 0}[mode]
        udp = struct.pack('>HHHH', 33333, 44444, ulen, ck) + payload
        ip = struct.pack('>IHBB16s16s', 0x60000000, len(udp), 17, 64, src6, dst6)
        return mac + b'\x86\xdd' + ip + udp

    for mode in ('good', 'bad', 'zero'):
        frames.append((udp4(b'query-' + mode.encode(), mode), None))
    for mode in ('good', 'bad', 'zero'):
        frames.append((udp6(b'query6-' + mode.encode(), mode), None))
    odd = udp4(b'odd', 'good')
    frames.append((odd, None))
    cut = udp4(b'x' * 64, 'good')
    frames.append((cut, 60))  # snap length 60: the datagram is not wholly captured
    write_pcap(os.path.join(OUT, 'udp_checksums.pcap'),
               [(1700000000 + i, 0, f if snap is None else f[:snap], len(f)) for i, (f, snap) in enumerate(frames)])


def conversations():
    a, b = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
    syn, synack, ack, psh, rst, fin = 0x02, 0x12, 0x10, 0x18, 0x04, 0x11
    frames = [tcp4(a, b, 40000, 25, 100, 0, syn), tcp4(b, a, 25, 40000, 500, 101, synack),
              tcp4(a, b, 40000, 25, 101, 501, ack), tcp4(a, b, 40000, 25, 101, 501, psh, b'HELO x\r\n'),
              tcp4(b, a, 25, 40000, 501, 109, rst),
              tcp4(a, b, 40000, 25, 109, 501, ack), tcp4(a, b, 40000, 25, 109, 501, psh, b'NOOP\r\n'),
              tcp4(a, b, 40000, 25, 9000, 0, syn), tcp4(b, a, 25, 40000, 7000, 9001, synack),
              tcp4(a, b, 40000, 25, 9001, 7001, ack),
              tcp4(a, b, 40000, 25, 9001, 7001, fin), tcp4(b, a, 25, 40000, 7001, 9002, fin),
              tcp4(a, b, 40000, 25, 9002, 7002, ack),
              tcp4(a, b, 40000, 25, 9002, 7002, ack), tcp4(a, b, 40000, 25, 9002, 7002, psh, b'QUIT\r\n'),
              tcp4(a, b, 40000, 25, 20000, 0, syn)]
    write_pcap(os.path.join(OUT, 'conversations.pcap'), [(1700000000 + i, 0, f) for i, f in enumerate(frames)])


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    spoil_baseline()
    spoil_client_data('s13_longline')
    spoil_client_data('s14_splitlines')
    udp_captures()
    conversations()
    print('wrote', sorted(os.listdir(OUT)))
