#!/usr/bin/env python3
"""Records tshark 4.6.9's output with its default name resolution (no -n), with -N mt and -N t, the
eth.*_resolved / .oui / .oui_resolved fields, the TCP and UDP labels of -e tcp/udp, the order of -n, -N and -o nameres.*, and its errors for
bad -N letters, for NameResolutionGoldenTest.

usage: scripts/record-name-goldens.py      (needs ../shared/tools/tshark46, or TSHARK46=...)

Writes repl/src/test/resources/names/cases.tsv, one case a line: id, exit status, then the arguments
(capture paths relative to the repository), tab-separated; and for each case <id>.out (standard output)
and, when tshark wrote any, <id>.err (standard error, "tshark:" as tshark writes it); and G-manuf.sha256 and
G-services.sha256, the SHA-256 and line count of `tshark -G manuf` and `-G services`.
"""
import glob
import hashlib
import os
import subprocess

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TSHARK = os.environ.get('TSHARK46', os.path.join(REPO, '..', 'shared', 'tools', 'tshark46'))
OUT = os.path.join(REPO, 'repl', 'src', 'test', 'resources', 'names')

FIELDS = ['eth.dst', 'eth.src', 'eth.dst_resolved', 'eth.src_resolved', 'eth.addr_resolved', 'eth.dst.oui',
          'eth.src.oui', 'eth.addr.oui', 'eth.dst.oui_resolved', 'eth.src.oui_resolved', 'eth.addr.oui_resolved',
          'eth.lg', 'eth.ig', '_ws.col.def_src', '_ws.col.def_dst', '_ws.col.info']


def captures():
    names = ['samples/smtp-lab.pcap']
    for folder in ('corner', 'vlan', 'prefs', 'ipfrag', 'tcp', 'names'):
        names += sorted(os.path.relpath(p, REPO) for p in glob.glob(os.path.join(REPO, 'samples', folder, '*.pcap')))
    return names


def cases():
    fields = ['-T', 'fields', '-E', 'header=y'] + [a for f in FIELDS for a in ('-e', f)]
    for cap in captures():
        base = os.path.basename(cap)
        yield 'text-default.' + base, ['-r', cap]
        yield 'text-N-mt.' + base, ['-N', 'mt', '-r', cap]
        yield 'fields-default.' + base, ['-r', cap] + fields
    for cap in ('samples/names/macs.pcap', 'samples/names/ports.pcap', 'samples/vlan/vlan.pcap'):
        base = os.path.basename(cap)
        yield 'fields-n.' + base, ['-n', '-r', cap] + fields
        yield 'fields-N-t.' + base, ['-N', 't', '-r', cap] + fields
        yield 'filter-resolved.' + base, ['-r', cap, '-Y', 'eth.addr_resolved contains "_" || eth.dst_resolved == "Broadcast"']
    # protocol labels write ports as "smtp (25)" with -N t
    for opts in ([], ['-N', 't']):
        mode = '-'.join(['labels'] + [o.strip('-') for o in opts])
        yield mode + '.ports.pcap', opts + ['-r', 'samples/names/ports.pcap', '-T', 'fields', '-e', 'tcp', '-e', 'udp']
        yield mode + '-json.ports.pcap', opts + ['-r', 'samples/names/ports.pcap', '-T', 'json', '-e', 'tcp', '-e', 'udp']
    # the last of -n, -N and -o nameres.* wins
    macs, ports = 'samples/names/macs.pcap', 'samples/names/ports.pcap'
    yield 'order-n-then-N-m', ['-n', '-N', 'm', '-r', macs]
    yield 'order-N-m-then-n', ['-N', 'm', '-n', '-r', macs]
    yield 'order-N-t-clears-m', ['-N', 't', '-r', macs]
    yield 'order-pref-then-N', ['-o', 'nameres.mac_name:FALSE', '-N', 'm', '-r', macs]
    yield 'order-N-then-pref', ['-N', 'm', '-o', 'nameres.mac_name:FALSE', '-r', macs]
    yield 'order-n-then-pref-t', ['-n', '-o', 'nameres.transport_name:TRUE', '-r', ports]
    yield 'order-N-empty', ['-N', '', '-r', macs]
    yield 'order-N-all-letters', ['-N', 'mntdNvsg', '-r', ports]
    # a boolean preference is true only when it says TRUE (any case): "1" is false
    yield 'pref-1-is-false', ['-o', 'nameres.transport_name:1', '-r', ports]
    yield 'pref-true-any-case', ['-o', 'nameres.transport_name:true', '-n', '-o', 'nameres.mac_name:True', '-r', macs]
    yield 'pref-checksum-1-is-false', ['-o', 'tcp.check_checksum:1', '-r', 'samples/prefs/bad_checksums.pcap']
    yield 'error-N-x', ['-N', 'x', '-r', macs]
    yield 'error-N-mX', ['-N', 'mX', '-r', macs]


def main():
    os.makedirs(OUT, exist_ok=True)
    for old in glob.glob(os.path.join(OUT, '*')):
        os.remove(old)
    with open(os.path.join(OUT, 'cases.tsv'), 'w') as index:
        for case_id, args in cases():
            p = subprocess.run([TSHARK] + args, cwd=REPO, capture_output=True)
            with open(os.path.join(OUT, case_id + '.out'), 'wb') as f:
                f.write(p.stdout)
            if p.stderr:
                with open(os.path.join(OUT, case_id + '.err'), 'wb') as f:
                    f.write(p.stderr)
            index.write('\t'.join([case_id, str(p.returncode)] + args) + '\n')
    # -G manuf and -G services are megabytes: their SHA-256 and line count stand for them
    for report in ('manuf', 'services'):
        text = subprocess.run([TSHARK, '-G', report], capture_output=True, check=True).stdout
        with open(os.path.join(OUT, 'G-%s.sha256' % report), 'w') as f:
            f.write('%s %d\n' % (hashlib.sha256(text).hexdigest(), text.count(b'\n')))
    print('recorded', sum(1 for _ in cases()), 'cases into', OUT)


if __name__ == '__main__':
    main()
