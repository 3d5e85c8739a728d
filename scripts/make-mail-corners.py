#!/usr/bin/env python3
"""Writes corner-case SMTP sessions (one TCP stream each) into one classic pcap for the mail tests.

usage: make-mail-corners.py OUT.pcap

Each session is a list of (direction, payload) segments after a SYN handshake; 'C' is client to
server, 'S' server to client. Checksums are zero (tshark does not verify them by default). Record
tshark 4.6.9's view with scripts/record-mail-goldens.sh afterwards.
"""
import base64
import struct
import sys

CRLF = '\r\n'


def b64(s):
    return base64.b64encode(s.encode('latin-1')).decode()


def msg(*lines):
    return CRLF.join(lines) + CRLF


NESTED = msg(
    'Received: from a.example by b.example; Mon, 13 Nov 2023 10:00:00 +0000',
    'Received: from c.example',
    '\tby d.example; Mon, 13 Nov 2023 09:59:00 +0000',
    'From: "Doe, John" <j@x.example>, Bob<bob@b.example>',
    'Sender: Secretary <sec@x.example>',
    'Reply-To: replies@evil.example',
    'To: undisclosed-recipients:;',
    'Cc: "A" <a@x.example>, b@x.example',
    'Delivered-To: inbox@x.example',
    'X-Original-To: orig@x.example',
    'Subject : spaced name',
    'Subject: =?utf-8?B?w6k=?= nested',
    'Message-ID: <nested@x.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary=outer',
    '',
    'preamble text',
    '--outer',
    'Content-Type: multipart/alternative;',
    ' boundary="inner"',
    '',
    '--inner',
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'caf=C3=A9',
    '--inner',
    'Content-Type: text/html',
    '',
    '<p>hi</p>',
    '--inner--',
    '--outer',
    'Content-Type: message/rfc822',
    'Content-Description: forwarded',
    '',
    'From: inner@x.example',
    'Subject: inner message',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'inner body',
    '--outer',
    'Content-Type: application/pdf; name="invoice.pdf"',
    'Content-Disposition: attachment;',
    '\tfilename="invoice.pdf"',
    'Content-Transfer-Encoding: base64',
    'Content-ID: <pdf1>',
    '',
    'JVBERi0xLjQK',
    '--outer',
    'Content-Type: image/png',
    '',
    'PNGDATA',
    '--outer--',
    'trailer text')

B64BODY = msg('From: b@x.example', 'Subject: base64 body',
              'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '',
              b64('decoded secret line\r\nsecond line\r\n'))

XFOO = msg('From: x@x.example', 'Subject: xfoo', 'Content-Type: multipart/x-foo; boundary=zz', '',
           '--zz', 'Content-Type: text/plain', '', 'hidden', '--zz--')

NOBOUNDARY = msg('From: n@x.example', 'Subject: no boundary', 'Content-Type: multipart/mixed; charset=x', '',
                 'body without parts')

GREET = [('S', '220 mx.example ESMTP' + CRLF), ('C', 'EHLO client' + CRLF),
         ('S', '250-mx.example' + CRLF + '250-AUTH LOGIN PLAIN CRAM-MD5' + CRLF + '250 CHUNKING' + CRLF)]


def mail(body, rcpt='rcpt@x.example', dot=None):
    segs = [('C', 'MAIL FROM:<s@x.example>' + CRLF), ('S', '250 Ok' + CRLF),
            ('C', 'RCPT TO:<%s>' % rcpt + CRLF), ('S', '250 Ok' + CRLF),
            ('C', 'DATA' + CRLF), ('S', '354 go' + CRLF), ('C', body)]
    segs += dot or [('C', '.' + CRLF)]
    segs += [('S', '250 Ok queued' + CRLF)]
    return segs


