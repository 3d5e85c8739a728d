#!/usr/bin/env python3
"""Records the attachments of the bundled mail captures, decoded independently of dfq.

    scripts/record-attachment-goldens.py     (needs ../shared/tools/tshark46)

tshark46 --export-objects imf,DIR writes each message; Python's email package (not Angus Mail, which
dfq uses) decodes every attachment. Writes repl/src/test/resources/attachments.tsv:
capture<TAB>file name<TAB>size<TAB>sha256, one line per attachment.
"""
import email, hashlib, os, subprocess, tempfile
from email import policy
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tshark = os.environ.get('TSHARK46', os.path.join(repo, '..', 'shared', 'tools', 'tshark46'))
rows = []
for cap in ['smtp-lab.pcap', 'corner/soc.pcap', 'corner/s1_baseline.pcap']:
    d = tempfile.mkdtemp()
    subprocess.run([tshark, '-r', os.path.join(repo, 'samples', cap), '--export-objects', 'imf,' + d, '-q'],
                   capture_output=True, check=True)
    for f in sorted(os.listdir(d)):
        m = email.message_from_bytes(open(os.path.join(d, f), 'rb').read(), policy=policy.default)
        for part in m.walk():
            name = part.get_filename()
            if part.is_multipart() or not (name or part.get_content_disposition() == 'attachment'):
                continue
            data = part.get_payload(decode=True) or b''
            rows.append('%s\t%s\t%d\t%s\n' % (cap, name or 'attachment', len(data), hashlib.sha256(data).hexdigest()))
open(os.path.join(repo, 'repl', 'src', 'test', 'resources', 'attachments.tsv'), 'w').writelines(rows)
print('recorded', len(rows), 'attachments')
