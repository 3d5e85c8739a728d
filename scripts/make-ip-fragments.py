#!/usr/bin/env python3
"""Writes samples/ipfrag/: generated IPv4/IPv6 fragment, IPv6 extension-header, ICMP and ICMPv6 captures
(Ethernet, good checksums unless a case says otherwise), for the lower-layer goldens.

ipv4_frag.pcap: UDP and ICMP datagrams in IPv4 fragments: in order, out of order, a duplicated fragment,
two datagrams interleaved, one never completed, a fragmented TCP segment, DF without fragmenting,
an ICMP echo with a bad checksum, ICMP errors quoting UDP datagrams, a timestamp request.
ipv6_ext.pcap: IPv6 fragments (UDP, ICMPv6), hop-by-hop / destination options / routing headers,
ICMPv6 echo and neighbour discovery.
ipv4_edge.pcap: a fragmented datagram whose first fragment was cut short by the snap length (not
reassembled: its payload is dissected as far as it goes), UDP lengths beyond the IP payload and under 8,
a fragmented ICMP echo, a TCP segment with options in two fragments.
ipv4_options.pcap: IPv4 options (router alert, no-op, end of list, record route, time stamps, security,
stream ID, MTU probe, traceroute, an unknown one) and TTLs near the limits Wireshark notes.
ipv6_nd.pcap: ICMPv6 router solicitation and advertisement (link-layer address, MTU and prefix options),
an MLDv2 report behind a hop-by-hop header, a redirect.
icmp_codes.pcap: one ICMP message of each type with a code text, for every code (and one past the last),
deprecated and unassigned types, and the ICMPv6 error codes, for the Info text.
icmp_nested.pcap: ICMP errors quoting ICMP errors, 2 and 2,000 deep (Wireshark keeps 500 layers and stops
there), then the datagram they quote.
ipv6_addrs.pcap: one UDP datagram per IPv6 address block of interest (special-purpose blocks, address
spaces, multicast flags and scopes, IPv4-compatible and -mapped forms), for the items under addresses.
"""
import ipaddress, os, struct
from pcapgen import csum, write_pcap

repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(repo, 'samples', 'ipfrag')
os.makedirs(out, exist_ok=True)
ETH4 = bytes.fromhex('020000000002' '020000000001' '0800')
ETH6 = bytes.fromhex('3333ff000002' '020000000001' '86dd')
A, B, C = bytes([192, 168, 1, 10]), bytes([192, 168, 1, 20]), bytes([10, 9, 8, 7])


