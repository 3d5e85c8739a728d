#!/usr/bin/env python3
"""Records what Wireshark 4.6.9's dftest prints for each filter of a list, as goldens.

    scripts/record-dftest-goldens.py      (needs ../shared/tools/dftest46, i.e. the reference chroot)

Reads engine/src/test/resources/goldens/dftest-filters.txt (one filter per line) and writes
engine/src/test/resources/goldens/dftest-goldens.txt: for each filter a block
    ### <filter>
    <dftest stdout, or for an invalid filter the message and caret lines without "dftest: ">
    ### rc=<exit status>
DftestGoldenTest compares `dfq explain --dftest` with these blocks; tests never run dftest.
"""
import os, subprocess, sys
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tool = os.environ.get('DFTEST46', os.path.join(repo, '..', 'shared', 'tools', 'dftest46'))
gold = os.path.join(repo, 'engine', 'src', 'test', 'resources', 'goldens')
filters = [l.rstrip('\n') for l in open(os.path.join(gold, 'dftest-filters.txt'), encoding='utf-8') if l.strip()]
with open(os.path.join(gold, 'dftest-goldens.txt'), 'w', encoding='utf-8') as out:
    for f in filters:
        p = subprocess.run([tool, f], capture_output=True)
        text = p.stdout.decode('utf-8', 'replace')
        if p.returncode != 0:
            # error: keep what follows the echoed filter: "dftest: msg" and the caret lines
            body = text.split('\n\n', 1)[1] if '\n\n' in text else text
            text = body.replace('dftest: ', '', 1)
        out.write('### ' + f + '\n' + text.rstrip('\n') + '\n### rc=%d\n' % p.returncode)
print('recorded', len(filters), 'filters')
