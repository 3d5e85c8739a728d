#!/usr/bin/env python3
"""Writes small captures into repl/src/test/resources/json/ for the json goldens:
sll-kinds.pcap (LINKTYPE_LINUX_SLL) and sll2-kinds.pcap (LINKTYPE_LINUX_SLL2), one IPv4 TCP SYN per frame
behind headers with address lengths 0, 4, 6, 8 and 3 and an IP-over-GRE device (ARPHRD_IPGRE, sll.gretype);
ip-fragments.pcap (Ethernet), a TCP segment in two IPv4 fragments (offsets 0 and 8 bytes); ipv6.pcap, two IPv6 SYNs.
"""
import os, struct
from pcapgen import csum
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(repo, 'repl', 'src', 'test', 'resources', 'json')
ip = bytes.fromhex('450000280001400040060000' '0a000001' '0a000002'
                   '9c400019' '00000001' '00000000' '5002ffff' '00000000')

def pcap(linktype, frames):
    data = struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, linktype)
    for i, frame in enumerate(frames):
        data += struct.pack('<IIII', 1700000000 + i, 0, len(frame), len(frame)) + frame
    return data

v1 = [struct.pack('>HHH', 4, 772, 0) + bytes(8) + struct.pack('>H', 0x0800) + ip,
      struct.pack('>HHH', 0, 778, 4) + bytes.fromhex('c0a8000100000000') + struct.pack('>H', 0x0800) + ip,
      struct.pack('>HHH', 0, 1, 6) + bytes.fromhex('66778899aabb0000') + struct.pack('>H', 0x0800) + ip,
      struct.pack('>HHH', 0, 1, 8) + bytes.fromhex('0102030405060708') + struct.pack('>H', 0x0800) + ip,
      struct.pack('>HHH', 0, 1, 3) + bytes.fromhex('0102030405060708') + struct.pack('>H', 0x0800) + ip]
v2 = [struct.pack('>HHIHBB', 0x0800, 0, 2, 1, 0, 6) + bytes.fromhex('6677889900aa0000') + ip,
      struct.pack('>HHIHBB', 0x0800, 0, 3, 772, 4, 0) + bytes(8) + ip,
      struct.pack('>HHIHBB', 0x0800, 0, 3, 778, 1, 4) + bytes.fromhex('c0a80001') + bytes(4) + ip]
with open(os.path.join(out, 'sll-kinds.pcap'), 'wb') as f:
    f.write(pcap(113, v1))
with open(os.path.join(out, 'sll2-kinds.pcap'), 'wb') as f:
    f.write(pcap(276, v2))

eth = bytes.fromhex('001122334455' '66778899aabb' '0800')
segment = bytes.fromhex('9c400019' '00000001' '00000000' '5018ffff' '00000000') + b'MAIL FROM:<a@b>\r\n'
first = bytes.fromhex('4500001c' '0009' '2000' '4006' '0000' '0a000001' '0a000002') + segment[:8]
second = bytes.fromhex('4500%04x' % (20 + len(segment) - 8) + '0009' '0001' '4006' '0000' '0a000001' '0a000002') + segment[8:]
with open(os.path.join(out, 'ip-fragments.pcap'), 'wb') as f:
    f.write(pcap(1, [eth + first, eth + second]))

# ipv6.pcap (Ethernet): two IPv6 TCP SYNs, global and link-local to multicast
syn = bytes.fromhex('9c400019' '00000001' '00000000' '5002ffff' '00000000')
eth6 = bytes.fromhex('001122334455' '66778899aabb' '86dd')
v6 = [bytes.fromhex('60000000' '0014' '0640' '20010db8000000000000000000000001' '20010db8000000000000000000000002') + syn,
      bytes.fromhex('6b812345' '0014' '0640' 'fe80000000000000021122fffe334455' 'ff020000000000000000000000000001') + syn]
with open(os.path.join(out, 'ipv6.pcap'), 'wb') as f:
    f.write(pcap(1, [eth6 + p for p in v6]))

# link-udp.pcap (Ethernet): only layers whose whole tree dfq writes, for plain -T json: an ARP request
# and reply (unpadded), UDP over IPv4 both ways with a manufacturer's OUI, 802.1Q-tagged UDP, and
# UDP without a checksum
def udp4(src, dst, sport, dport, payload, ident, checksum=True):
    u = struct.pack('>HHHH', sport, dport, 8 + len(payload), 0) + payload
    if checksum:
        pseudo = bytes.fromhex(src + dst) + struct.pack('>BBH', 0, 17, len(u))
        u = u[:6] + struct.pack('>H', csum(pseudo + u) or 0xffff) + u[8:]
    h = struct.pack('>BBHHHBBH', 0x45, 0, 20 + len(u), ident, 0, 64, 17, 0) + bytes.fromhex(src + dst)
    return h[:10] + struct.pack('>H', csum(h)) + h[12:] + u

