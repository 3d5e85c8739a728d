"""Helpers shared by the capture generators in scripts/: the Internet checksum, an Ethernet/IPv4/TCP
frame with correct checksums, and a classic little-endian pcap writer."""
import struct


def csum(data):
    """RFC 1071 checksum of data (an odd length is padded with a zero byte)."""
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('>%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def tcp4(src, dst, sport, dport, seq, ack, flags, data=b'', window=65535, options=b''):
    """An Ethernet II / IPv4 / TCP frame (20-byte IP header; TCP options padded to 32 bits) with good checksums."""
    options += b'\0' * (-len(options) % 4)
    tcp = struct.pack('>HHIIBBHHH', sport, dport, seq, ack, (5 + len(options) // 4) << 4, flags, window, 0, 0) + options + data
    tcp = tcp[:16] + struct.pack('>H', csum(src + dst + struct.pack('>BBH', 0, 6, len(tcp)) + tcp)) + tcp[18:]
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp), 1, 0, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack('>H', csum(ip)) + ip[12:]
    return b'\x02\x00\x00\x00\x00\x02\x02\x00\x00\x00\x00\x01\x08\x00' + ip + tcp


def write_pcap(path, frames, linktype=1):
    """frames: (seconds, microseconds, bytes[, original length]) tuples."""
    with open(path, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, linktype))
        for fr in frames:
            sec, usec, data = fr[0], fr[1], fr[2]
            orig = fr[3] if len(fr) > 3 else len(data)
            f.write(struct.pack('<IIII', sec, usec, len(data), orig))
            f.write(data)
