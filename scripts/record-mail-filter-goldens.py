#!/usr/bin/env python3
"""Records which frames tshark 4.6.9 selects for the mail filters on the bundled captures.

    scripts/record-mail-filter-goldens.py     (needs ../shared/tools/tshark46)

Reads engine/src/test/resources/goldens/mail/filters.txt and writes goldens/mail/<capture>.filters.tsv
(filter<TAB>exit status<TAB>frame numbers), one pass, default preferences. MailFilterGoldenTest compares.
"""
import concurrent.futures, os, subprocess
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tshark = os.environ.get('TSHARK46', os.path.join(repo, '..', 'shared', 'tools', 'tshark46'))
gold = os.path.join(repo, 'engine', 'src', 'test', 'resources', 'goldens', 'mail')
filters = list(dict.fromkeys(l.rstrip('\n') for l in open(os.path.join(gold, 'filters.txt')) if l.strip()))
caps = ['smtp-lab.pcap', 'corner/s1_baseline.pcap', 'corner/s4_pipelining.pcap', 'corner/s5_starttls.pcap',
        'corner/s6_bdat.pcap', 'corner/s8_ooo.pcap', 'corner/soc.pcap']

def one(path, flt):
    p = subprocess.run([tshark, '-n', '-r', path, '-Y', flt, '-T', 'fields', '-e', 'frame.number'], capture_output=True)
    return '%s\t%d\t%s\n' % (flt, p.returncode, ','.join(p.stdout.decode().split()))

for cap in caps:
    path = os.path.join(repo, 'samples', cap)
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        lines = list(pool.map(lambda f: one(path, f), filters))
    open(os.path.join(gold, os.path.basename(cap) + '.filters.tsv'), 'w', encoding='utf-8').writelines(lines)
    print('recorded', cap)
