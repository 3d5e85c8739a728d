#!/usr/bin/env python3
"""Records tshark 4.6.9's tcp.analysis and tcp.completeness answers for TcpAnalysisGoldenTest.

    scripts/record-tcp-analysis-goldens.py [CAPTURE...]   (needs ../shared/tools/tshark46, or $TSHARK46;
                                                          captures relative to samples/, default all)

For samples/tcp/*.pcap (scripts/make-tcp-analysis-corners.py), samples/smtp-lab.pcap,
samples/corner/s8_ooo.pcap and samples/prefs/conversations.pcap, writes into
repl/src/test/resources/tcp-analysis/:
  <capture>.fields.tsv    -T fields -E header=y -E occurrence=a -e <each field in fields.txt>, one pass
  <capture>.fields-2.tsv  the same with -2 (two passes)
  <capture>.filters.tsv   for each filter in filters.txt: filter<TAB>exit status<TAB>matching frames
  <capture>.filters-2.tsv the same with -2
  <capture>.txt           the default text output (-n -r CAP)
  <capture>.noanalysis.txt  the text output with -o tcp.analyze_sequence_numbers:FALSE
The test never runs tshark.
"""
import concurrent.futures
import glob
import os
import subprocess

repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tshark = os.environ.get('TSHARK46', os.path.join(repo, '..', 'shared', 'tools', 'tshark46'))
gold = os.path.join(repo, 'repl', 'src', 'test', 'resources', 'tcp-analysis')
fields = [l.strip() for l in open(os.path.join(gold, 'fields.txt')) if l.strip()]
filters = [l.rstrip('\n') for l in open(os.path.join(gold, 'filters.txt')) if l.strip()]
caps = sorted(glob.glob(os.path.join(repo, 'samples', 'tcp', '*.pcap'))) + [
    os.path.join(repo, 'samples', p) for p in ('smtp-lab.pcap', 'corner/s8_ooo.pcap', 'prefs/conversations.pcap')]

import sys
if len(sys.argv) > 1:
    caps = [os.path.join(repo, 'samples', c) for c in sys.argv[1:]]


def run(args):
    return subprocess.run([tshark] + args, capture_output=True)


def one_filter(path, flt, passes):
    p = run(passes + ['-n', '-r', path, '-Y', flt, '-T', 'fields', '-e', 'frame.number'])
    return '%s\t%d\t%s\n' % (flt, p.returncode, ','.join(p.stdout.decode().split()))


def write(name, text):
    with open(os.path.join(gold, name), 'w', encoding='utf-8') as f:
        f.write(text)


for path in caps:
    base = os.path.basename(path)
    field_args = ['-T', 'fields', '-E', 'header=y', '-E', 'occurrence=a']
    for f in fields:
        field_args += ['-e', f]
    write(base + '.fields.tsv', run(['-n', '-r', path] + field_args).stdout.decode('utf-8', 'replace'))
    write(base + '.fields-2.tsv', run(['-2', '-n', '-r', path] + field_args).stdout.decode('utf-8', 'replace'))
    write(base + '.txt', run(['-n', '-r', path]).stdout.decode('utf-8', 'replace'))
    write(base + '.noanalysis.txt', run(['-n', '-r', path, '-o', 'tcp.analyze_sequence_numbers:FALSE'])
          .stdout.decode('utf-8', 'replace'))
    for suffix, passes in (('', []), ('-2', ['-2'])):
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            lines = list(pool.map(lambda flt: one_filter(path, flt, passes), filters))
        write(base + '.filters' + suffix + '.tsv', ''.join(lines))
    print('recorded', base)
