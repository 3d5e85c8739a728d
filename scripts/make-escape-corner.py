#!/usr/bin/env python3
"""Writes samples/corner/s16_escapes.pcap: one SMTP session whose replies and commands hold control
characters, backslashes, valid and invalid UTF-8 (overlong forms, surrogates, stray continuation
bytes, cut sequences, code points past U+10FFFF) and non-printable code points, one case per segment,
to pin down how tshark 4.6.9 shows such text in the Info column (Wireshark's format_text).

usage: scripts/make-escape-corner.py        (then scripts/record-text-goldens.sh)
"""
import os

from pcapgen import tcp4, write_pcap

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CASES = [
    b'\t\x01\x04\x07\x08\x0b\x0c\x1b\x7f', b'back\\slash', b'\\x41\\n',
    b'\xc3\xa9', b'\xe9', b'\xe9\x80', b'\xe9\x80X', b'\xe2\x82', b'\xe2\x82\xac', b'\xf0\x9f\x98\x80',
    b'\xf0\x9f\x98', b'\xf0\x9f', b'\x80', b'\xbf\xbf', b'\xc0\x80', b'\xc1\xbf', b'\xe0\x80\x80',
    b'\xf0\x80\x80\x80', b'\xed\xa0\x80', b'\xed\xbf\xbf', b'\xf4\x90\x80\x80', b'\xf5\x80\x80\x80',
    b'\xf8\x88\x80\x80\x80', b'\xfc\x84\x80\x80\x80\x80', b'\xfe', b'\xff', b'\xc2\x85', b'\xc2\xa0',
    b'\xe2\x80\x8b', b'\xe2\x80\xae', b'\xef\xbb\xbf', b'\xef\xbf\xbe', b'\xef\xbf\xbf', b'\xee\x80\x80',
    b'\xf3\xa0\x80\x81', b'\xcd\x8f', b'\xe0\xb8\x81', b'a\xc3', b'\xc3a', b'\xe2\x82a\xac',
]


def main():
    c, s = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
    cseq, sseq = 1000, 5000
    frames = [tcp4(c, s, 40016, 25, cseq, 0, 0x02), tcp4(s, c, 25, 40016, sseq, cseq + 1, 0x12),
              tcp4(c, s, 40016, 25, cseq + 1, sseq + 1, 0x10)]
    cseq += 1
    sseq += 1
    for i, case in enumerate(CASES):
        reply = b'250 <' + case + b'>\r\n'
        frames.append(tcp4(s, c, 25, 40016, sseq, cseq, 0x18, reply))
        sseq += len(reply)
        cmd = b'NOOP <' + case + b'>\r\n'
        frames.append(tcp4(c, s, 40016, 25, cseq, sseq, 0x18, cmd))
        cseq += len(cmd)
    write_pcap(os.path.join(REPO, 'samples', 'corner', 's16_escapes.pcap'),
               [(1700000000, i * 1000, frame) for i, frame in enumerate(frames)])


if __name__ == '__main__':
    main()
