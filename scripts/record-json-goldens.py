#!/usr/bin/env python3
"""Records tshark 4.6.9's -T json and -T ek output (with -e fields) for the cases of
repl/src/test/resources/json/cases.tsv.

    scripts/record-json-goldens.py        (needs ../shared/tools/tshark46)

Each case line is: name<TAB>capture<TAB>arguments..., the capture under samples/ (or json/..., under
repl/src/test/resources/); the arguments @lower and @mail stand for -e of every field in
fields-lower.txt / fields-mail.txt. Writes, next to cases.tsv:
  <name>.out     tshark46 -n -r CAPTURE ARGUMENTS, standard output byte for byte
  status.tsv     name<TAB>exit status<TAB>standard error, the capture's path written as FILE and lines joined by \\n
JsonOutputTest runs dfq on the same cases and compares; tests never run tshark.
"""
import os, subprocess
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
tshark = os.environ.get('TSHARK46', os.path.join(repo, '..', 'shared', 'tools', 'tshark46'))
gold = os.path.join(repo, 'repl', 'src', 'test', 'resources', 'json')

def field_args(name):
    return [a for f in open(os.path.join(gold, name)) if f.strip() for a in ('-e', f.strip())]

expand = {'@lower': field_args('fields-lower.txt'), '@mail': field_args('fields-mail.txt')}
statuses = []
for line in open(os.path.join(gold, 'cases.tsv'), encoding='utf-8'):
    if line.startswith('#') or not line.strip():
        continue
    name, capture, *args = line.rstrip('\n').split('\t')
    path = os.path.join(repo, 'repl', 'src', 'test', 'resources', capture) if capture.startswith('json/') \
        else os.path.join(repo, 'samples', capture)
    argv = [tshark, '-n', '-r', path] + [x for a in args for x in expand.get(a, [a])]
    p = subprocess.run(argv, capture_output=True)
    with open(os.path.join(gold, name + '.out'), 'wb') as f:
        f.write(p.stdout)
    err = p.stderr.decode('utf-8').replace('/host' + os.path.realpath(path), 'FILE').strip().replace('\n', '\\n')
    statuses.append('%s\t%d\t%s\n' % (name, p.returncode, err))
with open(os.path.join(gold, 'status.tsv'), 'w', encoding='utf-8') as f:
    f.writelines(statuses)
print(len(statuses), 'cases')
