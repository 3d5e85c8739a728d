#!/usr/bin/env python3
"""Records tshark 4.6.9's two-pass (-2) answers on the bundled mail captures.

    scripts/record-twopass-goldens.py     (needs ../shared/tools/tshark46)

Writes repl/src/test/resources/twopass.tsv: capture<TAB>filter<TAB>output of
`tshark46 -2 -n -r CAP -Y FILTER -T fields -e frame.number -e smtp.data.reassembled.in` (lines joined by " | ").
"""
import os, subprocess
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tshark = os.environ.get('TSHARK46', os.path.join(repo, '..', 'shared', 'tools', 'tshark46'))
caps = ['smtp-lab.pcap', 'corner/s1_baseline.pcap', 'corner/s6_bdat.pcap', 'corner/soc.pcap', 'corner/s15_two_msgs.pcap',
        'corner/s4_pipelining.pcap']
filters = ['smtp.data.reassembled.in', 'smtp.data.fragment', 'imf', 'smtp.req', 'data-text-lines && !imf', 'smtp.eom',
           'smtp.response.code == 250']
with open(os.path.join(repo, 'repl', 'src', 'test', 'resources', 'twopass.tsv'), 'w') as out:
    for cap in caps:
        for flt in filters:
            p = subprocess.run([tshark, '-2', '-n', '-r', os.path.join(repo, 'samples', cap), '-Y', flt, '-T', 'fields',
                                '-e', 'frame.number', '-e', 'smtp.data.reassembled.in'], capture_output=True)
            lines = p.stdout.decode().splitlines()
            out.write('%s\t%s\t%s\n' % (cap, flt, ' | '.join(l.replace('\t', ' ') for l in lines)))
print('recorded')

# field references taken from a selected frame (tshark -2 --selected-frame=N)
selected = [('smtp-lab.pcap', 10, 'tcp.stream == ${tcp.stream}'), ('smtp-lab.pcap', 30, 'frame.number < ${frame.number} && tcp.len > 0'),
            ('smtp-lab.pcap', 35, 'ip.src == ${ip.src} && smtp'), ('corner/soc.pcap', 24, 'tcp.srcport == ${tcp.srcport}'),
            ('corner/soc.pcap', 5, 'frame.len > ${frame.len}')]
with open(os.path.join(repo, 'repl', 'src', 'test', 'resources', 'selected-frame.tsv'), 'w') as out:
    for cap, n, flt in selected:
        p = subprocess.run([tshark, '-2', '--selected-frame=%d' % n, '-n', '-r', os.path.join(repo, 'samples', cap), '-Y', flt,
                            '-T', 'fields', '-e', 'frame.number'], capture_output=True)
        out.write('%s\t%d\t%s\t%s\n' % (cap, n, flt, ','.join(p.stdout.decode().split())))
print('recorded selected-frame cases')