a, b = '0a010001', '0a010002'
mac_a, mac_b = '00112233445a', '3c0754000001'
arp = lambda op, sha, spa, tha, tpa: bytes.fromhex('000108000604%04x' % op + sha + spa + tha + tpa)
link = [bytes.fromhex('ffffffffffff' + mac_a + '0806') + arp(1, mac_a, a, '000000000000', b),
        bytes.fromhex(mac_a + mac_b + '0806') + arp(2, mac_b, b, mac_a, a),
        bytes.fromhex(mac_b + mac_a + '0800') + udp4(a, b, 40000, 50000, b'ping', 1),
        bytes.fromhex(mac_a + mac_b + '0800') + udp4(b, a, 50000, 40000, b'pong!', 2),
        bytes.fromhex(mac_b + mac_a + '8100' + 'a064' + '0800') + udp4(a, b, 40000, 50000, b'tagged', 3),
        bytes.fromhex(mac_b + mac_a + '0800') + udp4(a, b, 40001, 50000, b'no checksum', 4, checksum=False)]
with open(os.path.join(out, 'link-udp.pcap'), 'wb') as f:
    f.write(pcap(1, link))

# ipv6-addresses.pcap (Ethernet): UDP over IPv6 from (and to) addresses of every kind Wireshark describes: each
# IANA special-purpose block and next to its edges, the address spaces, multicast flags and scopes, 6to4,
# Teredo, SLAAC (EUI-64) and NAT64 addresses, an IPv4-compatible address
import ipaddress
pairs = ['::', '::1', '::ffff:1.2.3.4', '64:ff9b::1.2.3.4,64:ff9b::5.6.7.8', '64:ff9b:1::1', '100::1',
         '2001::1,fe80::211:22ff:fe33:4455', '2001:1::1', '2001:1::2', '2001:1::3', '2001:1::4', '2001:2::1',
         '2001:3::1', '2001:4:112::1', '2001:10::1', '2001:20::1', '2001:2f::1', '2001:30::1', '2001:3f::1',
         '2001:db8::5', '2002:102:304::1,2002:506:708:9::1', '2620:4f:8000::1', 'fc00::1', 'fd00::1', 'fe80::1',
         'fec0::1', '3fff::1', '3fff:fff::1', '3fff:1000::1', '5f00::1', '5f01::1', '4000::1', '6000::1', 'e000::1',
         'ff02::1,ff02::2', 'ff3e::1234,ff15::1', '::1.2.3.4', '100::1:0:0:0', '64:ff9b:1:1::1', '64:ff9b::1:0:0:1',
         '2001:db8::211:22ff:fe33:4455,2001:db8::11:22ff:fe33:4455', '2001:4:113::1', '2620:4f:8001::1', '::2']
frames6 = []
for pair in pairs:
    src, dst = (pair.split(',') + ['2001:db8::1'])[:2]
    u = struct.pack('>HHHH', 40000, 50000, 12, 0) + b'abcd'
    frames6.append(bytes.fromhex('02000000000102000000000286dd' '60000000') + struct.pack('>HBB', len(u), 17, 64)
                   + ipaddress.IPv6Address(src).packed + ipaddress.IPv6Address(dst).packed + u)
with open(os.path.join(out, 'ipv6-addresses.pcap'), 'wb') as f:
    f.write(pcap(1, frames6))

# icmp-tcp.pcap (Ethernet): a TCP handshake and data segment, then an ICMP "fragmentation needed" quoting the
# segment's headers and first 8 bytes (dfq does not take a quoted TCP header apart: plain -T json refuses it)
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcapgen import csum, tcp4
A4, B4, C4 = bytes([192, 168, 1, 10]), bytes([192, 168, 1, 20]), bytes([10, 9, 8, 7])
segment = tcp4(A4, B4, 40100, 25, 1001, 5001, 0x18, b'x' * 1400)
quoted = segment[14:14 + 48]
icmp = struct.pack('>BBHHH', 3, 4, 0, 0, 1280) + quoted
icmp = icmp[:2] + struct.pack('>H', csum(icmp)) + icmp[4:]
ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(icmp), 0x4000, 0, 64, 1, 0, C4, A4)
ip = ip[:10] + struct.pack('>H', csum(ip)) + ip[12:]
with open(os.path.join(out, 'icmp-tcp.pcap'), 'wb') as f:
    f.write(pcap(1, [tcp4(A4, B4, 40100, 25, 1000, 0, 0x02), tcp4(B4, A4, 25, 40100, 5000, 1001, 0x12),
                     tcp4(A4, B4, 40100, 25, 1001, 5001, 0x10), segment, segment[:12] + b'\x08\x00' + ip + icmp]))

