#!/usr/bin/env python3
"""Records tshark 4.6.9's answers to the analyst walkthrough on samples/smtp-lab.pcap.

    scripts/record-walkthrough.py     (needs ../shared/tools/tshark46)

Writes repl/src/test/resources/walkthrough.tsv: one step per line, "question<TAB>filter<TAB>fields<TAB>answer"
where fields is a comma-separated -e list (empty: the answer is the number of matching packets) and the
answer is tshark's -T fields output with lines joined by " | ". WalkthroughTest asks dfq the same.
"""
import os, subprocess
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tshark = os.environ.get('TSHARK46', os.path.join(repo, '..', 'shared', 'tools', 'tshark46'))
cap = os.path.join(repo, 'samples', 'smtp-lab.pcap')
steps = [
    ('packets with reply 220', 'smtp.response.code == 220', ''),
    ('the packet containing spamhaus.org: reply code and reply', 'frame contains "spamhaus.org"',
     'frame.number,smtp.response.code,smtp.response'),
    ('552 replies', 'smtp.response.code == 552', ''),
    ('SMTP packets', 'smtp', ''),
    ('the packet containing document.zip: attachment name and message text', 'frame contains "document.zip"',
     'frame.number,mime_multipart.header.content-disposition,imf.subject'),
    ('X-Mailer of the message carrying attachment.scr', 'frame contains "attachment.scr"',
     'frame.number,imf.ext.mailer'),
    ('transfer encoding of the attachment', 'frame contains "attachment.scr"',
     'mime_multipart.header.content-transfer-encoding'),
    ('who authenticated', 'smtp.req.command == "AUTH"', 'frame.number,smtp.req.parameter'),
    ('553 reputation blocks', 'smtp.response.code == 553', 'frame.number,smtp.rsp.parameter'),
]
with open(os.path.join(repo, 'repl', 'src', 'test', 'resources', 'walkthrough.tsv'), 'w', encoding='utf-8') as out:
    for q, flt, fields in steps:
        args = [tshark, '-n', '-r', cap, '-Y', flt, '-T', 'fields']
        for f in (fields.split(',') if fields else ['frame.number']):
            args += ['-e', f]
        lines = subprocess.run(args, capture_output=True).stdout.decode('utf-8', 'replace').splitlines()
        answer = str(len(lines)) if not fields else ' | '.join(lines)
        out.write('%s\t%s\t%s\t%s\n' % (q, flt, fields, answer.replace('\t', '\\t')))
print('recorded', len(steps), 'steps')