def ip4(src, dst, proto, payload, ident, off=0, mf=False, df=False, ttl=64, total=None):
    flags = (0x4000 if df else 0) | (0x2000 if mf else 0) | (off // 8)
    h = struct.pack('>BBHHHBBH4s4s', 0x45, 0, total or 20 + len(payload), ident, flags, ttl, proto, 0, src, dst)
    return h[:10] + struct.pack('>H', csum(h)) + h[12:] + payload


def udp4(src, dst, sport, dport, data):
    u = struct.pack('>HHHH', sport, dport, 8 + len(data), 0) + data
    c = csum(src + dst + struct.pack('>BBH', 0, 17, len(u)) + u) or 0xffff
    return u[:6] + struct.pack('>H', c) + u[8:]


def icmp(type_, code, rest, data, bad=False):
    m = struct.pack('>BBH', type_, code, 0) + rest + data
    c = csum(m) ^ (0x1111 if bad else 0)
    return m[:2] + struct.pack('>H', c) + m[4:]


def fragments(src, dst, proto, payload, ident, size, order=None):
    """The IPv4 fragments of payload, size bytes of payload each (a multiple of 8)."""
    parts = [(o, payload[o:o + size]) for o in range(0, len(payload), size)]
    frs = [ip4(src, dst, proto, p, ident, o, mf=o + size < len(payload)) for o, p in parts]
    return [frs[i] for i in (order or range(len(frs)))]


frames = []
pattern = bytes(range(256)) * 16
# 1-3: a UDP datagram of 3000 bytes in three fragments, in order
frames += fragments(A, B, 17, udp4(A, B, 40001, 7777, pattern[:2992]), 0x1001, 1480)
# 4-5: an ICMP echo request of 2000 bytes in two fragments; 6-7: its reply, last fragment first
frames += fragments(A, B, 1, icmp(8, 0, struct.pack('>HH', 0x4242, 1), pattern[:1992]), 0x1002, 1480)
frames += fragments(B, A, 1, icmp(0, 0, struct.pack('>HH', 0x4242, 1), pattern[:1992]), 0x2002, 1480, [1, 0])
# 8-10: a UDP datagram whose first fragment comes twice
d = fragments(A, B, 17, udp4(A, B, 40002, 7777, pattern[100:2100]), 0x1003, 1480)
frames += [d[0], d[0], d[1]]
# 11-14: two UDP datagrams with their fragments interleaved
d1 = fragments(A, C, 17, udp4(A, C, 40003, 7777, pattern[:1600]), 0x1004, 1480)
d2 = fragments(A, C, 17, udp4(A, C, 40004, 7777, pattern[50:1650]), 0x1005, 1480)
frames += [d1[0], d2[0], d2[1], d1[1]]
# 15-16: a datagram that never completes (its middle fragment lost)
d = fragments(A, B, 17, udp4(A, B, 40005, 7777, pattern[:4000]), 0x1006, 1480)
frames += [d[0], d[2]]
# 17: a UDP datagram with DF set, 18: ICMP echo with a bad checksum, 19: ICMP port unreachable quoting frame 17
small = ip4(A, B, 17, udp4(A, B, 40006, 7777, b'hello'), 0x1007, df=True)
frames += [small, ip4(A, B, 1, icmp(8, 0, struct.pack('>HH', 7, 9), b'abcdefgh', bad=True), 0x1008),
           ip4(B, A, 1, icmp(3, 3, b'\0\0\0\0', small[:28]), 0x3001)]
# 20-21: ICMP timestamp request and an echo reply of no data
frames += [ip4(A, B, 1, icmp(13, 0, struct.pack('>HH', 5, 6), bytes(12)), 0x1009),
           ip4(B, A, 1, icmp(0, 0, struct.pack('>HH', 7, 9), b''), 0x300a)]
# 22: a lone last fragment (its first never came); 23: ICMP time exceeded quoting a UDP datagram
frames += [ip4(A, B, 17, b'y' * 16, 0x100c, off=1472),
           ip4(C, A, 1, icmp(11, 0, b'\0\0\0\0', ip4(A, B, 17, udp4(A, B, 40009, 33434, b'probe'), 0x100d, ttl=1)[:36]), 0x3002)]
write_pcap(os.path.join(out, 'ipv4_frag.pcap'),
           [(1700000000 + i // 4, (i % 4) * 250000, ETH4 + f) for i, f in enumerate(frames)])

# IPv6
S6 = bytes.fromhex('20010db8000000000000000000000001')
D6 = bytes.fromhex('20010db8000000000000000000000002')
LL = bytes.fromhex('fe800000000000000000000000000001')
SN = bytes.fromhex('ff0200000000000000000001ff000002')


def ip6(src, dst, nxt, payload, hlim=64, flow=0):
    return struct.pack('>IHBB', (6 << 28) | flow, len(payload), nxt, hlim) + src + dst + payload


def csum6(src, dst, nxt, upper):
    return csum(src + dst + struct.pack('>IxxxB', len(upper), nxt) + upper)


def udp6(src, dst, sport, dport, data):
    u = struct.pack('>HHHH', sport, dport, 8 + len(data), 0) + data
    return u[:6] + struct.pack('>H', csum6(src, dst, 17, u) or 0xffff) + u[8:]


def icmp6(src, dst, type_, code, body):
    m = struct.pack('>BBH', type_, code, 0) + body
    return m[:2] + struct.pack('>H', csum6(src, dst, 58, m)) + m[4:]


def ext(nxt, body):
    """An extension header (hop-by-hop, destination options, routing) padded to 8 bytes."""
    body += b'\x01\x00' if (len(body) + 2) % 8 == 6 else b''
    pad = -(len(body) + 2) % 8
    body += (b'\x00' * pad if pad == 1 else (b'\x01' + bytes([pad - 2]) + bytes(pad - 2)) if pad else b'')
    return bytes([nxt, (len(body) + 2) // 8 - 1]) + body


def frag6(src, dst, nxt, upper, ident, size, order=None):
    parts = [(o, upper[o:o + size]) for o in range(0, len(upper), size)]
    frs = [ip6(src, dst, 44, struct.pack('>BBHI', nxt, 0, o | (1 if o + size < len(upper) else 0), ident) + p)
           for o, p in parts]
    return [frs[i] for i in (order or range(len(frs)))]


f6 = []
# 1-2: a UDP datagram of 2000 bytes in two IPv6 fragments
f6 += frag6(S6, D6, 17, udp6(S6, D6, 50001, 7777, pattern[:1992]), 0xabc1, 1448)
# 3-4: an ICMPv6 echo request in two fragments, last first
f6 += frag6(S6, D6, 58, icmp6(S6, D6, 128, 0, struct.pack('>HH', 0x77, 3) + pattern[:1600]), 0xabc2, 1448, [1, 0])
# 5: hop-by-hop (router alert) + ICMPv6 echo reply
f6.append(ip6(D6, S6, 0, ext(58, b'\x05\x02\x00\x00') + icmp6(D6, S6, 129, 0, struct.pack('>HH', 0x77, 3) + b'ping')))
# 6: destination options (PadN only) + UDP
f6.append(ip6(S6, D6, 60, ext(17, b'') + udp6(S6, D6, 50002, 7777, b'dstopts')))
# 7: hop-by-hop, routing (type 0, no segments left, one address), destination options, then TCP SYN
syn = struct.pack('>HHIIBBHHH', 50003, 25, 1000, 0, 0x50, 0x02, 65535, 0, 0)
syn = syn[:16] + struct.pack('>H', csum6(S6, D6, 6, syn)) + syn[18:]
rh = bytes([60, 2, 0, 0]) + bytes(4) + D6
f6.append(ip6(S6, D6, 0, ext(43, b'') + rh + ext(6, b'') + syn))
# 8: neighbour solicitation with a source link-layer address option; 9: advertisement
f6.append(ip6(LL, SN, 58, icmp6(LL, SN, 135, 0, bytes(4) + D6 + bytes.fromhex('0101020000000001')), hlim=255))
f6.append(ip6(D6, LL, 58, icmp6(D6, LL, 136, 0, bytes.fromhex('60000000') + D6 + bytes.fromhex('0201020000000002')), hlim=255))
# 10: ICMPv6 destination unreachable (port) quoting frame 6's packet; 11: echo request with a bad checksum
quoted = ip6(S6, D6, 60, ext(17, b'') + udp6(S6, D6, 50002, 7777, b'dstopts'))
f6.append(ip6(D6, S6, 58, icmp6(D6, S6, 1, 4, bytes(4) + quoted)))
bad = bytearray(icmp6(S6, D6, 128, 0, struct.pack('>HH', 1, 1) + b'bad'))
bad[2] ^= 0x55
f6.append(ip6(S6, D6, 58, bytes(bad)))
# 12: an atomic fragment (offset 0, no more fragments) carrying UDP
u = udp6(S6, D6, 50004, 7777, b'atomic')
f6.append(ip6(S6, D6, 44, struct.pack('>BBHI', 17, 0, 0, 0xabc3) + u))
# 13-14: an ICMPv6 echo request and its reply
f6 += [ip6(S6, D6, 58, icmp6(S6, D6, 128, 0, struct.pack('>HH', 0x99, 1) + b'abcdefgh')),
       ip6(D6, S6, 58, icmp6(D6, S6, 129, 0, struct.pack('>HH', 0x99, 1) + b'abcdefgh'), hlim=57)]
write_pcap(os.path.join(out, 'ipv6_ext.pcap'),
           [(1700000100 + i // 4, (i % 4) * 250000, ETH6 + f) for i, f in enumerate(f6)])

# ipv6_addrs.pcap: each address as the source, and a multicast or special destination
probes = ['::1', '::', '::ffff:1.2.3.4', '64:ff9b::1.2.3.4', '64:ff9b:1::1', '64:ff9b:2::1', '100::1', '100:0:0:1::1',
          '1::1', '::2', '::1:2', '2001::1', '2001:0:ffff::1', '2001:1::1', '2001:1::2', '2001:1::3', '2001:1::4',
          '2001:2::1', '2001:3::1', '2001:4:112::1', '2001:4:113::1', '2001:10::1', '2001:20::1', '2001:30::1',
          '2001:1ff::1', '2001:db8::1', '2002::1', '2400::1', '2620:4f:8000::1', '3000::1', '3fff::1', '4000::1',
          '5f00::1', '6000::1', '7000::1', '8000::1', 'a000::1', 'b000::1', 'e000::1', 'f000::1', 'fc00::1', 'fd00::1',
          'fe00::1', 'fe80::1', 'febf::1', 'fec0::1', 'ff02::1', 'ff05::1:3', 'ff3e::1', 'ff7e::1', 'fff1::1']
dests = ['2001:db8::2', 'ff02::1:2', 'fe80::2', 'ff0e::101', '::1']
fa = []
for i, a in enumerate(probes):
    s6, d6 = ipaddress.IPv6Address(a).packed, ipaddress.IPv6Address(dests[i % len(dests)]).packed
    fa.append(ip6(s6, d6, 17, udp6(s6, d6, 40000 + i, 7777, b'addr')))
write_pcap(os.path.join(out, 'ipv6_addrs.pcap'),
           [(1700000200 + i // 4, (i % 4) * 250000, ETH6 + f) for i, f in enumerate(fa)])

# ipv4_edge.pcap
e = []
fr = fragments(A, B, 17, udp4(A, B, 40011, 7777, pattern[:2000]), 0x2001, 1480)
e += [(ETH4 + fr[0], ), (ETH4 + fr[1], ), ((ETH4 + fr[0])[:96], 14 + len(fr[0])), (ETH4 + fr[1], )]
u = udp4(A, B, 40012, 7777, b'abcdefgh')
e.append((ETH4 + ip4(A, B, 17, u[:4] + struct.pack('>H', 100) + u[6:], 0x2002), ))
e.append((ETH4 + ip4(A, B, 17, u[:4] + struct.pack('>H', 4) + u[6:], 0x2004), ))
e.append((ETH4 + ip4(A, B, 17, u[:4] + struct.pack('>H', 12) + u[6:], 0x2005), ))
e += [(ETH4 + f, ) for f in fragments(A, B, 1, icmp(8, 0, struct.pack('>HH', 0x4343, 2), pattern[:1992]), 0x2003, 1480)]
# a TCP segment with options and 24 bytes of data in two fragments, the first ending with the header
# (the options are read from the reassembled datagram)
seg = struct.pack('>HHIIBBHHH', 40200, 7777, 7000, 9000, 0xa0, 0x18, 64240, 0, 0) + bytes.fromhex(
    '0101080a0000000100000000' '0101010101010101') + b'fragmented tcp payload!!'
seg = seg[:16] + struct.pack('>H', csum(A + B + struct.pack('>BBH', 0, 6, len(seg)) + seg)) + seg[18:]
e += [(ETH4 + f, ) for f in fragments(A, B, 6, seg, 0x2006, 40)]
write_pcap(os.path.join(out, 'ipv4_edge.pcap'), [(1700000300, i * 1000, x[0]) + x[1:] for i, x in enumerate(e)])

# ipv4_options.pcap
def ip4o(src, dst, proto, payload, ident, opts, ttl=64):
    opts += b'\0' * (-len(opts) % 4)
    ihl = 5 + len(opts) // 4
    h = struct.pack('>BBHHHBBH4s4s', 0x40 | ihl, 0, ihl * 4 + len(payload), ident, 0, ttl, proto, 0, src, dst) + opts
    return h[:10] + struct.pack('>H', csum(h)) + h[12:] + payload


u = udp4(A, B, 40020, 7777, b'opts')
opts = [b'\x94\x04\x00\x00', b'\x01\x01\x00\x00', b'\x07\x0b\x04' + bytes([192, 168, 1, 1]) + bytes(4),
        b'\x07\x0b\x08' + bytes([6, 6, 6, 6]) + bytes(4), b'\x44\x0c\x05\x00' + struct.pack('>II', 1000, 0),
        b'\x44\x14\x15\x03' + bytes([10, 0, 0, 1]) + struct.pack('>I', 1) + bytes([10, 0, 0, 2]) + struct.pack('>I', 2),
        b'\x82\x0b' + bytes(9), b'\x88\x04\x12\x34', b'\x0b\x04\x05\xdc',
        b'\x52\x0c\x00\x07\x00\x01\x00\x02' + bytes([9, 9, 9, 9]), b'\x9e\x04\xab\xcd',
        b'\x94\x04\x00\x00' + b'\x07\x0b\x04' + bytes([192, 168, 1, 1]) + bytes(4)]
o = [ip4o(A, B, 17, u, 0x3000 + i, x) for i, x in enumerate(opts)]
LNCB, MC = bytes([224, 0, 0, 5]), bytes([239, 1, 1, 1])
for dst in (B, LNCB, MC):
    for ttl in (0, 1, 4, 5):
        o.append(ip4o(A, dst, 17, udp4(A, dst, 40021, 7777, b'ttl'), 0x3100 + ttl, b'', ttl=ttl))
write_pcap(os.path.join(out, 'ipv4_options.pcap'), [(1700000400, i * 1000, ETH4 + x) for i, x in enumerate(o)])

# ipv6_nd.pcap
ALLR, ALLN = ipaddress.IPv6Address('ff02::2').packed, ipaddress.IPv6Address('ff02::1').packed
MLD = ipaddress.IPv6Address('ff02::16').packed
slla = bytes.fromhex('0101020000000001')
pfx = bytes.fromhex('0304' '40' 'c0' '00278d00' '00093a80' '00000000') + ipaddress.IPv6Address('2001:db8:1::').packed
ra = icmp6(LL, ALLN, 134, 0, bytes([64, 0x48]) + struct.pack('>HII', 1800, 30000, 1000) + slla
           + bytes.fromhex('05010000000005dc') + pfx)
records = (bytes([4, 0]) + struct.pack('>H', 0) + ipaddress.IPv6Address('ff02::fb').packed
           + bytes([1, 1]) + struct.pack('>H', 1) + ipaddress.IPv6Address('ff05::1:3').packed + D6 + b'aux!')
mld = icmp6(LL, MLD, 143, 0, bytes(2) + struct.pack('>H', 2) + records)
nd = [ip6(LL, ALLR, 58, icmp6(LL, ALLR, 133, 0, bytes(4) + slla), hlim=255), ip6(LL, ALLN, 58, ra, hlim=255),
      ip6(LL, MLD, 0, ext(58, b'\x05\x02\x00\x00') + mld, hlim=1),
      ip6(LL, D6, 58, icmp6(LL, D6, 137, 0, bytes(4) + S6 + D6 + bytes.fromhex('0201020000000002')), hlim=255)]
write_pcap(os.path.join(out, 'ipv6_nd.pcap'), [(1700000500, i * 1000, ETH6 + x) for i, x in enumerate(nd)])

# icmp_nested.pcap
quoted_udp = ip4(A, B, 17, udp4(A, B, 40009, 33434, b'probe'), 0x100d, ttl=1)
nested = []
for depth in (2, 2000):
    p = quoted_udp
    for i in range(depth):
        p = ip4(C, A, 1, icmp(11, 0, b'\0\0\0\0', p), i & 0xffff)
    nested.append(p)
nested.append(quoted_udp)
write_pcap(os.path.join(out, 'icmp_nested.pcap'), [(1700000600, i * 1000, ETH4 + x) for i, x in enumerate(nested)])

# icmp_codes.pcap
codes = []
for t, n in ((3, 16), (5, 4), (11, 2), (12, 3), (4, 1), (10, 1), (15, 1), (16, 1), (17, 1), (18, 1), (13, 1), (14, 1),
             (6, 1), (30, 0), (31, 0), (35, 0), (39, 0), (40, 6)):
    for c in range(n + 1):
        codes.append(ETH4 + ip4(A, B, 1, icmp(t, c, b'\0\0\0\0', bytes(12)), 0x4000 + len(codes)))
for t, n in ((1, 9), (3, 2), (4, 11), (2, 0)):
    for c in range(n + 1):
        codes.append(ETH6 + ip6(S6, D6, 58, icmp6(S6, D6, t, c, bytes(28))))
write_pcap(os.path.join(out, 'icmp_codes.pcap'), [(1700000700, i * 1000, x) for i, x in enumerate(codes)])
