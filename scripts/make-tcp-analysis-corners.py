#!/usr/bin/env python3
"""Writes samples/tcp/*.pcap: one small TCP conversation per tcp.analysis case, to pin down how
tshark 4.6.9 flags them (lost and ACKed-unseen segments, out-of-order, duplicate ACKs and a fast
retransmission, spurious retransmission, window update, zero window with probe and probe ACK,
keep-alive and its ACK, window full, port reuse, RST, a stream without its handshake, RTTs,
bytes in flight and pushed bytes, SACK blocks, SYN and FIN sent twice). Payloads go to port 9000 (plain TCP data for tshark).

usage: scripts/make-tcp-analysis-corners.py        (then scripts/record-tcp-analysis-goldens.py)
"""
import os
import struct

from pcapgen import tcp4, write_pcap

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
C, S = bytes([10, 1, 0, 1]), bytes([10, 1, 0, 2])
SYN, FIN, RST, PSH, ACK = 0x02, 0x01, 0x04, 0x08, 0x10
# captures start in November 2023: Wireshark takes a SYN at time 0 for no SYN (no initial RTT)
EPOCH = 1_700_000_000


class Conv:
    """A client/server conversation: sequence numbers advance as segments are written."""

    def __init__(self, sport=40100, dport=9000, cisn=1000, sisn=5000):
        self.sport, self.dport = sport, dport
        self.cseq, self.sseq = cisn, sisn
        self.frames = []
        self.t = 0  # microseconds

    def seg(self, side, flags, data=b'', dt=1000, seq=None, ack=None, window=65535, options=b'', advance=True):
        """One segment from 'C' or 'S'; seq/ack default to each side's next byte."""
        self.t += dt
        me, peer = ('cseq', 'sseq') if side == 'C' else ('sseq', 'cseq')
        s = getattr(self, me) if seq is None else seq
        a = getattr(self, peer) if ack is None else ack
        src, dst, sp, dp = (C, S, self.sport, self.dport) if side == 'C' else (S, C, self.dport, self.sport)
        self.frames.append((EPOCH + self.t // 1_000_000, self.t % 1_000_000,
                            tcp4(src, dst, sp, dp, s, a if flags & ACK else 0, flags, data, window, options)))
        if advance:
            end = s + len(data) + (1 if flags & (SYN | FIN) else 0)
            if end - getattr(self, me) > 0:
                setattr(self, me, end)

    def handshake(self, rtt=10_000, options=b'', server_options=b''):
        self.seg('C', SYN, dt=0 if not self.frames else 1000, options=options)
        self.seg('S', SYN | ACK, dt=rtt // 2, options=server_options)
        self.seg('C', ACK, dt=rtt // 2)

    def close(self):
        self.seg('C', FIN | ACK)
        self.seg('S', FIN | ACK)
        self.seg('C', ACK)


def data(n, c=b'x'):
    return c * n


def lost():
    """A client segment missing from the capture (Previous segment not captured)."""
    c = Conv()
    c.handshake()
    c.seg('C', PSH | ACK, data(100))
    c.cseq += 100  # a segment that was never captured
    c.seg('C', PSH | ACK, data(100))
    c.seg('S', ACK)
    c.seg('C', PSH | ACK, data(50))
    c.close()
    return c


def out_of_order():
    """A missing segment arriving 0.5 ms late, within the initial RTT."""
    c = Conv()
    c.handshake(rtt=20_000)
    c.seg('C', ACK, data(100))
    first = c.cseq
    c.cseq += 100
    c.seg('C', ACK, data(100))
    c.seg('C', PSH | ACK, data(100), seq=first, dt=500)  # the missing one, 0.5 ms later (< iRTT)
    c.seg('S', ACK)
    c.close()
    return c


def fast_retransmission():
    """A lost server segment, three duplicate ACKs, then its fast retransmission."""
    c = Conv(sport=40101)
    c.handshake()
    c.seg('S', ACK, data(100))
    c.seg('C', ACK)
    hole = c.sseq
    c.sseq += 100
    for _ in range(3):
        c.seg('S', ACK, data(100))
        c.seg('C', ACK, ack=hole, dt=200)  # three duplicate ACKs of the hole
    c.seg('S', ACK, data(100), seq=hole, dt=2000)  # within 20 ms of the last dup ACK
    c.seg('C', ACK)
    c.close()
    return c


def spurious():
    """Data sent again after it was acknowledged (spurious), then an unacknowledged resend (retransmission)."""
    c = Conv(sport=40102)
    c.handshake()
    c.seg('C', PSH | ACK, data(200))
    c.seg('S', ACK)
    c.seg('C', PSH | ACK, data(200), seq=c.cseq - 200, dt=300_000)  # already acknowledged
    c.seg('S', ACK, dt=1000)
    c.seg('C', PSH | ACK, data(100))
    c.seg('C', PSH | ACK, data(100), seq=c.cseq - 100, dt=300_000)  # not acknowledged: a retransmission
    c.seg('S', ACK)
    c.close()
    return c


def window_update():
    """An ACK repeating sequence and acknowledgement with a larger window, then a duplicate ACK."""
    c = Conv(sport=40103)
    c.handshake()
    c.seg('C', PSH | ACK, data(300))
    c.seg('S', ACK, window=8000)
    c.seg('S', ACK, window=16000)  # same seq and ack, new window
    c.seg('S', ACK, window=16000)  # same again: a duplicate ACK
    c.close()
    return c


def zero_window():
    """A zero window, two one-byte probes and their ACKs, then the window opening."""
    c = Conv(sport=40104)
    c.handshake()
    c.seg('C', PSH | ACK, data(500))
    c.seg('S', ACK, window=0)
    c.seg('C', ACK, data(1), dt=200_000, advance=False)  # probe: one byte at the next sequence number
    c.seg('S', ACK, window=0)  # probe ACK
    c.seg('C', ACK, data(1), dt=400_000, advance=False)
    c.seg('S', ACK, window=0)
    c.seg('S', ACK, window=4000, dt=100_000)  # window opens: an update
    c.seg('C', PSH | ACK, data(500))
    c.seg('S', ACK)
    c.close()
    return c


def keep_alive():
    """Keep-alives with no byte and with one byte, each acknowledged."""
    c = Conv(sport=40105)
    c.handshake()
    c.seg('C', PSH | ACK, data(10))
    c.seg('S', ACK)
    c.seg('C', ACK, seq=c.cseq - 1, dt=45_000_000)  # keep-alive without data
    c.seg('S', ACK)
    c.seg('C', ACK, b'\0', seq=c.cseq - 1, dt=45_000_000)  # keep-alive with its one garbage byte
    c.seg('S', ACK)
    c.close()
    return c


def window_full():
    """Window scaling on both sides and data reaching the edge of the scaled window."""
    ws = b'\x01\x01\x03\x03\x02'  # NOP, window scale 2
    c = Conv(sport=40106)
    c.handshake(options=ws, server_options=ws)
    c.seg('C', ACK)
    c.seg('S', ACK, window=250)  # 250 << 2 = 1000 bytes
    c.seg('C', ACK, data(600))
    c.seg('C', PSH | ACK, data(400))  # reaches the window's edge
    c.seg('S', ACK, window=250)
    c.seg('C', PSH | ACK, data(1000))  # and again
    c.seg('S', ACK, window=1000)
    c.close()
    return c


def ack_unseen():
    """The client acknowledging server data that was not captured."""
    c = Conv(sport=40107)
    c.handshake()
    c.seg('C', PSH | ACK, data(100))
    c.seg('S', ACK, data(50))
    c.sseq += 70  # the server sent 70 more bytes that were not captured
    c.seg('C', ACK)  # acknowledges them
    c.seg('C', ACK, dt=500)  # twice
    c.seg('S', PSH | ACK, data(30))
    c.close()
    return c


def port_reuse():
    """The same ports after a close, then a SYN with a new ISN on an open stream."""
    c = Conv(sport=40108)
    c.handshake()
    c.seg('C', PSH | ACK, data(20))
    c.seg('S', ACK)
    c.close()
    c.cseq, c.sseq = 90000, 70000  # the same ports again after the close
    c.handshake()
    c.seg('C', PSH | ACK, data(20))
    c.seg('S', ACK)
    c.cseq, c.sseq = 300000, 400000  # a SYN with a new ISN while the stream is open
    c.handshake()
    c.seg('C', PSH | ACK, data(20))
    c.seg('S', RST | ACK)
    return c


def reset():
    """A RST, data after it, and a RST without ACK."""
    c = Conv(sport=40109)
    c.handshake()
    c.seg('C', PSH | ACK, data(40))
    c.seg('S', RST | ACK)
    c.seg('C', PSH | ACK, data(40))  # after the reset
    c.seg('S', RST, ack=0)
    return c


def midstream():
    """A stream whose handshake was not captured."""
    c = Conv(sport=40110, cisn=123456, sisn=654321)
    c.seg('C', PSH | ACK, data(100), dt=0)
    c.seg('S', ACK, data(20))
    c.seg('C', PSH | ACK, data(100))
    c.seg('S', ACK)
    c.seg('S', ACK)
    c.seg('C', FIN | ACK)
    c.seg('S', FIN | ACK)
    c.seg('C', ACK)
    return c


def rtt_flight():
    """Several segments in flight, PSH on some, partial and cumulative ACKs."""
    c = Conv(sport=40111)
    c.handshake(rtt=30_000)
    for n, flags in ((500, ACK), (500, ACK), (300, PSH | ACK), (400, PSH | ACK), (200, ACK)):
        c.seg('C', flags, data(n), dt=2000)
    c.seg('S', ACK, ack=c.cseq - 900, dt=15_000)  # acknowledges the first three
    c.seg('S', ACK, ack=c.cseq - 100, dt=3000)  # part of the fifth
    c.seg('C', PSH | ACK, data(700), dt=1000)
    c.seg('S', PSH | ACK, data(60), dt=20_000)
    c.seg('C', ACK, dt=1000)
    c.close()
    return c


def sack():
    """Duplicate ACKs with SACK blocks (bytes in flight less what they report), one without, then two blocks."""
    sack_perm = b'\x01\x01\x04\x02'
    c = Conv(sport=40112)
    c.handshake(options=sack_perm, server_options=sack_perm)
    c.seg('S', ACK, data(100))
    c.seg('C', ACK)
    hole = c.sseq
    c.sseq += 100
    for _ in range(2):
        c.seg('S', ACK, data(100))
        c.seg('C', ACK, ack=hole, options=b'\x01\x01\x05\x0a' + struct.pack('>II', hole + 100, c.sseq), dt=200)
    c.seg('C', PSH | ACK, data(10), ack=hole)  # no SACK: nothing subtracted from the next bytes in flight
    c.seg('S', ACK, data(100))
    c.seg('C', ACK, ack=hole, options=b'\x01\x01\x08\x0a' + struct.pack('>II', 5, 6) + b'\x01\x01\x05\x12'
          + struct.pack('>IIII', hole + 100, hole + 200, hole + 300, hole + 400))
    c.seg('S', ACK, data(100))
    c.seg('S', ACK, data(100), seq=hole)
    c.seg('C', ACK)
    c.close()
    return c


def syn_fin_again():
    """A SYN, a SYN-ACK and a FIN sent twice, an overlapping resend, a far gap, then a RST."""
    c = Conv(sport=40113)
    c.seg('C', SYN, dt=0)
    c.seg('C', SYN, seq=c.cseq - 1, dt=1_000_000, advance=False)
    c.seg('S', SYN | ACK, dt=5000)
    c.seg('S', SYN | ACK, seq=c.sseq - 1, dt=200_000, advance=False)
    c.seg('C', ACK)
    c.seg('C', ACK, data(300))
    c.seg('C', ACK, data(300), seq=c.cseq - 150, dt=400_000)  # overlaps the last half and goes on
    c.seg('S', ACK, ack=c.cseq - 200)
    c.seg('C', FIN | ACK)
    c.seg('C', FIN | ACK, seq=c.cseq - 1, dt=300_000, advance=False)
    c.seg('S', ACK)
    c.seg('S', PSH | ACK, data(10))
    c.seg('C', ACK, data(50), seq=c.cseq + 1000)  # after the FIN, beyond a gap
    c.seg('C', RST | ACK)
    return c


def midstream_zero():
    """Mid-stream segments whose first sequence and acknowledgement numbers are 0 (relative 1, as tshark)."""
    c = Conv(sport=40112, cisn=0, sisn=0)
    c.seg('C', PSH | ACK, data(10), dt=0)
    c.seg('S', ACK)
    c.seg('S', PSH | ACK, data(5))
    c.seg('C', RST | ACK)
    return c


def windows_options():
    """A handshake with options in Windows' order (MSS, NOP, WS, NOP, NOP, SACK_PERM): Info lists them in that order."""
    c = Conv(sport=40113)
    c.handshake(options=bytes.fromhex('020405b4010303080101' '0402'),
                server_options=bytes.fromhex('020405b40103030701010402'))
    c.seg('C', PSH | ACK, data(30))
    c.seg('S', ACK)
    return c


CASES = {'lost': lost, 'out_of_order': out_of_order, 'fast_retransmission': fast_retransmission,
         'spurious': spurious, 'window_update': window_update, 'zero_window': zero_window,
         'keep_alive': keep_alive, 'window_full': window_full, 'ack_unseen': ack_unseen,
         'port_reuse': port_reuse, 'reset': reset, 'midstream': midstream, 'rtt_flight': rtt_flight,
         'sack': sack, 'syn_fin_again': syn_fin_again, 'midstream_zero': midstream_zero,
         'windows_options': windows_options}


def main():
    out = os.path.join(REPO, 'samples', 'tcp')
    os.makedirs(out, exist_ok=True)
    for name, make in CASES.items():
        write_pcap(os.path.join(out, name + '.pcap'), make().frames)
    with open(os.path.join(out, 'SOURCES'), 'w') as f:
        f.write('All captures here: made for dfq by scripts/make-tcp-analysis-corners.py (synthetic, no real traffic).\n')
        for name in CASES:
            f.write('%s.pcap: %s\n' % (name, CASES[name].__doc__))


if __name__ == '__main__':
    main()