# mail-media.pcap (Ethernet): one SMTP session whose message has an SIO-Label header with an unknown
# parameter and multipart parts Wireshark gives to media (image/png, application/x-unknown), to
# data-text-lines (text/html), to data (no Content-Type), to IMF (message/rfc822), and a part header
# of a name the multipart dissector does not know
from pcapgen import tcp4
CRLF = '\r\n'
message = CRLF.join([
    'From: Alice <alice@example.com>', 'To: bob@example.org', 'Subject: media parts',
    'SIO-Label: marking="SECRET"; fgcolor=red; colour=blue', 'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"', '', 'preamble', '--b1',
    'Content-Type: image/png', 'Content-Transfer-Encoding: base64', 'X-Part-Note: first', '',
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    '--b1', 'Content-Type: text/html; charset=us-ascii', '', '<p>hello</p>', '<p>world</p>', '--b1', '',
    'raw part without a type', '--b1', 'Content-Type: application/x-unknown', '', 'opaque bytes', '--b1',
    'Content-Type: message/rfc822', '', 'From: inner@example.net', 'Subject: inner', 'Content-Type: text/plain; charset=utf-8',
    '', 'inner body line', '--b1--', 'trailer', '']).encode()
client, server = bytes([10, 2, 0, 1]), bytes([10, 2, 0, 2])


def smtp_session(talk):
    """The frames of one SMTP connection: handshake, then each ('C'|'S', bytes) segment in turn."""
    cseq, sseq = 1000, 5000
    frames = [tcp4(client, server, 41000, 25, cseq, 0, 0x02), tcp4(server, client, 25, 41000, sseq, cseq + 1, 0x12),
              tcp4(client, server, 41000, 25, cseq + 1, sseq + 1, 0x10)]
    cseq, sseq = cseq + 1, sseq + 1
    for side, data in talk:
        if side == 'C':
            frames.append(tcp4(client, server, 41000, 25, cseq, sseq, 0x18, data))
            cseq += len(data)
        else:
            frames.append(tcp4(server, client, 25, 41000, sseq, cseq, 0x18, data))
            sseq += len(data)
    return frames


talk = [('S', b'220 mx ESMTP\r\n'), ('C', b'EHLO c\r\n'), ('S', b'250 mx\r\n'), ('C', b'MAIL FROM:<alice@example.com>\r\n'),
        ('S', b'250 ok\r\n'), ('C', b'RCPT TO:<bob@example.org>\r\n'), ('S', b'250 ok\r\n'), ('C', b'DATA\r\n'),
        ('S', b'354 go\r\n'), ('C', message), ('C', b'.\r\n'), ('S', b'250 queued\r\n'), ('C', b'QUIT\r\n'), ('S', b'221 bye\r\n')]
with open(os.path.join(out, 'mail-media.pcap'), 'wb') as f:
    f.write(pcap(1, smtp_session(talk)))

# mail-tls.pcap (Ethernet): STARTTLS accepted, then a whole TLS record (a handshake message), whose tree
# (handshake items under the record) dfq does not write, then the start of a record waiting for bytes
tls = [('S', b'220 mx ESMTP\r\n'), ('C', b'EHLO c\r\n'), ('S', b'250-mx\r\n250 STARTTLS\r\n'), ('C', b'STARTTLS\r\n'),
       ('S', b'220 ready\r\n'), ('C', bytes.fromhex('1603010004' '00000000')), ('C', bytes.fromhex('1603010030' '0100'))]
with open(os.path.join(out, 'mail-tls.pcap'), 'wb') as f:
    f.write(pcap(1, smtp_session(tls)))

# mail-auth.pcap (Ethernet): AUTH LOGIN with the username on the command line, a password whose decoding
# is four letters (a password request takes it as the password all the same), AUTH PLAIN with the
# credentials on their own line, a multiline reply with an unexpected code, a BDAT LAST message
auth = [('S', b'220 mx\r\n'), ('C', b'EHLO c\r\n'), ('S', b'250-mx\r\n251-odd\r\n250 AUTH LOGIN PLAIN\r\n'),
        ('C', b'AUTH LOGIN dXNlckBleC5jb20=\r\n'), ('S', b'334 UGFzc3dvcmQ6\r\n'), ('C', b'cGFzcw==\r\n'), ('S', b'235 ok\r\n'),
        ('C', b'AUTH PLAIN\r\n'), ('S', b'334 \r\n'), ('C', b'AHVzZXIAcGFzcw==\r\n'), ('S', b'235 ok\r\n'),
        ('C', b'BDAT 5 LAST\r\nHi!\r\n'), ('S', b'250 ok\r\n')]
with open(os.path.join(out, 'mail-auth.pcap'), 'wb') as f:
    f.write(pcap(1, smtp_session(auth)))
