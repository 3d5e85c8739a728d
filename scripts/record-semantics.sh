#!/bin/bash
# Records tshark 4.6.9 match counts for engine/src/test/resources/semantics/filters.tsv
# (capture<TAB>options<TAB>filter) into cases.jsonl in the suite_dfilter format.
# TSHARK46 (env) is the reference; captures come from the suite corpus in the repo.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tshark=${TSHARK46:-$here/../shared/tools/tshark46}
[ -x "$tshark" ] || tshark=/work/shared/tools/tshark46
exec python3 - "$tshark" "$here" <<'PY'
import json, os, subprocess, sys
tshark, here = sys.argv[1], sys.argv[2]
caps = os.path.join(here, "engine/src/test/resources/suite_dfilter/captures")
d = os.path.join(here, "engine/src/test/resources/semantics")
out = []
for n, line in enumerate(l for l in open(os.path.join(d, "filters.tsv")) if l.strip() and not l.startswith("##")):
    cap, opts, flt = line.rstrip("\n").split("\t", 2)
    cmd = [tshark, "-n", "-r", os.path.join(caps, cap)] + opts.split() + ["-Y", flt]
    p = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, TZ="UTC"))
    err = p.stderr.strip()
    row = {"capture": cap, "filter": flt, "tshark_options": opts, "test_id": "semantics::%d" % (n + 1)}
    if p.returncode == 4 or err.startswith("tshark:"):
        row.update(expected_count_or_ERROR="ERROR", error_substring=err.split("\n")[0].replace("tshark: ", ""))
    else:
        row.update(expected_count_or_ERROR=str(len(p.stdout.splitlines())), error_substring="")
    out.append(json.dumps(row))
open(os.path.join(d, "cases.jsonl"), "w").write("\n".join(out) + "\n")
print("recorded %d cases" % len(out))
PY
