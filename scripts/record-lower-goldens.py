#!/usr/bin/env python3
"""Records tshark 4.6.9's answers for the lower layers (frame, link, IP, TCP, UDP) on the bundled captures.

    scripts/record-lower-goldens.py [CAPTURE...]   (needs ../shared/tools/tshark46; captures relative to samples/)

For every capture in samples/ and samples/corner/, writes into engine/src/test/resources/goldens/lower/:
  <capture>.fields.tsv   tshark46 -n -r CAP -T fields -E header=y -E occurrence=a -e <each field in fields.txt>
  <capture>.filters.tsv  for each filter in filters.txt: filter<TAB>exit status<TAB>matching frame numbers (comma-separated)
LowerLayerGoldenTest compares dfq with these files; tests never run tshark.
"""
import os, subprocess
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tshark = os.environ.get('TSHARK46', os.path.join(repo, '..', 'shared', 'tools', 'tshark46'))
gold = os.path.join(repo, 'engine', 'src', 'test', 'resources', 'goldens', 'lower')
fields = [l.strip() for l in open(os.path.join(gold, 'fields.txt')) if l.strip()]
filters = [l.rstrip('\n') for l in open(os.path.join(gold, 'filters.txt')) if l.strip()]
# the lab capture, and the corner captures whose link layers or TCP histories differ from it
caps = [os.path.join('samples', c) for c in ('smtp-lab.pcap', 'corner/s10_midstream.pcap', 'corner/s11_null.pcap',
        'corner/s11_sll.pcap', 'corner/s8_ooo.pcap', 'corner/soc.pcap', 'vlan/vlan.pcap', 'vlan/qinq.pcap',
        'ipfrag/ipv4_frag.pcap', 'ipfrag/ipv6_ext.pcap')]
import sys
if len(sys.argv) > 1:  # only these (paths under samples/), e.g. ipfrag/ipv4_frag.pcap
    caps = [os.path.join('samples', c) for c in sys.argv[1:]]
import concurrent.futures

def one_filter(path, flt):
    p = subprocess.run([tshark, '-n', '-r', path, '-Y', flt, '-T', 'fields', '-e', 'frame.number'], capture_output=True)
    return '%s\t%d\t%s\n' % (flt, p.returncode, ','.join(p.stdout.decode().split()))

for cap in caps:
    path = os.path.join(repo, cap)
    base = os.path.basename(cap)
    args = [tshark, '-n', '-r', path, '-T', 'fields', '-E', 'header=y', '-E', 'occurrence=a']
    for f in fields:
        args += ['-e', f]
    out = subprocess.run(args, capture_output=True).stdout.decode('utf-8', 'replace')
    open(os.path.join(gold, base + '.fields.tsv'), 'w', encoding='utf-8').write(out)
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        lines = list(pool.map(lambda flt: one_filter(path, flt), filters))
    with open(os.path.join(gold, base + '.filters.tsv'), 'w', encoding='utf-8') as o:
        o.writelines(lines)
    print('recorded', base)
