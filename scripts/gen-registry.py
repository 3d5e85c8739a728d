#!/usr/bin/env python3
"""Generates dfq's bundled field registry from tshark 4.6.9's registry dumps.

    scripts/gen-registry.py [REFERENCE_DIR]     (default: ../shared/reference beside the repo)

Writes fields/src/main/resources/dev/dfq/fields/registry/:
  fields.tsv.gz        one line per protocol or field, in registration order (the order of `-G fields`):
                       P|F, abbrev, display name, FT_ type, parent protocol abbrev, base, bitmask, table id
                       (display names only: Wireshark's descriptions are not copied)
  values-NNN.tsv.gz    value-string tables, deduplicated (many fields share one table), 64 tables per
                       chunk so a lookup inflates one small chunk: table id, V|R|T, then the columns.
"""
import gzip, os, sys, collections

repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ref = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, '..', 'shared', 'reference')
out = os.path.join(repo, 'fields', 'src', 'main', 'resources', 'dev', 'dfq', 'fields', 'registry')
os.makedirs(out, exist_ok=True)
for f in os.listdir(out):
    os.remove(os.path.join(out, f))
CHUNK = 64

def clean(s):
    return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ')

# value tables, keyed by field abbrev; only the first table of a field counts (as for fields)
tables = collections.OrderedDict()
with gzip.open(os.path.join(ref, 'tshark-4.6.9-G-values.txt.gz'), 'rt', encoding='utf-8', errors='replace') as f:
    for line in f:
        p = line.rstrip('\n').split('\t')
        kind = p[0]
        if kind in ('V', 'V64') and len(p) >= 4:
            tables.setdefault(p[1], []).append(('V', p[2], clean(p[3])))
        elif kind == 'R' and len(p) >= 5:
            tables.setdefault(p[1], []).append(('R', p[2], p[3], clean(p[4])))
        elif kind == 'T' and len(p) >= 4:
            tables.setdefault(p[1], []).append(('T', clean(p[2]), clean(p[3])))

ids = {}
distinct = []
field_table = {}
for abbrev, rows in tables.items():
    key = tuple(rows)
    tid = ids.get(key)
    if tid is None:
        tid = ids[key] = len(distinct)
        distinct.append(rows)
    field_table[abbrev] = tid

for start in range(0, len(distinct), CHUNK):
    name = os.path.join(out, 'values-%03d.tsv.gz' % (start // CHUNK))
    with gzip.open(name, 'wt', encoding='utf-8', compresslevel=9) as g:
        for tid in range(start, min(start + CHUNK, len(distinct))):
            for row in distinct[tid]:
                g.write(str(tid) + '\t' + '\t'.join(row) + '\n')

nfields = nprotos = 0
with gzip.open(os.path.join(ref, 'tshark-4.6.9-G-fields.txt.gz'), 'rt', encoding='utf-8', errors='replace') as f, \
        gzip.open(os.path.join(out, 'fields.tsv.gz'), 'wt', encoding='utf-8', compresslevel=9) as g:
    for line in f:
        p = line.rstrip('\n').split('\t')
        if p[0] == 'P' and len(p) >= 3:
            g.write('P\t%s\t%s\n' % (p[2], clean(p[1])))
            nprotos += 1
        elif p[0] == 'F' and len(p) >= 7:
            tid = field_table.get(p[2], -1)
            g.write('F\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n' % (p[2], clean(p[1]), p[3], p[4], p[5], p[6], tid))
            nfields += 1
print('protocols %d, fields %d, value tables %d (for %d fields), chunks %d'
      % (nprotos, nfields, len(distinct), len(field_table), (len(distinct) + CHUNK - 1) // CHUNK))