SESSIONS = [
    # CRAM-MD5: the response line is no command and no known AUTH step.
    (25, GREET + [('C', 'AUTH CRAM-MD5' + CRLF), ('S', '334 ' + b64('<1.2@mx>') + CRLF),
                  ('C', b64('user 0123456789abcdef') + CRLF), ('S', '235 ok' + CRLF)]
     + mail(NESTED) + [('C', 'QUIT' + CRLF), ('S', '221 Bye' + CRLF)]),
    # AUTH PLAIN in two steps, then a base64 body.
    (25, GREET + [('C', 'AUTH PLAIN' + CRLF), ('S', '334 ' + CRLF),
                  ('C', b64('\0alice\0pw1') + CRLF), ('S', '235 ok' + CRLF)]
     + mail(B64BODY) + [('C', 'QUIT' + CRLF)]),
    # Two AUTH LOGIN attempts, the first refused.
    (587, GREET + [('C', 'AUTH LOGIN' + CRLF), ('S', '334 VXNlcm5hbWU6' + CRLF), ('C', b64('alice') + CRLF),
                   ('S', '334 UGFzc3dvcmQ6' + CRLF), ('C', b64('wrong') + CRLF), ('S', '535 no' + CRLF),
                   ('C', 'AUTH LOGIN ' + b64('bob') + CRLF), ('S', '334 UGFzc3dvcmQ6' + CRLF),
                   ('C', b64('secret') + CRLF), ('S', '235 ok' + CRLF)]
     + mail(XFOO) + [('C', 'QUIT' + CRLF)]),
    # LF-only message, then a message whose dot arrives with QUIT, a reply split over segments.
    (25, GREET + mail('From: lf@x.example\nSubject: lf only\n\nbody\n')
     + [('C', 'RSET' + CRLF), ('S', '25'), ('S', '0 reset' + CRLF)]),
    (25, GREET + mail(NOBOUNDARY, dot=[('C', CRLF + '.' + CRLF + 'QUIT' + CRLF)])
     + [('S', '221-bye' + CRLF + '251-odd' + CRLF + '221 done' + CRLF)]),
    # BDAT in three chunks, the last of size 0, and a chunk sharing a segment with its command.
    (25, GREET + [('C', 'MAIL FROM:<s@x.example>' + CRLF), ('S', '250 Ok' + CRLF),
                  ('C', 'RCPT TO:<r@x.example>' + CRLF), ('S', '250 Ok' + CRLF),
                  ('C', 'BDAT 30' + CRLF + 'From: bd@x.example' + CRLF + 'Subject'), ('S', '250 Ok' + CRLF),
                  ('C', 'BDAT 13' + CRLF), ('C', ': chunks' + CRLF + CRLF + 'b'), ('S', '250 Ok' + CRLF),
                  ('C', 'BDAT 0 LAST' + CRLF), ('S', '250 Ok' + CRLF), ('C', 'QUIT' + CRLF)]),
    # A server on 2525: data unless decoded as SMTP (-d tcp.port==2525,smtp); a refused STARTTLS.
    (2525, GREET + [('C', 'STARTTLS' + CRLF), ('S', '454 TLS not available' + CRLF)]
     + mail(msg('From: port@x.example', 'Subject: other port', '', 'hello')) + [('C', 'QUIT' + CRLF)]),
    # SIO-Label (security labels), header names in odd case, a folded To, several Received.
    (25, GREET + mail(msg('FROM: Upper <up@x.example>', 'x-MAILER: Odd Case 1.0',
                          'SIO-Label: marking="TOP SECRET"; fgcolor=white; bgcolor=red; type=":ess";'
                          ' label="MQYGASkCAQM="; foo=bar',
                          'SIO-Label: marking=plain',
                          'To: a@x.example,', '  b@x.example', 'Message-Id: <odd@x.example>',
                          'Content-Type: text/plain', '', 'plain body'))
     + [('C', 'QUIT' + CRLF)]),
]


def ip(a):
    return bytes(int(x) for x in a.split('.'))


def packet(src, dst, sport, dport, seq, ack, flags, payload):
    tcp = struct.pack('>HHIIBBHHH', sport, dport, seq, ack, 5 << 4, flags, 65535, 0, 0)
    iph = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp) + len(payload), 1, 0x4000, 64, 6, 0, ip(src), ip(dst))
    eth = b'\x02\x00\x00\x00\x00\x02\x02\x00\x00\x00\x00\x01\x08\x00'
    return eth + iph + tcp + payload


def main():
    out = bytearray(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    t = 1700000000 * 1000000
    for i, (port, segs) in enumerate(SESSIONS):
        cli, srv, cport = '10.1.0.%d' % (i + 10), '10.1.0.1', 41000 + i
        cseq, sseq = 1000 * (i + 1), 5000 * (i + 1)
        pkts = [(cli, srv, cport, port, cseq, 0, 0x02, b''),
                (srv, cli, port, cport, sseq, cseq + 1, 0x12, b''),
                (cli, srv, cport, port, cseq + 1, sseq + 1, 0x10, b'')]
        cseq += 1
        sseq += 1
        for d, text in segs:
            data = text.encode('latin-1')
            if d == 'C':
                pkts.append((cli, srv, cport, port, cseq, sseq, 0x18, data))
                cseq += len(data)
            else:
                pkts.append((srv, cli, port, cport, sseq, cseq, 0x18, data))
                sseq += len(data)
        for p in pkts:
            t += 1000
            raw = packet(*p)
            out += struct.pack('<IIII', t // 1000000, t % 1000000, len(raw), len(raw)) + raw
        t += 1000000
    open(sys.argv[1], 'wb').write(out)


if __name__ == '__main__':
    main()
